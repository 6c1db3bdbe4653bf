package store

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"
)

// ErrNotFound is returned for a row that does not exist.
var ErrNotFound = errors.New("not found")

// Options tune a Store; the zero value takes every default (see defaults).
type Options struct {
	Logger *slog.Logger // nil: discard

	// SeenTTL is how long Seen remembers an event or interaction ID.
	SeenTTL time.Duration
	// IdentifyInterval is the gap between two identifies of one
	// max_concurrency bucket (Discord: 5 s; the default adds a margin for
	// clock skew between the processes sharing the database).
	IdentifyInterval time.Duration
	// ReconnectDelay is the pause before a lost PostgreSQL listener or
	// lease connection tries again.
	ReconnectDelay time.Duration
	// LeaseCheck is how often an idle lease connection is pinged, to notice
	// a connection that died without closing.
	LeaseCheck time.Duration
	// MaxConns caps the PostgreSQL pool (0: pgxpool's default, 4 or the
	// number of CPUs, whichever is more).
	MaxConns int32
}

// The defaults, in one place.
const (
	DefaultSeenTTL          = time.Hour
	DefaultIdentifyInterval = 5500 * time.Millisecond
	DefaultReconnectDelay   = time.Second
	DefaultLeaseCheck       = 2 * time.Second
)

func (o *Options) defaults() {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.SeenTTL <= 0 {
		o.SeenTTL = DefaultSeenTTL
	}
	if o.IdentifyInterval <= 0 {
		o.IdentifyInterval = DefaultIdentifyInterval
	}
	if o.ReconnectDelay <= 0 {
		o.ReconnectDelay = DefaultReconnectDelay
	}
	if o.LeaseCheck <= 0 {
		o.LeaseCheck = DefaultLeaseCheck
	}
}

// Store is an open database, SQLite or PostgreSQL. It is safe for
// concurrent use.
type Store struct {
	e    engine
	opts Options

	mu     sync.Mutex
	now    func() time.Time
	leases map[*Lease]struct{}
	closed bool
	done   chan struct{} // closed by Close: ends every Watch
}

func newStore(e engine, opts Options) *Store {
	return &Store{e: e, opts: opts, now: time.Now, leases: map[*Lease]struct{}{}, done: make(chan struct{})}
}

// Open opens (creating if needed) the SQLite database at dsn, a file path
// or ":memory:", with default Options.
func Open(ctx context.Context, dsn string) (*Store, error) {
	return OpenSQLite(ctx, dsn, Options{})
}

// Driver names the engine: "sqlite" or "postgres".
func (s *Store) Driver() string { return s.e.driver() }

// Close ends every lease and Watch and closes the database. Closing twice
// is harmless.
func (s *Store) Close() error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	close(s.done)
	leases := make([]*Lease, 0, len(s.leases))
	for l := range s.leases {
		leases = append(leases, l)
	}
	s.mu.Unlock()
	for _, l := range leases {
		l.end(errStoreClosed)
	}
	return s.e.close()
}

var errStoreClosed = errors.New("store closed")

// Ping checks the database answers, for /healthz.
func (s *Store) Ping(ctx context.Context) error { return s.e.ping(ctx) }

// SetClock replaces time.Now, for tests.
func (s *Store) SetClock(now func() time.Time) {
	s.mu.Lock()
	s.now = now
	s.mu.Unlock()
}

func (s *Store) clock() time.Time {
	s.mu.Lock()
	now := s.now
	s.mu.Unlock()
	return now()
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
