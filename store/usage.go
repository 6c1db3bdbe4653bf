package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Usage kinds counted per day.
const (
	UsageUser  = "user"
	UsageGuild = "guild"
)

// Day is the UTC calendar day of t, the key of daily counters.
func Day(t time.Time) string { return t.UTC().Format(time.DateOnly) }

// Cap is one daily limit to check: the counter of kind and id may not pass
// Limit. A Limit of 0 or less means unlimited.
type Cap struct {
	Kind  string
	ID    string
	Limit int
}

// TakeDaily counts one use on day against every cap, atomically: if any cap
// is already reached, nothing is counted and that cap is returned with
// ok false.
func (s *Store) TakeDaily(ctx context.Context, day string, caps ...Cap) (hit Cap, ok bool, err error) {
	err = s.tx(ctx, func(tx *sql.Tx) error {
		for _, c := range caps {
			if c.Limit <= 0 {
				continue
			}
			n, err := usageTx(ctx, tx, c.Kind, c.ID, day)
			if err != nil {
				return err
			}
			if n >= c.Limit {
				hit = c
				return errCapped
			}
		}
		for _, c := range caps {
			if _, err := tx.ExecContext(ctx, `INSERT INTO usage (kind, id, day, count) VALUES (?, ?, ?, 1)
				ON CONFLICT (kind, id, day) DO UPDATE SET count = count + 1`, c.Kind, c.ID, day); err != nil {
				return err
			}
		}
		return nil
	})
	if errors.Is(err, errCapped) {
		return hit, false, nil
	}
	if err != nil {
		return Cap{}, false, fmt.Errorf("count daily usage: %w", err)
	}
	return Cap{}, true, nil
}

var errCapped = errors.New("capped")

// Usage returns the counter of kind and id on day.
func (s *Store) Usage(ctx context.Context, kind, id, day string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count FROM usage WHERE kind = ? AND id = ? AND day = ?`, kind, id, day).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read usage: %w", err)
	}
	return n, nil
}

// PruneUsage deletes counters of days before day.
func (s *Store) PruneUsage(ctx context.Context, day string) (int64, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM usage WHERE day < ?`, day)
	if err != nil {
		return 0, fmt.Errorf("prune usage: %w", err)
	}
	return res.RowsAffected()
}

func usageTx(ctx context.Context, tx *sql.Tx, kind, id, day string) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT count FROM usage WHERE kind = ? AND id = ? AND day = ?`, kind, id, day).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return n, err
}
