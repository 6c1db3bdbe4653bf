package advisor

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"syscall"
	"time"

	"github.com/premortem/premortem/llm"
)

// The fallback chain. write tries the backend the request names (or the
// default), then the configured fallback chain, then builtin, which cannot
// fail. Each model backend gets its timeout for the whole call, retries
// included, and its first-token timeout per attempt; 429, 5xx and
// connection errors are retried with backoff, honouring Retry-After; any
// other failure, a timeout, a cut stream or an empty reply moves on to the
// next backend at once, with a Notice saying why. A backend that failed is
// skipped for its cooldown.

// Retry bounds.
const (
	backoffBase   = 250 * time.Millisecond
	backoffMax    = 4 * time.Second
	maxRetryAfter = 10 * time.Second // a longer Retry-After falls back now instead
)

// errEmptyReply is a reply with nothing left to show after the checks.
var errEmptyReply = errors.New("the model's reply was empty once checked")

// write fills ans.Text, ans.Model, ans.Checks, ans.ModelCited (and
// ans.Usage) for g.
func (a *Advisor) write(ctx context.Context, req Request, g Grounding, ans *Answer) error {
	g.Question = req.Question
	bs := a.backends
	first := req.Model
	if first == "" {
		first = bs.Default()
	}
	if err := bs.known(first); err != nil {
		return err
	}
	emit := newEmitter(req.OnDelta)
	// An off-topic question gets the builtin out-of-scope reply: no model
	// is asked to write about what the knowledge does not cover.
	if g.OffTopic() || first == Builtin || bs.prompts == nil {
		a.writeBuiltin(g, ans, "", emit)
		return nil
	}
	d := promptData(g, req.History)
	msgs, err := messages(bs.prompts, d)
	if err != nil {
		return err
	}
	start := time.Now()
	notify := func(n Notice) {
		if req.OnNotice != nil {
			n.Lang = g.Lang
			req.OnNotice(n)
		}
	}
	out, err := a.run(ctx, first, msgs, groundsOf(g, d), emit, notify)
	if err != nil {
		return err
	}
	if out.backend == Builtin {
		a.writeBuiltin(g, ans, first, emit)
		return nil
	}
	ans.Text, ans.Checks, ans.Model, ans.ModelCited = out.text, out.checks, out.model, out.cited
	if u := out.resp.Usage; u != (llm.Usage{}) {
		ans.Usage = &Usage{PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens}
	}
	ans.TimingMS["generate"] = ms(time.Since(start))
	ans.TimingMS["first_token"] = ms(out.firstToken)
	emit.final(out.text)
	return nil
}

// written is what run got from the backend that answered.
type written struct {
	backend    string // Builtin when every model backend failed
	model      ModelInfo
	resp       llm.Response
	text       string
	checks     Checks
	cited      []string      // the valid IDs the reply itself cited
	firstToken time.Duration // from asking this backend to its first token
}

// run walks the chain for a request naming first until a model backend
// gives a usable reply, or returns backend Builtin for the caller to
// compose. It fails only when ctx ends. notify may be nil.
func (a *Advisor) run(ctx context.Context, first string, msgs []llm.Message, gr *grounds, emit *emitter, notify func(Notice)) (written, error) {
	if notify == nil {
		notify = func(Notice) {}
	}
	chain := a.backends.chain(first)
	for i, be := range chain {
		if be.Name == Builtin {
			break
		}
		w, err := a.generate(ctx, be, msgs, gr, emit, notify)
		if err == nil {
			w.backend = be.Name
			w.model = ModelInfo{Backend: be.Name, Name: cmp.Or(w.resp.Model, be.ModelName)}
			if be.Name != first {
				w.model.FallbackFrom = first
			}
			return w, nil
		}
		if ctx.Err() != nil {
			return written{}, fmt.Errorf("ask %s: %w", be.Name, ctx.Err())
		}
		next := Builtin
		if i+1 < len(chain) {
			next = chain[i+1].Name
		}
		reason := failReason(err)
		a.log.Warn("model backend failed; falling back", "backend", be.Name, "next", next, "reason", reason, "err", err)
		notify(Notice{Kind: NoticeFallback, Backend: be.Name, Model: be.ModelName, Next: next, Reason: reason})
	}
	return written{backend: Builtin, model: ModelInfo{Backend: Builtin, Name: Builtin}}, nil
}

// writeBuiltin has the builtin composer write the answer.
func (a *Advisor) writeBuiltin(g Grounding, ans *Answer, fallbackFrom string, emit *emitter) {
	ans.Text = a.Compose(g)
	ans.Model = ModelInfo{Backend: Builtin, Name: Builtin}
	if fallbackFrom != Builtin {
		ans.Model.FallbackFrom = fallbackFrom
	}
	ans.Checks = Checks{}
	ans.ModelCited = nil
	emit.final(ans.Text)
}

// generate asks one backend, with retries, and checks its reply. Every
// attempt streams (watch.go), so that silence is noticed whether or not
// the caller shows the stream.
func (a *Advisor) generate(ctx context.Context, be *backend, msgs []llm.Message, gr *grounds, emit *emitter, notify func(Notice)) (written, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, be.Timeout, errAnswerTimeout{be.Timeout})
	defer cancel()
	w := newWatch(be, a.backends.notice, notify)
	defer w.stop()
	if err := w.acquire(ctx, be.sem); err != nil {
		return written{}, err
	}
	defer func() { <-be.sem }()
	req := llm.Request{Messages: msgs, MaxTokens: be.MaxTokens, Temperature: be.Temperature}
	for attempt := 0; ; attempt++ {
		resp, err := w.call(ctx, be, req, emit.stream(gr))
		if err == nil {
			text, checks, cited, usable := gr.checkCited(resp.Content)
			if usable {
				a.backends.markUp(be.Name)
				return written{resp: resp, text: text, checks: checks, cited: cited, firstToken: w.firstToken}, nil
			}
			return written{}, fmt.Errorf("%w (finish reason %q)", errEmptyReply, resp.FinishReason)
		}
		retry, after := classify(err)
		wait := backoff(attempt, after)
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
			retry = false
		}
		if !retry || attempt >= be.Retries || after > maxRetryAfter {
			if ctx.Err() == nil || errors.Is(ctx.Err(), context.DeadlineExceeded) {
				a.backends.markDown(be.Name, after)
			}
			return written{}, fmt.Errorf("backend %s, attempt %d: %w", be.Name, attempt+1, err)
		}
		a.log.Debug("model backend refused; retrying", "backend", be.Name, "attempt", attempt+1, "wait", wait, "err", err)
		if err := w.sleep(ctx, a.backends.sleep(wait)); err != nil {
			a.backends.markDown(be.Name, after)
			return written{}, fmt.Errorf("backend %s: %w", be.Name, err)
		}
	}
}

// classify reports whether err may pass on a retry, and the server's
// Retry-After when it gave one.
func classify(err error) (retry bool, after time.Duration) {
	var se *llm.StatusError
	var ft errFirstToken
	switch {
	case errors.As(err, &ft):
		return false, 0
	case errors.As(err, &se):
		return se.Temporary(), se.RetryAfter
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled), errors.Is(err, llm.ErrTruncated):
		return false, 0
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF):
		return true, 0
	}
	var ne *net.OpError
	return errors.As(err, &ne), 0
}

// backoff is the wait before retry attempt+1: exponential with jitter, or
// the server's Retry-After when longer.
func backoff(attempt int, after time.Duration) time.Duration {
	d := min(backoffBase<<attempt, backoffMax)
	d = d/2 + rand.N(d/2+1)
	return max(d, after)
}
