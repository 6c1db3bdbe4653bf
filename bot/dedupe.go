package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// seenTimeout bounds the shared check of one event before its
// acknowledgement; past it the event is handled (better twice than never).
const seenTimeout = 500 * time.Millisecond

// memoryTTL is how long this process remembers an event or interaction ID.
const memoryTTL = 10 * time.Minute

// Seer records an event or interaction ID across processes
// (*store.Store).
type Seer interface {
	Seen(ctx context.Context, id string) (first bool, err error)
}

// dedupe lets each gateway event or interaction be handled once, though
// it may arrive twice: from discordgo replaying after a resume, from
// Discord redelivering, or, while a shard changes hands, on two sessions
// of two processes at once. This process's own memory answers first; with
// a store several processes share, the store decides (one INSERT ... ON
// CONFLICT round trip before the acknowledgement).
type dedupe struct {
	shared Seer // nil: one process, memory is enough
	log    *slog.Logger

	mu   sync.Mutex
	seen map[string]time.Time // ID -> when first seen
	next time.Time            // next sweep of old IDs
}

func newDedupe(shared Seer, log *slog.Logger) *dedupe {
	return &dedupe{shared: shared, log: log, seen: map[string]time.Time{}}
}

// first reports whether id is seen for the first time.
func (d *dedupe) first(id string) bool {
	if id == "" {
		return true
	}
	now := time.Now()
	d.mu.Lock()
	if _, dup := d.seen[id]; dup {
		d.mu.Unlock()
		return false
	}
	d.seen[id] = now
	if now.After(d.next) {
		for k, t := range d.seen {
			if now.Sub(t) > memoryTTL {
				delete(d.seen, k)
			}
		}
		d.next = now.Add(memoryTTL / 10)
	}
	d.mu.Unlock()
	if d.shared == nil {
		return true
	}
	ctx, cancel := context.WithTimeout(context.Background(), seenTimeout)
	defer cancel()
	first, err := d.shared.Seen(ctx, id)
	if err != nil {
		d.log.Warn("shared dedupe unavailable; handling the event", "id", id, "err", err)
		return true
	}
	return first
}
