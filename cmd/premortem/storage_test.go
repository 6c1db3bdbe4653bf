package main

import (
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
	code, out, errs := runWith(t, map[string]string{"PREMORTEM_STORAGE_DSN": dsn}, "forget", "--config", cfg, "--user", "42")
	if code != 0 || !strings.Contains(out, "deleted 1") {
		t.Fatalf("exit %d: %q %q", code, out, errs)
	}
	if strings.Contains(errs, "premortem-test") {
		t.Errorf("the DSN's password was logged: %s", errs)
	}
}
