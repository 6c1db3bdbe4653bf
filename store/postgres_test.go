package store_test

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/premortem/premortem/store"
	"github.com/premortem/premortem/store/pgtest"
	"github.com/premortem/premortem/store/storetest"
)

// openPostgres opens two pools on a fresh database, as two processes would.
func openPostgres(t *testing.T, opts store.Options) (*store.Store, *store.Store) {
	t.Helper()
	dsn := pgtest.DSN(t)
	return openPostgresAt(t, dsn, opts), openPostgresAt(t, dsn, opts)
}

func openPostgresAt(t testing.TB, dsn string, opts store.Options) *store.Store {
	t.Helper()
	s, err := store.OpenPostgres(context.Background(), dsn, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestPostgres(t *testing.T) { storetest.Run(t, openPostgres) }

// syncBuffer is a log sink several goroutines may write.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func password(t *testing.T, dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		t.Fatalf("test DSN without a password")
	}
	pw, ok := u.User.Password()
	if !ok || pw == "" {
		t.Skip("the test cluster's DSN has no password to hide")
	}
	return pw
}

func TestPostgresOpenErrors(t *testing.T) {
	dsn := pgtest.DSN(t)
	pw := password(t, dsn)
	u, _ := url.Parse(dsn)
	with := func(f func(u *url.URL)) string {
		c := *u
		f(&c)
		return c.String()
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closedPort := l.Addr().(*net.TCPAddr).Port
	l.Close()
	for _, tc := range []struct {
		name, dsn, want string
	}{
		{"not a DSN", "premortem.db", "storage.dsn is not a PostgreSQL connection string"},
		{"bad port", strings.Replace(dsn, u.Port(), "port", 1), "storage.dsn is not a PostgreSQL connection string"},
		{"refused", with(func(u *url.URL) { u.Host = net.JoinHostPort("127.0.0.1", strconv.Itoa(closedPort)) }), "connection refused"},
		{"wrong password", with(func(u *url.URL) { u.User = url.UserPassword(u.User.Username(), pw+"-wrong") }), "refused the login"},
		{"no database", with(func(u *url.URL) { u.Path = "/premortem_missing" }), `database "premortem_missing" does not exist`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var logs syncBuffer
			_, err := store.OpenPostgres(context.Background(), tc.dsn, store.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
			if err == nil {
				t.Fatal("opened")
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line with %q", msg, tc.want)
			}
			if strings.Contains(msg, pw) || strings.Contains(logs.String(), pw) {
				t.Errorf("the password leaked: %q / %q", msg, logs.String())
			}
		})
	}
}

func TestPostgresRefusesNewerSchema(t *testing.T) {
	dsn := pgtest.DSN(t)
	s := openPostgresAt(t, dsn, store.Options{})
	s.Close()
	pgtest.Exec(t, dsn, `INSERT INTO goose_db_version (version_id, is_applied) VALUES (99, true)`)
	_, err := store.OpenPostgres(context.Background(), dsn, store.Options{})
	if err == nil || !strings.Contains(err.Error(), "newer than this build") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("opened a database from the future: %v", err)
	}
}

// TestPostgresMigratesOnceUnderRace starts four processes on one empty
// database at once: goose's session lock lets one migrate, the others find
// the schema current.
func TestPostgresMigratesOnceUnderRace(t *testing.T) {
	dsn := pgtest.DSN(t)
	var logs syncBuffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := store.OpenPostgres(context.Background(), dsn, store.Options{Logger: log})
			if err != nil {
				t.Error(err)
				return
			}
			s.Close()
		}()
	}
	wg.Wait()
	if n := strings.Count(logs.String(), "storage migrated"); n != int(store.SchemaVersion()) {
		t.Errorf("%d migration steps ran, want %d:\n%s", n, store.SchemaVersion(), logs.String())
	}
	if strings.Contains(logs.String(), password(t, dsn)) {
		t.Error("the password was logged")
	}
}
