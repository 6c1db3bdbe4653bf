package bot

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/store"
)

// Options configure a Bot.
type Options struct {
	Config  config.Discord
	Token   string // without the "Bot " prefix
	Advisor *advisor.Advisor
	Store   Storage
	Assess  *AssessFlow // nil: /assess says the assessment is coming
	Metrics *Metrics    // nil: a new set
	Logger  *slog.Logger
}

// Storage is the state the bot keeps (*store.Store implements it): model
// choices, feedback, daily caps and the sessions' expiry.
type Storage interface {
	GuildModel(ctx context.Context, guildID string) (store.ModelChoice, error)
	SetGuildModel(ctx context.Context, c store.ModelChoice) (previous string, err error)
	AddFeedback(ctx context.Context, f store.Feedback) (changed bool, err error)
	TakeDaily(ctx context.Context, day string, caps ...store.Cap) (hit store.Cap, ok bool, err error)
	ExpireSessionsBefore(ctx context.Context, t time.Time) (int64, error)
	PruneUsage(ctx context.Context, day string) (int64, error)
	Ping(ctx context.Context) error
}

var _ Storage = (*store.Store)(nil)

// asker is what the bot needs from the advisor.
type asker interface {
	Ask(ctx context.Context, req advisor.Request) (*advisor.Answer, error)
}

// backendSet is what /model needs from the advisor's backends.
type backendSet interface {
	Names() []string
	Has(name string) bool
	Default() string
	Fallback() []string
	Spec(name string) (advisor.BackendSpec, bool)
}

// Bot is premortem on Discord.
type Bot struct {
	cfg      config.Discord
	token    string
	adv      asker
	backends backendSet
	kb       *knowledge.Base
	store    Storage
	assess   *AssessFlow
	metrics  *Metrics
	log      *slog.Logger
	router   *Router
	pacer    *pacer
	guard    *guard
	jobs     *tracker

	mu      sync.Mutex
	self    *discordgo.User
	threads map[string]bool // conversation threads this bot opened (or owns)
	ready   chan struct{}
	api     discordAPI
	state   *discordgo.State
}

// New builds a bot; Run connects it.
func New(o Options) (*Bot, error) {
	if o.Advisor == nil || o.Store == nil {
		return nil, errors.New("bot: an advisor and a store are required")
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Metrics == nil {
		o.Metrics = NewMetrics()
	}
	c := o.Config
	b := &Bot{cfg: c, token: o.Token, adv: o.Advisor, backends: o.Advisor.Backends(), kb: o.Advisor.KB(),
		store: o.Store, assess: o.Assess, metrics: o.Metrics, log: o.Logger,
		pacer: newPacer(c.StreamInterval), guard: newGuard(c.AllowedChannelIDs, c.AllowedRoleIDs, c.UserRate, c.UserBurst),
		jobs: newTracker(), threads: map[string]bool{}, ready: make(chan struct{})}
	if b.cfg.MaxConcurrent < 1 {
		b.cfg.MaxConcurrent = 1
	}
	if b.cfg.AnswerTimeout <= 0 {
		b.cfg.AnswerTimeout = 2 * time.Minute
	}
	b.router = b.newRouter(nil)
	return b, nil
}

// newRouter wires every command and button to its handler.
func (b *Bot) newRouter(api discordAPI) *Router {
	r := &Router{api: api, log: b.log, metrics: b.metrics, guard: b.guard, pacer: b.pacer, jobs: b.jobs,
		timeout: b.cfg.AnswerTimeout, sem: make(chan struct{}, b.cfg.MaxConcurrent),
		commands: map[string]Route{}, complete: map[string]Completer{}}
	r.parents = b.threadParent
	r.Command("ask", Route{Handle: b.askCommand, Defer: true, Guard: true})
	r.Command("risks", Route{Handle: b.risksCommand})
	r.Command("model", Route{Handle: b.modelCommand})
	r.Command("help", Route{Handle: b.helpCommand})
	r.Autocomplete("risks", b.completeRisk)
	r.Autocomplete("model", b.completeModel)
	r.Component(idSources, Route{Handle: b.sources, Defer: true, Private: true})
	r.Component(idFeedback, Route{Handle: b.feedback})
	r.Component(idAssess, Route{Handle: b.assessButton})
	assess := func(ctx context.Context, q *Request) *Response {
		if b.assess == nil {
			return Private(t(q.Lang, "assesssoon"))
		}
		reply, ok := b.assess.Handle(ctx, q.Interaction)
		if !ok {
			return Private(t(q.Lang, "unknown"))
		}
		return fromAssess(reply)
	}
	r.Command("assess", Route{Handle: assess})
	r.Command("forget", Route{Handle: assess})
	r.Component(wizardPrefix, Route{Handle: assess})
	return r
}

// Router returns the bot's router, for tests that dispatch directly.
func (b *Bot) Router() *Router { return b.router }

// Ready is closed once the bot is connected and its commands registered.
func (b *Bot) Ready() <-chan struct{} { return b.ready }
