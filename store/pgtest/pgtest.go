// Package pgtest gives tests a real PostgreSQL: a fresh database per test
// on the throwaway cluster that .ci/postgres.sh starts (named by
// PREMORTEM_TEST_POSTGRES_DSN), or, for tests that restart the server, a
// private cluster of their own built from the same binaries. Without the
// variable every such test skips.
package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// The environment .ci/postgres.sh exports.
const (
	EnvDSN  = "PREMORTEM_TEST_POSTGRES_DSN"  // postgres://... of a superuser on the test cluster
	EnvBin  = "PREMORTEM_TEST_POSTGRES_BIN"  // folder of initdb and pg_ctl
	EnvUser = "PREMORTEM_TEST_POSTGRES_USER" // who runs them when the tests run as root
)

// DSN returns the DSN of a new, empty database on the test cluster,
// dropped when t ends. It skips t when no cluster is configured and fails
// it when the configured one does not answer.
func DSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvDSN)
	if base == "" {
		t.Skipf("no test PostgreSQL: run `source .ci/postgres.sh` to set %s", EnvDSN)
	}
	return CreateDatabase(t, base)
}

// CreateDatabase creates a database with a random name on the server of the
// URL base and returns base pointing at it; it is dropped when t ends.
func CreateDatabase(t testing.TB, base string) string {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s is not a postgres:// URL", EnvDSN)
	}
	var b [6]byte
	rand.Read(b[:])
	name := "premortem_test_" + hex.EncodeToString(b[:])
	Exec(t, base, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize())
	t.Cleanup(func() { Exec(t, base, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)") })
	u.Path = "/" + name
	return u.String()
}

// Exec runs statements on the database of dsn, failing t on error.
func Exec(t testing.TB, dsn string, sql ...string) {
	t.Helper()
	withConn(t, dsn, func(ctx context.Context, conn *pgx.Conn) {
		for _, q := range sql {
			if _, err := conn.Exec(ctx, q); err != nil {
				t.Fatalf("test PostgreSQL: %s: %v", q, err)
			}
		}
	})
}

// withConn runs f on a connection of its own to dsn, failing t when there
// is none, and closes it.
func withConn(t testing.TB, dsn string, f func(ctx context.Context, conn *pgx.Conn)) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("test PostgreSQL: %v", err)
	}
	defer conn.Close(ctx)
	f(ctx, conn)
}

// others selects cols of the other sessions on the current database that
// match the SQL condition cond.
func others(cols, cond string) string {
	return `SELECT ` + cols + ` FROM pg_stat_activity
		WHERE datname = current_database() AND pid <> pg_backend_pid() AND (` + cond + `)`
}

// Terminate ends the server sessions on dsn's database that match the SQL
// condition cond on pg_stat_activity (as the server does to a client that
// crashed), waits until they are gone and returns how many it ended. For
// example: `application_name = 'premortem watch'`.
func Terminate(t testing.TB, dsn, cond string, args ...any) int {
	t.Helper()
	var pids []int32
	withConn(t, dsn, func(ctx context.Context, conn *pgx.Conn) {
		rows, err := conn.Query(ctx, others("pid", cond), args...)
		if err == nil {
			pids, err = pgx.CollectRows(rows, pgx.RowTo[int32])
		}
		if err != nil {
			t.Fatalf("terminate %s: %v", cond, err)
		}
		for _, pid := range pids {
			if _, err := conn.Exec(ctx, `SELECT pg_terminate_backend($1)`, pid); err != nil {
				t.Fatalf("terminate %d: %v", pid, err)
			}
		}
		for {
			var left int
			if err := conn.QueryRow(ctx, `SELECT count(*) FROM pg_stat_activity WHERE pid = ANY($1)`, pids).Scan(&left); err != nil {
				t.Fatalf("terminate %s: %v", cond, err)
			}
			if left == 0 {
				return
			}
			select {
			case <-ctx.Done():
				t.Fatalf("terminate %s: %d sessions still there", cond, left)
			case <-time.After(10 * time.Millisecond):
			}
		}
	})
	return len(pids)
}

// Count counts the server sessions on dsn's database matching cond.
func Count(t testing.TB, dsn, cond string, args ...any) int {
	t.Helper()
	var n int
	withConn(t, dsn, func(ctx context.Context, conn *pgx.Conn) {
		if err := conn.QueryRow(ctx, others("count(*)", cond), args...).Scan(&n); err != nil {
			t.Fatalf("count sessions %s: %v", cond, err)
		}
	})
	return n
}

func must(t testing.TB, err error, what string, args ...any) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", fmt.Sprintf(what, args...), err)
	}
}
