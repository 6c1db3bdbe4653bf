package store

import (
	"context"
	"sync"
)

// hub broadcasts model choices to the watchers of one process, SQLite's
// stand-in for LISTEN/NOTIFY. Publishing never blocks: each watcher keeps
// its own queue and a wake-up signal with room for one.
type hub struct {
	mu   sync.Mutex
	subs map[*watcher]struct{}
}

type watcher struct {
	mu      sync.Mutex
	pending []ModelChoice
	wake    chan struct{}
}

func newHub() *hub { return &hub{subs: map[*watcher]struct{}{}} }

func (h *hub) publish(c ModelChoice) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for w := range h.subs {
		w.mu.Lock()
		w.pending = append(w.pending, c)
		w.mu.Unlock()
		select {
		case w.wake <- struct{}{}:
		default:
		}
	}
}

// watch subscribes, rereads (so nothing published before the subscription
// is missed), then delivers every publication until ctx ends.
func (h *hub) watch(ctx context.Context, reread func(context.Context) error, on func(guildID, backend string)) error {
	w := &watcher{wake: make(chan struct{}, 1)}
	h.mu.Lock()
	h.subs[w] = struct{}{}
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.subs, w)
		h.mu.Unlock()
	}()
	if err := reread(ctx); err != nil {
		return err
	}
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-w.wake:
		}
		w.mu.Lock()
		batch := w.pending
		w.pending = nil
		w.mu.Unlock()
		for _, c := range batch {
			on(c.GuildID, c.Backend)
		}
	}
}

// localLocks are leases within one process: a semaphore of one per key.
type localLocks struct {
	mu   sync.Mutex
	sems map[int64]chan struct{}
}

func newLocalLocks() *localLocks { return &localLocks{sems: map[int64]chan struct{}{}} }

func (l *localLocks) acquire(ctx context.Context, key int64, name string) (*Lease, error) {
	l.mu.Lock()
	sem, ok := l.sems[key]
	if !ok {
		sem = make(chan struct{}, 1)
		l.sems[key] = sem
	}
	l.mu.Unlock()
	select {
	case sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return newLease(name, func() { <-sem }), nil
}
