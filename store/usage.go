package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
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
// Limit. A Limit of 0 or less means unlimited (the use is still counted).
type Cap struct {
	Kind  string
	ID    string
	Limit int
}

// takeOne is the conditional upsert of one counter: it counts a use only
// while the counter is under the cap, and returns no row when it is not.
// Concurrent takers of one counter wait on its row lock and then see the
// committed count, so across any number of processes exactly Limit pass.
const takeOne = `INSERT INTO usage (kind, id, day, count) VALUES ($1, $2, $3, 1)
	ON CONFLICT (kind, id, day) DO UPDATE SET count = usage.count + 1
	WHERE usage.count < $4
	RETURNING count`

// TakeDaily counts one use on day against every cap, atomically: if any cap
// is already reached, nothing is counted and that cap is returned with
// ok false.
func (s *Store) TakeDaily(ctx context.Context, day string, caps ...Cap) (hit Cap, ok bool, err error) {
	// One order for every caller, so two transactions never wait on each
	// other's counters in a cycle.
	ordered := slices.Clone(caps)
	slices.SortFunc(ordered, func(a, b Cap) int { return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.ID, b.ID)) })
	err = s.e.inTx(ctx, func(tx querier) error {
		for _, c := range ordered {
			limit := c.Limit
			if limit <= 0 {
				limit = math.MaxInt32
			}
			var n int
			err := tx.queryRow(ctx, takeOne, c.Kind, c.ID, day, limit).Scan(&n)
			if errors.Is(err, sql.ErrNoRows) {
				hit = c
				return errCapped
			}
			if err != nil {
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
	err := s.e.queryRow(ctx, `SELECT count FROM usage WHERE kind = $1 AND id = $2 AND day = $3`, kind, id, day).Scan(&n)
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
	n, err := s.e.exec(ctx, `DELETE FROM usage WHERE day < $1`, day)
	if err != nil {
		return 0, fmt.Errorf("prune usage: %w", err)
	}
	return n, nil
}
