// Package goldenfile compares a test's output with a file under testdata/, or
// rewrites the file when the test runs with its package's -update flag.
// Tests only: every package's golden tests share this one rule.
package goldenfile

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Check compares got with the file at path; with update it writes got
// there instead (creating the folder). hint says how to rewrite it.
func Check(t testing.TB, path, got string, update bool, hint string) {
	t.Helper()
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (%s writes it)", err, hint)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got; %s rewrites it):\n%s", path, hint, diff)
	}
}
