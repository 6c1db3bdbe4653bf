package store

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations are applied in order; migrations[i] takes the schema from
// version i to i+1. Append only: never edit a released step.
var migrations = []string{
	// 1: model choices, feedback, usage counters, wizard sessions.
	`CREATE TABLE guild_models (
		guild_id   TEXT PRIMARY KEY,
		backend    TEXT NOT NULL,
		changed_by TEXT NOT NULL,
		changed_at INTEGER NOT NULL
	);
	CREATE TABLE feedback (
		message_id TEXT NOT NULL,
		user_id    TEXT NOT NULL,
		guild_id   TEXT NOT NULL,
		vote       INTEGER NOT NULL,
		at         INTEGER NOT NULL,
		PRIMARY KEY (message_id, user_id)
	);
	CREATE INDEX feedback_user ON feedback(user_id);
	CREATE TABLE usage (
		kind  TEXT NOT NULL,
		id    TEXT NOT NULL,
		day   TEXT NOT NULL,
		count INTEGER NOT NULL,
		PRIMARY KEY (kind, id, day)
	);
	CREATE TABLE sessions (
		id         TEXT PRIMARY KEY,
		user_id    TEXT NOT NULL,
		guild_id   TEXT NOT NULL,
		channel_id TEXT NOT NULL,
		state      BLOB NOT NULL,
		step       INTEGER NOT NULL,
		version    INTEGER NOT NULL,
		created_at INTEGER NOT NULL,
		updated_at INTEGER NOT NULL,
		expires_at INTEGER NOT NULL
	);
	CREATE INDEX sessions_user ON sessions(user_id, updated_at);
	CREATE INDEX sessions_expiry ON sessions(expires_at);`,
}

// SchemaVersion is the schema version Open migrates to.
func SchemaVersion() int { return len(migrations) }

// migrate brings the database to SchemaVersion, one transaction per step.
func (s *Store) migrate(ctx context.Context) error {
	var v int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if v > len(migrations) {
		return fmt.Errorf("database schema version %d is newer than this build's %d: upgrade premortem", v, len(migrations))
	}
	for ; v < len(migrations); v++ {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, v+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate schema to version %d: %w", v+1, err)
		}
	}
	return nil
}
