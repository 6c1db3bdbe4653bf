package ops

import (
	"context"
	"errors"
	"sync"
	"time"
)

// ErrShutdown is the cause of a job's context ending because the bot stops.
var ErrShutdown = errors.New("the bot is shutting down")

// Jobs counts the work in flight for users, so shutdown can wait for it,
// and cancels the jobs' contexts when the grace period is over.
type Jobs struct {
	wg      sync.WaitGroup
	mu      sync.Mutex
	closing bool
	n       int // jobs running
	cancels map[*context.CancelCauseFunc]struct{}
}

// NewJobs returns an empty job set.
func NewJobs() *Jobs {
	return &Jobs{cancels: map[*context.CancelCauseFunc]struct{}{}}
}

// Begin registers a job; false once shutdown started.
func (t *Jobs) Begin() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closing {
		return false
	}
	t.wg.Add(1)
	t.n++
	return true
}

// Done ends a job begun with Begin.
func (t *Jobs) Done() {
	t.mu.Lock()
	t.n--
	t.mu.Unlock()
	t.wg.Done()
}

// Idle reports whether no job is running.
func (t *Jobs) Idle() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.n == 0
}

// Context returns a job's context: it ends after timeout, or when the
// shutdown's grace period is over (cause ErrShutdown).
func (t *Jobs) Context(timeout time.Duration) (context.Context, context.CancelFunc) {
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

// Shutdown refuses new jobs, waits up to grace for the running ones, then
// cancels them (they close their messages politely) and waits up to
// another flush period. It reports whether every job ended.
func (t *Jobs) Shutdown(grace, flush time.Duration) bool {
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
		(*c)(ErrShutdown)
	}
	t.mu.Unlock()
	select {
	case <-idle:
		return true
	case <-time.After(flush):
		return false
	}
}

// Running reports whether shutdown has not begun.
func (t *Jobs) Running() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return !t.closing
}
