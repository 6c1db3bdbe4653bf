package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// ErrReleased is a Lease's Err after Release.
var ErrReleased = errors.New("lease released")

// Lease is this process's exclusive hold on something named, such as a
// gateway shard. On PostgreSQL it is a session advisory lock on a
// connection of its own: when the process dies the server ends the
// session and the next waiter takes over at once; when the connection dies
// (a restart, a network cut) Lost is closed and the holder must stop
// acting on it and acquire again. On SQLite it holds within this process.
type Lease struct {
	name string
	lost chan struct{}
	once sync.Once
	free func()

	mu  sync.Mutex
	err error
}

func newLease(name string, free func()) *Lease {
	return &Lease{name: name, lost: make(chan struct{}), free: free}
}

// Name is what the lease holds, such as "shard 0/2".
func (l *Lease) Name() string { return l.name }

// Lost is closed when the lease ends, by Release, Store.Close or the death
// of its connection.
func (l *Lease) Lost() <-chan struct{} { return l.lost }

// Held reports whether the lease is still held, for /healthz.
func (l *Lease) Held() bool {
	select {
	case <-l.lost:
		return false
	default:
		return true
	}
}

// Err is nil while the lease is held, then why it ended.
func (l *Lease) Err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.err
}

// Release gives the lease up; the next waiter takes over. Releasing twice
// is harmless.
func (l *Lease) Release() { l.end(ErrReleased) }

func (l *Lease) end(err error) {
	l.once.Do(func() {
		l.mu.Lock()
		l.err = err
		l.mu.Unlock()
		l.free()
		close(l.lost)
	})
}

// AcquireShard waits until this process holds gateway shard id of count
// (every process of one bot uses the same count), or ctx ends. A second
// process asking for a held shard waits here and takes over when the
// holder releases it or dies.
func (s *Store) AcquireShard(ctx context.Context, id, count int) (*Lease, error) {
	if count < 1 || id < 0 || id >= count {
		return nil, fmt.Errorf("acquire shard %d/%d: want 0 <= id < count", id, count)
	}
	return s.Lock(ctx, fmt.Sprintf("shard %d/%d", id, count))
}

// Lock waits until this process holds the lease called name, or ctx ends.
// A lost database connection is retried until ctx ends.
func (s *Store) Lock(ctx context.Context, name string) (*Lease, error) {
	l, err := s.e.lock(ctx, lockKey(name), name)
	if err != nil {
		return nil, fmt.Errorf("acquire %s: %w", name, err)
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		l.end(errStoreClosed)
		return nil, fmt.Errorf("acquire %s: %w", name, errStoreClosed)
	}
	s.leases[l] = struct{}{}
	s.mu.Unlock()
	go func() { // ends with the lease, at the latest on Close
		<-l.Lost()
		s.mu.Lock()
		delete(s.leases, l)
		s.mu.Unlock()
	}()
	s.opts.Logger.Info("lease acquired", "lease", name, "driver", s.e.driver())
	return l, nil
}
