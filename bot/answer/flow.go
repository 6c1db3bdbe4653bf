package answer

import (
	"cmp"
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/bot/ops"
	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/bot/router"
	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/store"
)

// Asker is what the flow needs from the advisor.
type Asker interface {
	Ask(ctx context.Context, req advisor.Request) (*advisor.Answer, error)
}

// Backends tells which model backends exist and which answers by default
// (*advisor.Backends).
type Backends interface {
	Has(name string) bool
	Default() string
}

// Store is the state the flow keeps (*store.Store): daily caps, each
// guild's model, feedback on answers.
type Store interface {
	TakeDaily(ctx context.Context, day string, caps ...store.Cap) (hit store.Cap, ok bool, err error)
	GuildModel(ctx context.Context, guildID string) (store.ModelChoice, error)
	AddFeedback(ctx context.Context, f store.Feedback) (changed bool, err error)
}

// Options configure a Flow.
type Options struct {
	Config   config.Discord // daily caps, streaming, history limits
	Asker    Asker
	Backends Backends
	KB       *knowledge.Base
	Store    Store
	History  Reader // the channel history of replies, threads and DMs
	Self     Self   // the bot's own identity in those histories
	Metrics  *ops.Metrics
	Logger   *slog.Logger
}

// Flow answers questions: Handle is the one handler of /ask and of every
// message question (mention, reply, thread, DM), Sources and Feedback the
// buttons under an answer.
type Flow struct{ Options }

// New returns a flow over o.
func New(o Options) *Flow {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Metrics == nil {
		o.Metrics = ops.NewMetrics()
	}
	return &Flow{o}
}

// question is one question, whichever way it came.
type question struct {
	text    string
	userID  string
	guildID string
	history []advisor.Turn
	notice  string // shown above the answer, e.g. that older context was left out
}

// outcome is what answering produced: the answer's messages, or a short
// text (a refusal, a timeout) and whether it may be shown publicly.
type outcome struct {
	msgs   []*discordgo.InteractionResponseData
	text   string
	public bool
	reason string // metrics label
}

// Handle answers the question of q: /ask's option, or a message's text
// with its conversation (the reply chain, the thread, the DM) as context.
func (f *Flow) Handle(ctx context.Context, q *router.Request) *router.Response {
	text := q.Text
	if q.Interaction != nil {
		text = q.Option("question")
	}
	turns, cut := f.history(ctx, q)
	notice := ""
	if cut {
		notice = render.T(advisor.DetectLang(text), "older")
	}
	o := f.answer(ctx, question{text: text, userID: q.UserID, guildID: q.GuildID, history: turns, notice: notice}, q.Progress)
	f.Metrics.Answered(o.reason)
	if o.msgs == nil {
		if o.public {
			return router.Reply(&discordgo.InteractionResponseData{Content: o.text})
		}
		return router.Private(o.text)
	}
	return &router.Response{Data: o.msgs[0], More: o.msgs[1:]}
}

// answer runs a question through the daily caps and the advisor, streaming
// the checked text so far to progress.
func (f *Flow) answer(ctx context.Context, q question, progress func(*discordgo.InteractionResponseData)) outcome {
	text, err := advisor.CleanQuestion(q.text)
	lang := advisor.DetectLang(q.text)
	switch {
	case errors.Is(err, advisor.ErrEmptyQuestion):
		return outcome{text: render.T(lang, "empty"), reason: "empty"}
	case errors.Is(err, advisor.ErrQuestionTooLong):
		return outcome{text: render.T(lang, "toolong", advisor.MaxQuestionChars), reason: "toolong"}
	}
	lang = advisor.DetectLang(text)
	caps := []store.Cap{{Kind: store.UsageUser, ID: q.userID, Limit: f.Config.UserDailyCap}}
	if q.guildID != "" {
		caps = append(caps, store.Cap{Kind: store.UsageGuild, ID: q.guildID, Limit: f.Config.GuildDailyCap})
	}
	hit, ok, err := f.Store.TakeDaily(ctx, store.Day(time.Now()), caps...)
	if err != nil {
		f.Logger.Error("daily caps", "err", err)
		return outcome{text: render.T(lang, "failed"), reason: "error"}
	}
	if !ok {
		f.Metrics.Refused(hit.Kind + "cap")
		return outcome{text: render.T(lang, hit.Kind+"cap", hit.Limit), reason: "cap"}
	}
	req := advisor.Request{Question: text, Model: f.guildModel(ctx, q.guildID), History: q.history}
	if f.Config.Stream {
		// The builtin composer writes at once, and its text is the
		// terminal's: nothing of it is streamed, before or after a fallback.
		p := &partial{notice: q.notice, lang: lang, show: progress, still: cmp.Or(req.Model, f.Backends.Default()) == advisor.Builtin}
		req.OnDelta = p.write
		req.OnNotice = func(n advisor.Notice) { p.note(n) }
	}
	start := time.Now()
	ans, err := f.Asker.Ask(ctx, req)
	if err != nil {
		if ctx.Err() != nil {
			return outcome{text: render.T(lang, router.StopReason(ctx)), public: true, reason: router.StopReason(ctx)}
		}
		f.Logger.Error("answer failed", "user", q.userID, "guild", q.guildID, "err", err)
		return outcome{text: render.T(lang, "failed"), public: true, reason: "error"}
	}
	f.Metrics.ModelTime(ans.Model.Backend, time.Since(start))
	if ans.Model.FallbackFrom != "" {
		f.Metrics.Fallback(ans.Model.FallbackFrom, ans.Model.Backend)
	}
	f.Logger.Info("answered", "user", q.userID, "guild", q.guildID, "backend", ans.Model.Backend,
		"risks", len(ans.Risks), "ms", time.Since(start).Milliseconds())
	f.Logger.Debug("answer", "question", text, "answer", ans.Text)
	return outcome{msgs: render.Answer(ans, f.KB, render.AnswerOptions{Notice: q.notice, Said: advisor.Said(q.history)}), public: true, reason: "ok"}
}

// guildModel is the guild's chosen backend, "" for the default (also when
// the chosen one is no longer configured).
func (f *Flow) guildModel(ctx context.Context, guildID string) string {
	if guildID == "" {
		return ""
	}
	c, err := f.Store.GuildModel(ctx, guildID)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			f.Logger.Warn("read guild model", "guild", guildID, "err", err)
		}
		return ""
	}
	if !f.Backends.Has(c.Backend) {
		f.Logger.Warn("guild model no longer configured; using the default", "guild", guildID, "model", c.Backend)
		return ""
	}
	return c.Backend
}

// partial composes what is shown while an answer is written: the checked
// text so far and a progress line (for the advisor's waiting and fallback
// notices, through note).
type partial struct {
	notice, lang string
	show         func(*discordgo.InteractionResponseData)

	mu           sync.Mutex
	text, status string
	still        bool // the builtin composer writes: no text is streamed
}

// write shows the answer's text so far, unless the builtin composer wrote
// it.
func (p *partial) write(text string) {
	p.update(func() bool {
		if p.still {
			return false
		}
		p.text = text
		return true
	})
}

// note shows a waiting or fallback notice as the progress line, under the
// text so far; after a fallback to the builtin composer the text is
// cleared, as the model's text will not be the answer.
func (p *partial) note(n advisor.Notice) {
	p.update(func() bool {
		p.status = n.String()
		if n.Kind == advisor.NoticeFallback && n.Next == advisor.Builtin {
			p.text, p.still = "", true
		}
		return true
	})
}

// update applies change under p.mu (the check of still included, so a
// fallback cannot slip between it and the write) and shows the result
// when change reports one.
func (p *partial) update(change func() bool) {
	p.mu.Lock()
	if !change() {
		p.mu.Unlock()
		return
	}
	d := render.Partial(p.text, p.notice, p.status, p.lang)
	p.mu.Unlock()
	p.show(d)
}

// StripMentions removes the bot's mention tokens from a message.
func StripMentions(s string, tokens ...string) string {
	for _, tok := range tokens {
		s = strings.ReplaceAll(s, tok, "")
	}
	return strings.TrimSpace(s)
}
