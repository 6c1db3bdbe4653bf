package ops

import (
	"context"
	"log/slog"
	"time"
)

// Expirer is the state that ages: wizard sessions and daily counters.
type Expirer interface {
	ExpireSessionsBefore(ctx context.Context, t time.Time) (int64, error)
	PruneUsage(ctx context.Context, day string) (int64, error)
}

// Expire deletes expired wizard sessions hourly and usage counters older
// than two days, until ctx ends.
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
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
