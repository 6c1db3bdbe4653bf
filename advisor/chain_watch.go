package advisor

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/premortem/premortem/llm"
)

// watch keeps time for one backend while Ask's goroutine waits on it: it
// announces silence (NoticeWaiting) once, after the notice delay without
// text to show, and cuts an attempt that sends no first token (reasoning
// counts: see llm.Model) within the backend's first-token timeout. Each attempt runs the provider's Generate
// in a goroutine of its own and hands its deltas back over a channel, so
// that every callback (OnDelta, OnNotice) comes from Ask's goroutine, in
// order; call returns only after that goroutine has ended.
type watch struct {
	be         *backend
	start      time.Time
	notice     *time.Timer
	notify     func(Notice)
	firstToken time.Duration // of the last attempt that sent one
	heard      bool          // some attempt sent text, or the notice went: no (more) waiting notice
}

func newWatch(be *backend, after time.Duration, notify func(Notice)) *watch {
	return &watch{be: be, start: time.Now(), notice: time.NewTimer(after), notify: notify}
}

func (w *watch) stop() { w.notice.Stop() }

// noticeC is the waiting notice's channel, nil once it is moot.
func (w *watch) noticeC() <-chan time.Time {
	if w.heard {
		return nil
	}
	return w.notice.C
}

func (w *watch) announce() {
	w.heard = true // once per backend
	w.notify(Notice{Kind: NoticeWaiting, Backend: w.be.Name, Model: w.be.ModelName, Waited: time.Since(w.start)})
}

// acquire takes a slot of sem, announcing a long wait.
func (w *watch) acquire(ctx context.Context, sem chan struct{}) error {
	for {
		select {
		case sem <- struct{}{}:
			return nil
		case <-w.noticeC():
			w.announce()
		case <-ctx.Done():
			return fmt.Errorf("wait for a free slot: %w: %w", errBusy, context.Cause(ctx))
		}
	}
}

// sleep waits for wake (a retry's backoff), announcing a long silence.
func (w *watch) sleep(ctx context.Context, wake <-chan time.Time) error {
	for {
		select {
		case <-wake:
			return nil
		case <-w.noticeC():
			w.announce()
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	}
}

type callResult struct {
	resp llm.Response
	err  error
}

// call makes one attempt. onDelta, when not nil, sees each piece of
// content as it arrives.
func (w *watch) call(ctx context.Context, be *backend, req llm.Request, onDelta func(string)) (llm.Response, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	deltas := make(chan string)
	done := make(chan callResult, 1)
	attempt := time.Now()
	go func() {
		resp, err := be.Model.Generate(ctx, req, func(d string) {
			select {
			case deltas <- d:
			case <-ctx.Done():
			}
		})
		done <- callResult{resp, err}
	}()
	var silence <-chan time.Time
	if be.FirstTokenTimeout > 0 {
		t := time.NewTimer(be.FirstTokenTimeout)
		defer t.Stop()
		silence = t.C
	}
	first := true
	for {
		select {
		case d := <-deltas:
			if first { // a sign of life, reasoning included, ends the first-token wait
				first, silence = false, nil
				w.firstToken = time.Since(w.start)
			}
			if d != "" {
				w.heard = true // text to show ends the waiting notice
				if onDelta != nil {
					onDelta(d)
				}
			}
		case r := <-done:
			var ft errFirstToken
			if cause := context.Cause(ctx); errors.As(cause, &ft) && r.err != nil {
				return r.resp, fmt.Errorf("%w (after %v)", ft, time.Since(attempt).Round(time.Millisecond))
			}
			if r.err != nil {
				var at errAnswerTimeout
				if cause := context.Cause(ctx); errors.As(cause, &at) {
					return r.resp, fmt.Errorf("%w: %w", at, r.err)
				}
			}
			return r.resp, r.err
		case <-silence:
			silence = nil
			cancel(errFirstToken{be.FirstTokenTimeout})
		case <-w.noticeC():
			w.announce()
		}
	}
}
