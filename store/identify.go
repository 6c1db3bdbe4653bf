package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// WaitIdentify waits until a gateway shard may identify: Discord allows one
// identify per rate-limit bucket (shardID % maxConcurrency, from GET
// /gateway/bot) every IdentifyInterval, and every process sharing the
// database takes its slots from one table, by the database's clock, so
// shards starting together on several machines never draw an op 9. It
// returns when the slot was granted.
func (s *Store) WaitIdentify(ctx context.Context, shardID, maxConcurrency int) (time.Time, error) {
	if maxConcurrency < 1 {
		maxConcurrency = 1
	}
	bucket := shardID % maxConcurrency
	gap := s.opts.IdentifyInterval.Milliseconds()
	now := s.e.nowMillis()
	for {
		var next int64
		err := s.e.queryRow(ctx, `INSERT INTO identify_slots (bucket, next_at) VALUES ($1, `+now+` + $2)
			ON CONFLICT (bucket) DO UPDATE SET next_at = excluded.next_at
			WHERE identify_slots.next_at <= excluded.next_at - $2
			RETURNING next_at`, bucket, gap).Scan(&next)
		if err == nil {
			return fromUnix(next - gap), nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return time.Time{}, fmt.Errorf("take identify slot of bucket %d: %w", bucket, err)
		}
		var wait int64
		if err := s.e.queryRow(ctx, `SELECT next_at - `+now+` FROM identify_slots WHERE bucket = $1`, bucket).Scan(&wait); err != nil {
			return time.Time{}, fmt.Errorf("read identify slot of bucket %d: %w", bucket, err)
		}
		t := time.NewTimer(time.Duration(max(wait, 1)) * time.Millisecond)
		select {
		case <-ctx.Done():
			t.Stop()
			return time.Time{}, ctx.Err()
		case <-t.C:
		}
	}
}
