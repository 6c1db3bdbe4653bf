package router

import (
	"context"
	"log/slog"
	"time"

	"github.com/premortem/premortem/store"
)

// RateTaker takes a token of a bucket every process shares (*store.Store).
type RateTaker interface {
	TakeRate(ctx context.Context, r store.Rate) (ok bool, retryAfter time.Duration, err error)
}

// SharedRate charges each request to its user's token bucket in the store
// (perMin a minute, burst at once), so the rate holds across every
// process sharing it, and refuses privately when the bucket is empty. A
// store that does not answer lets the request through (the in-memory
// limits still hold per process). Placed after Defer it costs the
// acknowledgement nothing: the refusal then replaces the deferral.
func SharedRate(t RateTaker, perMin float64, burst int, refused Refusals, log *slog.Logger) Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, q *Request) *Response {
			ok, wait, err := t.TakeRate(ctx, store.Rate{Kind: store.UsageUser, ID: q.UserID, PerMinute: perMin, Burst: burst})
			switch {
			case err != nil:
				log.Warn("shared rate unavailable; admitting", "user", q.UserID, "err", err)
			case !ok:
				refused.Refused("rate")
				return Private(tooFast(q.Lang, wait))
			}
			return next(ctx, q)
		}
	}
}
