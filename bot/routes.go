package bot

import (
	"context"

	"github.com/premortem/premortem/bot/commands"
	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/bot/respond"
	"github.com/premortem/premortem/bot/router"
	"github.com/premortem/premortem/bot/wizard"
)

// routes wires every command, component and message question to its
// handler through its middlewares. Every request is a tracked job with a
// deadline; questions (/ask and every message) share one chain.
func (b *Bot) routes(o Options) *router.Router {
	r := router.New(b.metrics)
	fast := r.With(b.job(router.DeferOptions{After: router.DeferAfter})...)
	questions := r.With(b.questionChain()...)
	private := r.With(b.job(router.DeferOptions{Now: true, Private: true})...)

	questions.Command("ask", b.answers.Handle)
	questions.Message(b.answers.Handle)
	private.Component(render.IDSources, b.answers.Sources)
	private.Component(render.IDToDo, b.answers.ToDo)
	private.Component(render.IDMore, b.answers.More)
	fast.Component(render.IDFeedback, b.answers.Feedback)

	risks := commands.Risks{KB: o.KB}
	fast.Command("risks", risks.Handle)
	r.Autocomplete("risks", risks.Complete)
	models := commands.Models{Catalog: o.Backends, Chain: o.Backends, Store: o.Store, AdminRoles: b.cfg.AdminRoleIDs, Refusals: b.metrics, Log: b.log}
	fast.Command("model", models.Handle)
	r.Autocomplete("model", models.Complete)
	fast.Command("help", commands.Help)

	start, forget, click := soon, soon, soon
	if w := o.Wizard; w != nil {
		start, forget, click = w.Start, w.Forget, w.Click
	}
	fast.Command("assess", start)
	fast.Component(render.IDAssess, start)
	fast.Command("forget", forget)
	fast.Component(wizard.Prefix, click)
	return r
}

// job is what every route runs through: a tracked job, deferred as o
// says, then with a deadline, panics answered politely.
func (b *Bot) job(o router.DeferOptions) []router.Middleware {
	return []router.Middleware{router.Track(b.jobs), router.Defer(o), router.Deadline(b.jobs, b.cfg.AnswerTimeout), router.Recover(b.log)}
}

// questionChain is the one chain of every question, however it came:
// allowed channels and roles, the user's limits, a tracked job,
// acknowledged at once (a deferral, or typing), then with a deadline, the
// user's rate across processes when they share a store, at most
// max_concurrent answers being written, streamed while written. All that
// runs before the acknowledgement is in memory: the shared rate is
// charged right after it (one database round trip before every
// acknowledgement would put the database's latency under load on
// Discord's 3 s clock; see BenchmarkAck200InFlight/postgres), and its
// refusal replaces the deferral.
func (b *Bot) questionChain() []router.Middleware {
	chain := append([]router.Middleware{
		router.Guard(b.cfg.AllowedChannelIDs, b.cfg.AllowedRoleIDs, b.metrics),
		b.limits.Middleware(b.metrics),
	}, b.job(router.DeferOptions{Now: true})...)
	if b.shared {
		chain = append(chain, router.SharedRate(b.store, b.cfg.UserRate, b.cfg.UserBurst, b.metrics, b.log))
	}
	return append(chain, router.Limit(b.cfg.MaxConcurrent), respond.Stream(b.pacer))
}

// soon answers /assess and /forget when the wizard is not wired.
func soon(_ context.Context, q *router.Request) *router.Response {
	return router.Private(render.T(q.Lang, "assesssoon"))
}
