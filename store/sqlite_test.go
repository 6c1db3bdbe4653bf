package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/premortem/premortem/store"
	"github.com/premortem/premortem/store/storetest"
)

func openSQLite(t *testing.T, opts store.Options) (*store.Store, *store.Store) {
	s := openSQLiteAt(t, filepath.Join(t.TempDir(), "premortem.db"), opts)
	return s, s
}

// openSQLiteAt opens the database at path, closed when t ends.
func openSQLiteAt(t testing.TB, path string, opts store.Options) *store.Store {
	t.Helper()
	s, err := store.OpenSQLite(context.Background(), path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSQLite(t *testing.T) { storetest.Run(t, openSQLite) }

func TestSQLiteMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T, opts store.Options) (*store.Store, *store.Store) {
		s := openSQLiteAt(t, ":memory:", opts)
		return s, s
	})
}

// rawSQLite opens the file without the store, to look behind its back.
func rawSQLite(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestSQLiteReopensInWAL(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "premortem.db")
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetGuildModel(ctx, store.ModelChoice{GuildID: "g", Backend: "local", ChangedBy: "u"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	var mode string
	if err := rawSQLite(t, path).QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode %q, %v; want wal", mode, err)
	}
	s2, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	if c, err := s2.GuildModel(ctx, "g"); err != nil || c.Backend != "local" {
		t.Errorf("after reopen: %+v, %v", c, err)
	}
}

// TestSQLiteAdoptsLegacyDatabase opens a file written by a build that
// counted schema versions in PRAGMA user_version: its rows stay.
func TestSQLiteAdoptsLegacyDatabase(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db := rawSQLite(t, path)
	for _, q := range []string{
		`CREATE TABLE guild_models (guild_id TEXT PRIMARY KEY, backend TEXT NOT NULL, changed_by TEXT NOT NULL, changed_at INTEGER NOT NULL)`,
		`CREATE TABLE feedback (message_id TEXT NOT NULL, user_id TEXT NOT NULL, guild_id TEXT NOT NULL, vote INTEGER NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (message_id, user_id))`,
		`CREATE TABLE usage (kind TEXT NOT NULL, id TEXT NOT NULL, day TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (kind, id, day))`,
		`CREATE TABLE sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, guild_id TEXT NOT NULL, channel_id TEXT NOT NULL, state BLOB NOT NULL, step INTEGER NOT NULL, version INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, expires_at INTEGER NOT NULL)`,
		`INSERT INTO guild_models VALUES ('g', 'local', 'admin', 1700000000000)`,
		`INSERT INTO sessions VALUES ('assess:x', 'u1', 'g', 'c', X'7B7D', 2, 3, 1, 1, 0)`,
		`PRAGMA user_version = 1`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatalf("open a legacy database: %v", err)
	}
	defer s.Close()
	if c, err := s.GuildModel(ctx, "g"); err != nil || c.Backend != "local" {
		t.Errorf("legacy model choice: %+v, %v", c, err)
	}
	if x, err := s.GetSession(ctx, "assess:x"); err != nil || x.Version != 3 || string(x.State) != "{}" {
		t.Errorf("legacy session: %+v, %v", x, err)
	}
	if ok, _, err := s.TakeRate(ctx, store.Rate{Kind: "user", ID: "u1", PerMinute: 1, Burst: 1}); !ok || err != nil {
		t.Errorf("a table of the new step: %v, %v", ok, err)
	}
}

func TestSQLiteRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "premortem.db")
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := rawSQLite(t, path).Exec(`INSERT INTO goose_db_version (version_id, is_applied) VALUES (99, 1)`); err != nil {
		t.Fatal(err)
	}
	_, err = store.Open(ctx, path)
	if err == nil || !strings.Contains(err.Error(), "newer than this build") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("opened a database from the future: %v", err)
	}
}

func TestSQLiteBadPath(t *testing.T) {
	for name, dsn := range map[string]string{
		"empty":     "",
		"no folder": filepath.Join(t.TempDir(), "missing", "x.db"),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := store.Open(context.Background(), dsn); err == nil {
				t.Errorf("Open(%q) succeeded", dsn)
			}
		})
	}
}

// TestSQLiteFile: the file a SQLite path or DSN names; none in memory.
func TestSQLiteFile(t *testing.T) {
	for _, tt := range []struct{ dsn, want string }{
		{"premortem.db", "premortem.db"},
		{"file:data/premortem.db?_pragma=busy_timeout(5000)", "data/premortem.db"},
		{":memory:", ""},
		{"file:x?mode=memory&cache=shared", ""},
		{"", ""},
	} {
		if got, ok := store.SQLiteFile(tt.dsn); got != tt.want || ok != (tt.want != "") {
			t.Errorf("SQLiteFile(%q) = %q, %v; want %q", tt.dsn, got, ok, tt.want)
		}
	}
}
