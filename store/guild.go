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
	err := s.db.QueryRowContext(ctx,
		`SELECT backend, changed_by, changed_at FROM guild_models WHERE guild_id = ?`, guildID).
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
// backend it replaced ("" when there was none).
func (s *Store) SetGuildModel(ctx context.Context, c ModelChoice) (previous string, err error) {
	if c.ChangedAt.IsZero() {
		c.ChangedAt = s.now()
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT backend FROM guild_models WHERE guild_id = ?`, c.GuildID).Scan(&previous)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO guild_models (guild_id, backend, changed_by, changed_at)
			VALUES (?, ?, ?, ?)
			ON CONFLICT (guild_id) DO UPDATE SET backend = excluded.backend,
				changed_by = excluded.changed_by, changed_at = excluded.changed_at`,
			c.GuildID, c.Backend, c.ChangedBy, unix(c.ChangedAt))
		return err
	})
	if err != nil {
		return "", fmt.Errorf("set model choice of guild %s: %w", c.GuildID, err)
	}
	return previous, nil
}
