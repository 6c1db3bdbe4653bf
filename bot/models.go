package bot

import (
	"context"
	"errors"
	"log/slog"
	"sync"

	"github.com/premortem/premortem/bot/answer"
	"github.com/premortem/premortem/store"
)

// modelCache keeps every guild's model choice in memory for the answer
// flow, so an answer reads no database for it. Store.Watch keeps it true
// across processes: it delivers every guild's choice when it (re)connects
// and each switch as it is committed, by any process (PostgreSQL's
// LISTEN/NOTIFY), so a switch reaches every process at once. A guild not
// delivered yet is read through from the store once.
type modelCache struct {
	answer.Store
	log *slog.Logger

	mu   sync.Mutex
	live bool              // Watch is running: what is here is true
	by   map[string]string // guild -> backend, "" for the default
}

func newModelCache(st answer.Store, log *slog.Logger) *modelCache {
	return &modelCache{Store: st, log: log, by: map[string]string{}}
}

// GuildModel implements answer.Store from memory.
func (c *modelCache) GuildModel(ctx context.Context, guildID string) (store.ModelChoice, error) {
	c.mu.Lock()
	backend, ok := c.by[guildID]
	live := c.live
	c.mu.Unlock()
	if !live {
		return c.Store.GuildModel(ctx, guildID)
	}
	if !ok {
		choice, err := c.Store.GuildModel(ctx, guildID)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return choice, err
		}
		c.mu.Lock()
		if _, raced := c.by[guildID]; !raced { // a switch delivered meanwhile is newer
			c.by[guildID] = choice.Backend
		}
		backend = c.by[guildID]
		c.mu.Unlock()
	}
	if backend == "" {
		return store.ModelChoice{GuildID: guildID}, store.ErrNotFound
	}
	return store.ModelChoice{GuildID: guildID, Backend: backend}, nil
}

// switched records a choice delivered by Store.Watch.
func (c *modelCache) switched(guildID, backend string) {
	c.mu.Lock()
	prev, known := c.by[guildID]
	c.by[guildID] = backend
	c.mu.Unlock()
	if known && prev != backend {
		c.log.Info("guild model switch seen", "guild", guildID, "model", backend, "was", prev)
	}
}

// watch follows every process's model switches until ctx ends.
func (c *modelCache) watch(ctx context.Context, w interface {
	Watch(ctx context.Context, fn func(guildID, backend string)) error
}) {
	c.mu.Lock()
	c.live = true
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		c.live = false
		clear(c.by)
		c.mu.Unlock()
	}()
	if err := w.Watch(ctx, c.switched); err != nil && ctx.Err() == nil {
		c.log.Error("model switches: watch ended; answers read each guild's choice from the store", "err", err)
	}
}
