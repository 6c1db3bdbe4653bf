package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/store"
	"github.com/premortem/premortem/store/pgtest"
)

func TestStoreDriversMatchConfig(t *testing.T) {
	var names []string
	for n := range storeDrivers() {
		names = append(names, n)
	}
	slices.Sort(names)
	want := slices.Sorted(slices.Values(config.Drivers))
	if !slices.Equal(names, want) {
		t.Errorf("constructors for %v, config lists %v", names, want)
	}
}

// TestForgetOnPostgres runs `premortem forget` with the DSN from the
// environment, as an operator of several processes would.
func TestForgetOnPostgres(t *testing.T) {
	dsn := pgtest.DSN(t)
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(cfg, []byte("storage:\n  driver: postgres\n"), 0o644)
	st, err := openStore(context.Background(), config.Storage{Driver: "postgres", DSN: dsn}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.AddFeedback(context.Background(), store.Feedback{MessageID: "m", UserID: "42", Vote: 1}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	var out, errb bytes.Buffer
	env := &cli{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string {
		if k == "PREMORTEM_STORAGE_DSN" {
			return dsn
		}
		return ""
	}}
	if code := run(context.Background(), env, []string{"forget", "--config", cfg, "--user", "42"}); code != 0 || !strings.Contains(out.String(), "deleted 1") {
		t.Fatalf("exit %d: %q %q", code, out.String(), errb.String())
	}
	if strings.Contains(errb.String(), "premortem-test") {
		t.Errorf("the DSN's password was logged: %s", errb.String())
	}
}
