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

func scanSession(row scanner) (Session, error) {
	var x Session
	var created, updated, expires int64
	err := row.Scan(&x.ID, &x.UserID, &x.GuildID, &x.ChannelID, &x.State, &x.Step, &x.Version, &created, &updated, &expires)
	x.CreatedAt, x.UpdatedAt, x.ExpiresAt = fromUnix(created), fromUnix(updated), fromUnix(expires)
	return x, err
}

// GetSession returns the session with id, or ErrNotFound.
func (s *Store) GetSession(ctx context.Context, id string) (Session, error) {
	x, err := scanSession(s.e.queryRow(ctx, `SELECT `+sessionCols+` FROM sessions WHERE id = $1`, id))
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
	now := s.clock()
	if x.CreatedAt.IsZero() {
		x.CreatedAt = now
	}
	x.UpdatedAt = now
	if x.State == nil {
		x.State = []byte{}
	}
	_, err := s.e.exec(ctx, `INSERT INTO sessions (`+sessionCols+`) VALUES ($1, $2, $3, $4, $5, $6, 0, $7, $8, $9)`,
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
	n, err := s.e.exec(ctx, `UPDATE sessions SET user_id = $1, guild_id = $2, channel_id = $3, state = $4,
			step = $5, version = version + 1, updated_at = $6, expires_at = $7
		WHERE id = $8 AND version = $9`,
		x.UserID, x.GuildID, x.ChannelID, x.State, x.Step, unix(s.clock()), unix(x.ExpiresAt), x.ID, prev)
	if err != nil {
		return false, fmt.Errorf("update session %s: %w", x.ID, err)
	}
	return n == 1, nil
}

// DeleteSession removes the session; a missing one is not an error.
func (s *Store) DeleteSession(ctx context.Context, id string) error {
	if _, err := s.e.exec(ctx, `DELETE FROM sessions WHERE id = $1`, id); err != nil {
		return fmt.Errorf("delete session %s: %w", id, err)
	}
	return nil
}

// ListSessionsByUser returns the user's sessions, most recently updated first.
func (s *Store) ListSessionsByUser(ctx context.Context, userID string) ([]Session, error) {
	out, err := rows(ctx, s.e, scanSession, `SELECT `+sessionCols+` FROM sessions WHERE user_id = $1
		ORDER BY updated_at DESC, id`, userID)
	if err != nil {
		return nil, fmt.Errorf("list sessions of user %s: %w", userID, err)
	}
	return out, nil
}

// ExpireSessionsBefore deletes sessions whose expiry is before t and
// returns how many it deleted.
func (s *Store) ExpireSessionsBefore(ctx context.Context, t time.Time) (int64, error) {
	n, err := s.e.exec(ctx, `DELETE FROM sessions WHERE expires_at != 0 AND expires_at < $1`, unix(t))
	if err != nil {
		return 0, fmt.Errorf("expire sessions: %w", err)
	}
	return n, nil
}

// DeleteUser removes everything stored about a user: sessions, feedback,
// usage counters and rate buckets. It returns the number of rows deleted.
// Model choices name the admin who made them and stay, as an audit record
// of the guild.
func (s *Store) DeleteUser(ctx context.Context, userID string) (int64, error) {
	var total int64
	err := s.e.inTx(ctx, func(tx querier) error {
		total = 0
		for _, q := range []string{
			`DELETE FROM sessions WHERE user_id = $1`,
			`DELETE FROM feedback WHERE user_id = $1`,
			`DELETE FROM usage WHERE kind = '` + UsageUser + `' AND id = $1`,
			`DELETE FROM rates WHERE kind = '` + UsageUser + `' AND id = $1`,
		} {
			n, err := tx.exec(ctx, q, userID)
			if err != nil {
				return err
			}
			total += n
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("delete data of user %s: %w", userID, err)
	}
	return total, nil
}
