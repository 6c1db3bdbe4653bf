package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// ModelChoice is a guild's chosen model backend and who chose it.
type ModelChoice struct {
	GuildID   string
	Backend   string
	ChangedBy string // user ID
	ChangedAt time.Time
}

// GuildModel returns the guild's model choice, or ErrNotFound when it never
// chose one (the configured default applies).
func (s *Store) GuildModel(ctx context.Context, guildID string) (ModelChoice, error) {
	c := ModelChoice{GuildID: guildID}
	var at int64
	err := s.e.queryRow(ctx,
		`SELECT backend, changed_by, changed_at FROM guild_models WHERE guild_id = $1`, guildID).
		Scan(&c.Backend, &c.ChangedBy, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	if err != nil {
		return c, fmt.Errorf("read model choice of guild %s: %w", guildID, err)
	}
	c.ChangedAt = fromUnix(at)
	return c, nil
}

// SetGuildModel records c as the guild's model choice and returns the
// backend it replaced ("" when there was none). Every Watch of every
// process sees the switch: on PostgreSQL the notification is sent in the
// same transaction, so it goes out exactly when the choice is committed.
func (s *Store) SetGuildModel(ctx context.Context, c ModelChoice) (previous string, err error) {
	if c.ChangedAt.IsZero() {
		c.ChangedAt = s.clock()
	}
	err = s.e.inTx(ctx, func(tx querier) error {
		err := tx.queryRow(ctx, `SELECT backend FROM guild_models WHERE guild_id = $1`, c.GuildID).Scan(&previous)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		_, err = tx.exec(ctx, `INSERT INTO guild_models (guild_id, backend, changed_by, changed_at)
			VALUES ($1, $2, $3, $4)
			ON CONFLICT (guild_id) DO UPDATE SET backend = excluded.backend,
				changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
			c.GuildID, c.Backend, c.ChangedBy, unix(c.ChangedAt))
		if err != nil {
			return err
		}
		return s.e.notifyTx(ctx, tx, c)
	})
	if err != nil {
		return "", fmt.Errorf("set model choice of guild %s: %w", c.GuildID, err)
	}
	s.e.announce(c)
	return previous, nil
}

// Watch calls fn(guildID, backend) for every guild's model choice, then
// again for each switch made by any process, until ctx ends; it returns
// ctx's error. After a lost connection it reconnects and calls fn for
// every choice again, so a switch made meanwhile is not missed: fn must
// accept repeats. Calls come one at a time from one goroutine; a slow fn
// delays the next. Close ends it too.
func (s *Store) Watch(ctx context.Context, fn func(guildID, backend string)) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() { // ends when Watch returns
		select {
		case <-s.done:
			cancel()
		case <-ctx.Done():
		}
	}()
	reread := func(ctx context.Context, q querier) error {
		all, err := rows(ctx, q, func(r scanner) (ModelChoice, error) {
			var c ModelChoice
			return c, r.Scan(&c.GuildID, &c.Backend)
		}, `SELECT guild_id, backend FROM guild_models ORDER BY guild_id`)
		if err != nil {
			return fmt.Errorf("reread model choices: %w", err)
		}
		for _, c := range all {
			fn(c.GuildID, c.Backend)
		}
		return nil
	}
	err := s.e.watch(ctx, reread, fn)
	select {
	case <-s.done: // a read cut short by Close is no failure
		return context.Canceled
	default:
		return err
	}
}
