package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Session is one stored conversation state, such as an assessment wizard.
// Its State is opaque to the store; Version guards concurrent updates.
type Session struct {
	ID        string
	UserID    string
	GuildID   string
	ChannelID string
	State     []byte
	Step      int
	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
	ExpiresAt time.Time
}

const sessionCols = `id, user_id, guild_id, channel_id, state, step, version, created_at, updated_at, expires_at`

func scanSession(row interface{ Scan(...any) error }) (Session, error) {
	var x Session
	var created, updated, expires int64
	err := row.Scan(&x.ID, &x.UserID, &x.GuildID, &x.ChannelID, &x.State, &x.Step, &x.Version, &created, &updated, &expires)
	x.CreatedAt, x.UpdatedAt, x.ExpiresAt = fromUnix(created), fromUnix(updated), fromUnix(expires)
	return x, err
}

// GetSession returns the session with id, or ErrNotFound.
func (s *Store) GetSession(ctx context.Context, id string) (Session, error) {
	x, err := scanSession(s.db.QueryRowContext(ctx, `SELECT `+sessionCols+` FROM sessions WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return x, ErrNotFound
	}
	if err != nil {
		return x, fmt.Errorf("read session %s: %w", id, err)
	}
	return x, nil
}

// CreateSession inserts x with version 0; an existing ID is an error.
func (s *Store) CreateSession(ctx context.Context, x Session) error {
	now := s.now()
	if x.CreatedAt.IsZero() {
		x.CreatedAt = now
	}
	x.UpdatedAt = now
	if x.State == nil {
		x.State = []byte{}
	}
	_, err := s.db.ExecContext(ctx, `INSERT INTO sessions (`+sessionCols+`) VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
		x.ID, x.UserID, x.GuildID, x.ChannelID, x.State, x.Step, unix(x.CreatedAt), unix(x.UpdatedAt), unix(x.ExpiresAt))
	if err != nil {
		return fmt.Errorf("create session %s: %w", x.ID, err)
	}
	return nil
}

// PutSession writes x only if the stored version is still prev, storing
// prev+1; it reports false (and writes nothing) when another writer won or
// the session is gone. This makes a double click apply once.
func (s *Store) PutSession(ctx context.Context, x Session, prev int64) (bool, error) {
	if x.State == nil {
		x.State = []byte{}
	}
	res, err := s.db.ExecContext(ctx, `UPDATE sessions SET user_id = ?, guild_id = ?, channel_id = ?, state = ?,
			step = ?, version = version + 1, updated_at = ?, expires_at = ?
		WHERE id = ? AND version = ?`,
		x.UserID, x.GuildID, x.ChannelID, x.State, x.Step, unix(s.now()), unix(x.ExpiresAt), x.ID, prev)
	if err != nil {
		return false, fmt.Errorf("update session %s: %w", x.ID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("update session %s: %w", x.ID, err)
	}
	return n == 1, nil
}

// DeleteSession removes the session; a missing one is not an error.
func (s *Store) DeleteSession(ctx context.Context, id string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE id = ?`, id); err != nil {
		return fmt.Errorf("delete session %s: %w", id, err)
	}
	return nil
}

// ListSessionsByUser returns the user's sessions, most recently updated first.
func (s *Store) ListSessionsByUser(ctx context.Context, userID string) ([]Session, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+sessionCols+` FROM sessions WHERE user_id = ?
		ORDER BY updated_at DESC, id`, userID)
	if err != nil {
		return nil, fmt.Errorf("list sessions of user %s: %w", userID, err)
	}
	defer rows.Close()
	var out []Session
	for rows.Next() {
		x, err := scanSession(rows)
		if err != nil {
			return nil, fmt.Errorf("list sessions of user %s: %w", userID, err)
		}
		out = append(out, x)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list sessions of user %s: %w", userID, err)
	}
	return out, nil
}

// ExpireSessionsBefore deletes sessions whose expiry is before t and
// returns how many it deleted.
func (s *Store) ExpireSessionsBefore(ctx context.Context, t time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at != 0 AND expires_at < ?`, unix(t))
	if err != nil {
		return 0, fmt.Errorf("expire sessions: %w", err)
	}
	return res.RowsAffected()
}

// DeleteUser removes everything stored about a user: sessions, feedback and
// usage counters. It returns the number of rows deleted. Model choices name
// the admin who made them and stay, as an audit record of the guild.
func (s *Store) DeleteUser(ctx context.Context, userID string) (int64, error) {
	var total int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{
			`DELETE FROM sessions WHERE user_id = ?`,
			`DELETE FROM feedback WHERE user_id = ?`,
			`DELETE FROM usage WHERE kind = 'user' AND id = ?`,
		} {
			res, err := tx.ExecContext(ctx, q, userID)
			if err != nil {
				return err
			}
			n, _ := res.RowsAffected()
			total += n
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("delete data of user %s: %w", userID, err)
	}
	return total, nil
}
