package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
)

// OpenPostgres connects to the PostgreSQL database named by dsn (a URL
// such as postgres://user@host:5432/premortem, or key=value pairs; the
// password may also come from PGPASSWORD or ~/.pgpass) and migrates it.
// Many processes may share one database: every method is atomic across
// them. Errors name the server, never the password.
func OpenPostgres(ctx context.Context, dsn string, opts Options) (*Store, error) {
	opts.defaults()
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, dsnError(dsn, err)
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	cfg.ConnConfig.RuntimeParams["application_name"] = "premortem"
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, dsnError(dsn, err)
	}
	where := serverOf(cfg.ConnConfig)
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, connectError(cfg.ConnConfig, dsn, err)
	}
	e := &pgEngine{pgQuerier: pgQuerier{pool}, pool: pool, cfg: cfg, opts: opts}
	db := stdlib.OpenDBFromPool(pool)
	err = migrate(ctx, db, goose.DialectPostgres, opts.Logger)
	db.Close()
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("open postgres store at %s: %s", where, oneLine(scrub(err.Error(), dsn)))
	}
	opts.Logger.Info("storage open", "driver", "postgres", "dsn", RedactDSN(dsn))
	return newStore(e, opts), nil
}

type pgEngine struct {
	pgQuerier
	pool *pgxpool.Pool
	cfg  *pgxpool.Config
	opts Options
}

func (e *pgEngine) driver() string                 { return "postgres" }
func (e *pgEngine) ping(ctx context.Context) error { return e.pool.Ping(ctx) }
func (e *pgEngine) nowMillis() string {
	return `CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)`
}

func (e *pgEngine) close() error {
	e.pool.Close()
	return nil
}

func (e *pgEngine) inTx(ctx context.Context, f func(querier) error) error {
	return pgx.BeginFunc(ctx, e.pool, func(tx pgx.Tx) error { return f(pgQuerier{tx}) })
}

// connect opens a connection outside the pool, for a listener or a lease,
// named in pg_stat_activity.application_name.
func (e *pgEngine) connect(ctx context.Context, name string) (*pgx.Conn, error) {
	cc := e.cfg.ConnConfig.Copy()
	cc.RuntimeParams["application_name"] = "premortem " + name
	return pgx.ConnectConfig(ctx, cc)
}

// retry waits ReconnectDelay after a failed connection, or until ctx ends.
func (e *pgEngine) retry(ctx context.Context, what string, err error) error {
	e.opts.Logger.Warn("storage connection failed; retrying", "for", what, "err", e.redact(err), "in", e.opts.ReconnectDelay)
	t := time.NewTimer(e.opts.ReconnectDelay)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// redact is err's text without the password of the DSN, for logs.
func (e *pgEngine) redact(err error) string { return scrub(err.Error(), e.cfg.ConnString()) }

// pgQuerier adapts pgx (the pool, a transaction or one connection).
type pgQuerier struct {
	c interface {
		Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
		Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
		QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	}
}

func (q pgQuerier) exec(ctx context.Context, s string, args ...any) (int64, error) {
	tag, err := q.c.Exec(ctx, s, args...)
	return tag.RowsAffected(), err
}

func (q pgQuerier) queryRow(ctx context.Context, s string, args ...any) scanner {
	return q.c.QueryRow(ctx, s, args...)
}

func (q pgQuerier) query(ctx context.Context, s string, args ...any) (rowIter, error) {
	return q.c.Query(ctx, s, args...)
}
