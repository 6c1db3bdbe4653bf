package router

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/premortem/premortem/bot/render"
)

// DeferAfter is how long a handler may take before Defer acknowledges it
// with a deferred response (Discord allows 3 s).
const DeferAfter = 1200 * time.Millisecond

// Jobs tracks the work in flight for shutdown (*ops.Jobs).
type Jobs interface {
	Begin() bool
	Done()
	Context(timeout time.Duration) (context.Context, context.CancelFunc)
}

// Track counts each request as a job of jobs, so that shutdown waits for
// it, and refuses new requests politely once shutdown has begun. The job
// ends when the response is delivered.
func Track(jobs Jobs) Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, q *Request) *Response {
			if !jobs.Begin() {
				return Private(render.T(q.Lang, "stopping"))
			}
			q.Finally(jobs.Done)
			return next(ctx, q)
		}
	}
}

// Deadline gives the handler the job's context: it ends after timeout, or
// when shutdown's grace period is over. Placed after Defer, it costs the
// acknowledgement nothing.
func Deadline(jobs Jobs, timeout time.Duration) Middleware {
	return func(next Handler) Handler {
		return func(_ context.Context, q *Request) *Response {
			ctx, cancel := jobs.Context(timeout)
			q.Finally(cancel)
			return next(ctx, q)
		}
	}
}

// DeferOptions say when Defer acknowledges.
type DeferOptions struct {
	// Now acknowledges before the handler runs, for slow work (/ask).
	Now bool
	// Private makes the deferred acknowledgement ephemeral.
	Private bool
	// After is how long the handler may take otherwise; 0 is DeferAfter.
	After time.Duration
}

// Defer meets Discord's 3 s deadline, like arikawa's cmdroute.Deferrable:
// the handler runs in a goroutine, and the request is acknowledged with a
// deferred response at once (Now) or when the handler takes longer than
// After. A deferred request's response is delivered by that goroutine, and
// Defer returns Pending.
func Defer(o DeferOptions) Middleware {
	after := cmp.Or(o.After, DeferAfter)
	return func(next Handler) Handler {
		return func(ctx context.Context, q *Request) *Response {
			if o.Now {
				q.out.Defer(o.Private)
				go func() { q.finish(next(ctx, q)) }()
				return Pending
			}
			var mu sync.Mutex
			late := false // the timer won: the goroutine delivers
			result := make(chan *Response, 1)
			go func() {
				resp := next(ctx, q)
				mu.Lock()
				if !late {
					result <- resp
					mu.Unlock()
					return
				}
				mu.Unlock()
				if resp != Pending {
					q.finish(resp)
				}
			}()
			timer := time.NewTimer(after)
			defer timer.Stop()
			select {
			case resp := <-result:
				return resp
			case <-timer.C:
			}
			mu.Lock()
			defer mu.Unlock()
			select {
			case resp := <-result:
				return resp
			default:
			}
			late = true
			q.out.Defer(o.Private) // under mu: the answer waits for its deferral
			return Pending
		}
	}
}

// Recover turns a handler's panic into a logged error and a polite reply,
// and an empty response into a failure note (or, when the deadline passed,
// the note that closes a cut-off request).
func Recover(log *slog.Logger) Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, q *Request) (resp *Response) {
			defer func() {
				if p := recover(); p != nil {
					log.Error("handler panicked", "user", q.UserID, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
					resp = Private(render.T(q.Lang, "failed"))
				}
			}()
			resp = next(ctx, q)
			if resp == nil || resp != Pending && resp != Silent && resp.Data == nil && resp.Type == 0 {
				if ctx.Err() != nil {
					return Stopped(ctx, q)
				}
				return Private(render.T(q.Lang, "failed"))
			}
			return resp
		}
	}
}

// Limit lets at most n requests through at once (slow work: answers being
// written); the others wait their turn until their deadline.
func Limit(n int) Middleware {
	sem := make(chan struct{}, max(n, 1))
	return func(next Handler) Handler {
		return func(ctx context.Context, q *Request) *Response {
			select {
			case sem <- struct{}{}:
				defer func() { <-sem }()
				return next(ctx, q)
			case <-ctx.Done():
				return Stopped(ctx, q)
			}
		}
	}
}
