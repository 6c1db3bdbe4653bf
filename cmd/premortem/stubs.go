package main

import (
	"log/slog"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/config"
)

// TEMPORARY: replaced by backends.go.
func buildBackends(m config.Models, getenv func(string) string, log *slog.Logger) (*advisor.Backends, error) {
	return advisor.BuiltinOnly(), nil
}
