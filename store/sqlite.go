package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// OpenSQLite opens (creating if needed) the SQLite database at path, a file
// path or ":memory:", and migrates it to the current schema. It serves one
// process: leases, model-switch broadcasts and identify pacing are shared
// by the Stores of this process only.
func OpenSQLite(ctx context.Context, path string, opts Options) (*Store, error) {
	opts.defaults()
	if strings.TrimSpace(path) == "" {
		return nil, errors.New("open sqlite store: empty database path")
	}
	db, err := sql.Open("sqlite", withPragmas(path))
	if err != nil {
		return nil, fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	if inMemory(path) {
		// Every connection to :memory: is a database of its own.
		db.SetMaxOpenConns(1)
	}
	e := &sqliteEngine{sqlQuerier: sqlQuerier{db}, db: db, hub: newHub(), locks: newLocalLocks()}
	if err := migrate(ctx, db, goose.DialectSQLite3, opts.Logger); err != nil {
		db.Close()
		return nil, fmt.Errorf("open sqlite store %s: %w", path, err)
	}
	return newStore(e, opts), nil
}

// withPragmas adds WAL (with synchronous NORMAL, SQLite's advice for WAL:
// no corruption, only the last commits at risk on power loss), a busy
// timeout and immediate write transactions to dsn, unless the caller set
// them.
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
		if !has("synchronous") {
			q.Add("_pragma", "synchronous(NORMAL)")
		}
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

type sqliteEngine struct {
	sqlQuerier
	db    *sql.DB
	hub   *hub
	locks *localLocks
}

func (e *sqliteEngine) driver() string                 { return "sqlite" }
func (e *sqliteEngine) ping(ctx context.Context) error { return e.db.PingContext(ctx) }
func (e *sqliteEngine) close() error                   { return e.db.Close() }
func (e *sqliteEngine) nowMillis() string              { return `CAST(unixepoch('subsec') * 1000 AS INTEGER)` }

func (e *sqliteEngine) inTx(ctx context.Context, f func(querier) error) error {
	tx, err := e.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(sqlQuerier{tx}); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func (e *sqliteEngine) notifyTx(context.Context, querier, ModelChoice) error { return nil }
func (e *sqliteEngine) announce(c ModelChoice)                               { e.hub.publish(c) }

func (e *sqliteEngine) watch(ctx context.Context, reread func(context.Context, querier) error, on func(guildID, backend string)) error {
	return e.hub.watch(ctx, func(ctx context.Context) error { return reread(ctx, e) }, on)
}

func (e *sqliteEngine) lock(ctx context.Context, key int64, name string) (*Lease, error) {
	return e.locks.acquire(ctx, key, name)
}

// sqlQuerier adapts database/sql (a *sql.DB or a *sql.Tx).
type sqlQuerier struct {
	c interface {
		ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
		QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
		QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
	}
}

func (q sqlQuerier) exec(ctx context.Context, s string, args ...any) (int64, error) {
	res, err := q.c.ExecContext(ctx, s, args...)
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (q sqlQuerier) queryRow(ctx context.Context, s string, args ...any) scanner {
	return q.c.QueryRowContext(ctx, s, args...)
}

func (q sqlQuerier) query(ctx context.Context, s string, args ...any) (rowIter, error) {
	r, err := q.c.QueryContext(ctx, s, args...)
	if err != nil {
		return nil, err
	}
	return sqlRows{r}, nil
}

type sqlRows struct{ *sql.Rows }

func (r sqlRows) Close() { r.Rows.Close() }

// inMemory reports whether a SQLite path names an in-memory database.
func inMemory(path string) bool { return path == ":memory:" || strings.Contains(path, "mode=memory") }

// SQLiteFile is the file a SQLite path or DSN names ("premortem.db",
// "file:premortem.db?_pragma=..."); ok is false for an in-memory database.
func SQLiteFile(dsn string) (path string, ok bool) {
	path, _, _ = strings.Cut(strings.TrimPrefix(dsn, "file:"), "?")
	if path == "" || inMemory(path) || inMemory(dsn) {
		return "", false
	}
	return path, true
}
