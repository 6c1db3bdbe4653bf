package bot

import (
	"context"
	"errors"
	"sync"
	"time"
)

// errShutdown is the cause of a job's context ending because the bot stops.
var errShutdown = errors.New("the bot is shutting down")

// tracker counts the goroutines doing work for users, so shutdown can wait
// for them, and cancels their contexts when the grace period is over.
type tracker struct {
	wg      sync.WaitGroup
	mu      sync.Mutex
	closing bool
	n       int // jobs running
	cancels map[*context.CancelCauseFunc]struct{}
}

func newTracker() *tracker {
	return &tracker{cancels: map[*context.CancelCauseFunc]struct{}{}}
}

// begin registers a job; false once shutdown started.
func (t *tracker) begin() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closing {
		return false
	}
	t.wg.Add(1)
	t.n++
	return true
}

// done ends a job begun with begin.
func (t *tracker) done() {
	t.mu.Lock()
	t.n--
	t.mu.Unlock()
	t.wg.Done()
}

// idle reports whether no job is running.
func (t *tracker) idle() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.n == 0
}

// context returns a job's context: it ends after timeout, or when the
// shutdown's grace period is over (cause errShutdown).
func (t *tracker) context(timeout time.Duration) (context.Context, context.CancelFunc) {
	ctx, cancelCause := context.WithCancelCause(context.Background())
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	key := &cancelCause
	t.mu.Lock()
	t.cancels[key] = struct{}{}
	t.mu.Unlock()
	return ctx, func() {
		cancelTimeout()
		cancelCause(context.Canceled)
		t.mu.Lock()
		delete(t.cancels, key)
		t.mu.Unlock()
	}
}

// shutdown refuses new jobs, waits up to grace for the running ones, then
// cancels them (they close their messages politely) and waits up to
// another flush period. It reports whether every job ended.
func (t *tracker) shutdown(grace, flush time.Duration) bool {
	t.mu.Lock()
	t.closing = true
	t.mu.Unlock()
	idle := make(chan struct{})
	go func() { t.wg.Wait(); close(idle) }()
	select {
	case <-idle:
		return true
	case <-time.After(grace):
	}
	t.mu.Lock()
	for c := range t.cancels {
		(*c)(errShutdown)
	}
	t.mu.Unlock()
	select {
	case <-idle:
		return true
	case <-time.After(flush):
		return false
	}
}

// running reports whether shutdown has not begun.
func (t *tracker) running() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return !t.closing
}
