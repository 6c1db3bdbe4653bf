package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Seen records that the event or interaction id is being handled and
// reports whether this is its first sighting: when two gateway sessions
// briefly hold one shard, or Discord redelivers, only the first handles
// it. An ID is remembered for Options.SeenTTL; after that it counts as new.
func (s *Store) Seen(ctx context.Context, id string) (first bool, err error) {
	now := unix(s.clock())
	var exp int64
	err = s.e.queryRow(ctx, `INSERT INTO seen (id, expires_at) VALUES ($1, $2)
		ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at WHERE seen.expires_at <= $3
		RETURNING expires_at`, id, now+s.opts.SeenTTL.Milliseconds(), now).Scan(&exp)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("record seen %s: %w", id, err)
	}
	return true, nil
}

// PruneSeen forgets IDs whose memory expired before t and returns how many.
func (s *Store) PruneSeen(ctx context.Context, t time.Time) (int64, error) {
	n, err := s.e.exec(ctx, `DELETE FROM seen WHERE expires_at < $1`, unix(t))
	if err != nil {
		return 0, fmt.Errorf("prune seen: %w", err)
	}
	return n, nil
}
