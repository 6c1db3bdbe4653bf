package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// ErrNotFound is returned for a row that does not exist.
var ErrNotFound = errors.New("not found")

// Store is an open database. It is safe for concurrent use.
type Store struct {
	db  *sql.DB
	now func() time.Time
}

// Open opens (creating if needed) the SQLite database at dsn, a file path
// or ":memory:", and migrates it to the current schema.
func Open(ctx context.Context, dsn string) (*Store, error) {
	if strings.TrimSpace(dsn) == "" {
		return nil, errors.New("open store: empty database path")
	}
	db, err := sql.Open("sqlite", withPragmas(dsn))
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dsn, err)
	}
	if dsn == ":memory:" || strings.Contains(dsn, "mode=memory") {
		// Every connection to :memory: is a database of its own.
		db.SetMaxOpenConns(1)
	}
	s := &Store{db: db, now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", dsn, err)
	}
	return s, nil
}

// withPragmas adds WAL, a busy timeout and immediate write transactions to
// dsn, unless the caller set them.
func withPragmas(dsn string) string {
	path, query, _ := strings.Cut(dsn, "?")
	q, err := url.ParseQuery(query)
	if err != nil {
		return dsn
	}
	has := func(p string) bool {
		for _, v := range q["_pragma"] {
			if strings.HasPrefix(strings.ToLower(v), p) {
				return true
			}
		}
		return false
	}
	if !has("busy_timeout") {
		q.Add("_pragma", "busy_timeout(5000)")
	}
	if !has("journal_mode") && path != ":memory:" {
		q.Add("_pragma", "journal_mode(WAL)")
	}
	if !has("foreign_keys") {
		q.Add("_pragma", "foreign_keys(1)")
	}
	if q.Get("_txlock") == "" {
		q.Set("_txlock", "immediate")
	}
	if !strings.HasPrefix(path, "file:") && path != ":memory:" {
		path = "file:" + path
	}
	return path + "?" + q.Encode()
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Ping checks the database answers, for /healthz.
func (s *Store) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// SetClock replaces time.Now, for tests.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// tx runs f in a write transaction.
func (s *Store) tx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func unix(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

func fromUnix(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}
