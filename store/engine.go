package store

import (
	"context"
	"hash/fnv"
)

// querier is what the queries need from an engine, outside a transaction
// and inside one. Every query is written once, with $1-style placeholders
// and SQL both SQLite and PostgreSQL accept; sqlQuerier (database/sql) and
// pgQuerier (pgx) adapt the two drivers to it.
type querier interface {
	exec(ctx context.Context, q string, args ...any) (rowsAffected int64, err error)
	queryRow(ctx context.Context, q string, args ...any) scanner
	query(ctx context.Context, q string, args ...any) (rowIter, error)
}

type scanner interface{ Scan(dest ...any) error }

type rowIter interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
	Close()
}

// engine is one database. The few things that differ between SQLite (one
// process) and PostgreSQL (many) live behind it: transactions, telling
// other processes about a model switch, leases and the database's clock.
type engine interface {
	querier
	// inTx runs f in a write transaction, committing when it returns nil.
	inTx(ctx context.Context, f func(querier) error) error
	// notifyTx announces c inside the transaction that writes it
	// (PostgreSQL's NOTIFY); announce does so after the commit (SQLite's
	// in-process subscribers). Each engine leaves one of them empty.
	notifyTx(ctx context.Context, tx querier, c ModelChoice) error
	announce(c ModelChoice)
	// watch calls reread on subscribing and after every reconnect, then on
	// for every announced choice, until ctx ends.
	watch(ctx context.Context, reread func(context.Context, querier) error, on func(guildID, backend string)) error
	// lock waits for the exclusive lock key, named name in logs.
	lock(ctx context.Context, key int64, name string) (*Lease, error)
	// nowMillis is an SQL expression of the database's clock in Unix
	// milliseconds, so processes on several machines share one clock.
	nowMillis() string
	driver() string
	ping(ctx context.Context) error
	close() error
}

// lockKey maps a lock's name to the 64-bit key of an advisory lock.
func lockKey(name string) int64 {
	h := fnv.New64a()
	h.Write([]byte("premortem:" + name))
	return int64(h.Sum64())
}

// rows collects every row of q with scan, closing the iterator.
func rows[T any](ctx context.Context, q querier, scan func(scanner) (T, error), sql string, args ...any) ([]T, error) {
	it, err := q.query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var out []T
	for it.Next() {
		x, err := scan(it)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, it.Err()
}
