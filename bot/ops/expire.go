package ops

import (
	"context"
	"log/slog"
	"time"
)

// Expirer is the state that ages: wizard sessions, daily counters and the
// IDs of events already handled.
type Expirer interface {
	ExpireSessionsBefore(ctx context.Context, t time.Time) (int64, error)
	PruneUsage(ctx context.Context, day string) (int64, error)
	PruneSeen(ctx context.Context, t time.Time) (int64, error)
}

// Expire deletes expired wizard sessions and remembered event IDs hourly,
// and usage counters older than two days, until ctx ends. Several
// processes sharing a store each do it; the deletes are idempotent.
func Expire(ctx context.Context, st Expirer, log *slog.Logger) {
	tick := time.NewTicker(time.Hour)
	defer tick.Stop()
	for {
		if n, err := st.ExpireSessionsBefore(ctx, time.Now()); err != nil {
			log.Warn("expire sessions", "err", err)
		} else if n > 0 {
			log.Info("expired sessions deleted", "count", n)
		}
		if _, err := st.PruneUsage(ctx, time.Now().AddDate(0, 0, -2).UTC().Format(time.DateOnly)); err != nil {
			log.Warn("prune usage", "err", err)
		}
		if _, err := st.PruneSeen(ctx, time.Now()); err != nil {
			log.Warn("prune handled event IDs", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
