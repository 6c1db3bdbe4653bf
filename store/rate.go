package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"time"
)

// Rate is a token bucket shared by every process: Burst uses at once,
// refilled at PerMinute (the semantics of golang.org/x/time/rate).
type Rate struct {
	Kind      string // UsageUser, ...
	ID        string
	PerMinute float64
	Burst     int
}

// refill is the bucket's tokens now: the stored tokens plus what flowed in
// since, never counting a clock that went back. $5 is tokens per ms.
const refill = `(rates.tokens + CASE WHEN excluded.at > rates.at THEN excluded.at - rates.at ELSE 0 END * CAST($5 AS DOUBLE PRECISION))`

// takeToken is one conditional upsert: a new bucket starts full less the
// token taken; an existing one is refilled (capped at the burst) and
// charged only when a whole token is there. No row means refused.
const takeToken = `INSERT INTO rates (kind, id, tokens, at) VALUES ($1, $2, CAST($3 AS DOUBLE PRECISION) - 1, $4)
	ON CONFLICT (kind, id) DO UPDATE SET
		tokens = CASE WHEN ` + refill + ` > CAST($3 AS DOUBLE PRECISION) THEN CAST($3 AS DOUBLE PRECISION) ELSE ` + refill + ` END - 1,
		at = CASE WHEN excluded.at > rates.at THEN excluded.at ELSE rates.at END
	WHERE ` + refill + ` >= 1
	RETURNING tokens`

// TakeRate takes one token from r's bucket, atomically across processes.
// When the bucket is empty it takes nothing and returns ok false with the
// wait until the next token. A Burst below 1 or a PerMinute of 0 or less
// refuses nothing.
func (s *Store) TakeRate(ctx context.Context, r Rate) (ok bool, retryAfter time.Duration, err error) {
	if r.Burst < 1 || r.PerMinute <= 0 {
		return true, 0, nil
	}
	perMs := r.PerMinute / float64(time.Minute/time.Millisecond)
	now := unix(s.clock())
	var left float64
	err = s.e.queryRow(ctx, takeToken, r.Kind, r.ID, float64(r.Burst), now, perMs).Scan(&left)
	if err == nil {
		return true, 0, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return false, 0, fmt.Errorf("take rate token of %s %s: %w", r.Kind, r.ID, err)
	}
	var tokens float64
	var at int64
	if err := s.e.queryRow(ctx, `SELECT tokens, at FROM rates WHERE kind = $1 AND id = $2`, r.Kind, r.ID).Scan(&tokens, &at); err != nil {
		return false, 0, fmt.Errorf("read rate bucket of %s %s: %w", r.Kind, r.ID, err)
	}
	avail := math.Min(float64(r.Burst), tokens+float64(max(now-at, 0))*perMs)
	wait := time.Duration(math.Ceil((1-avail)/perMs)) * time.Millisecond
	return false, max(wait, time.Millisecond), nil
}
