package main

import (
	"flag"
	"testing"

	"github.com/premortem/premortem/internal/goldenfile"
)

// update rewrites this package's golden files: go test ./cmd/premortem -update.
var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with the file at path, or rewrites it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	goldenfile.Check(t, path, got, *update, "go test ./cmd/premortem -update")
}
