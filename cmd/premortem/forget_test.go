package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/premortem/premortem/store"
)

func TestForget(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	cfg := filepath.Join(dir, "c.yaml")
	os.WriteFile(cfg, []byte("storage:\n  driver: sqlite\n  dsn: "+db+"\n"), 0o644)
	ctx := context.Background()
	st, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"assess:a", "assess:b"} {
		if err := st.CreateSession(ctx, store.Session{ID: id, UserID: "42", State: []byte("{}")}); err != nil {
			t.Fatal(err)
		}
	}
	st.CreateSession(ctx, store.Session{ID: "assess:c", UserID: "7", State: []byte("{}")})
	st.Close()

	code, out, errs := runCLI(t, "forget", "--config", cfg, "--user", "42")
	if code != 0 || !strings.Contains(out, "deleted 2") {
		t.Fatalf("exit %d: %q %q", code, out, errs)
	}
	st, _ = store.Open(ctx, db)
	defer st.Close()
	if xs, _ := st.ListSessionsByUser(ctx, "7"); len(xs) != 1 {
		t.Error("forget touched another user")
	}
	if code, _, errs := runCLI(t, "forget", "--config", cfg); code == 0 || !strings.Contains(errs, "--user") {
		t.Errorf("missing --user: exit %d %q", code, errs)
	}
	if code, _, errs := runCLI(t, "forget", "--config", cfg, "--user", "@alice"); code == 0 || !strings.Contains(errs, "numeric Discord user ID") {
		t.Errorf("bad --user: exit %d %q", code, errs)
	}
}

// TestForgetNoDatabase: with nothing stored, forget says so and creates no
// database.
func TestForgetNoDatabase(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "none.db")
	cfg := filepath.Join(dir, "c.yaml")
	os.WriteFile(cfg, []byte("storage:\n  driver: sqlite\n  dsn: "+db+"\n"), 0o644)
	code, out, errs := runCLI(t, "forget", "--config", cfg, "--user", "42")
	if code != 0 || !strings.Contains(out, "nothing stored") {
		t.Errorf("exit %d: %q %q", code, out, errs)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("forget created a database")
	}
}
