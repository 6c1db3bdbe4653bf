package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/answer"
	"github.com/premortem/premortem/bot/commands"
	"github.com/premortem/premortem/bot/ops"
	"github.com/premortem/premortem/bot/respond"
	"github.com/premortem/premortem/bot/router"
	"github.com/premortem/premortem/bot/shards"
	"github.com/premortem/premortem/bot/wizard"
	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/store"
)

// Options configure a Bot.
type Options struct {
	Config   config.Discord
	Token    string // without the "Bot " prefix
	Asker    answer.Asker
	Backends Backends
	KB       *knowledge.Base
	Store    Storage
	Wizard   *wizard.Flow // nil: /assess says the assessment is coming
	Metrics  *ops.Metrics // nil: a new set
	Logger   *slog.Logger
}

// Backends is what the bot uses of the advisor's model backends
// (*advisor.Backends): /model shows and switches them, answers check the
// guild's choice still exists.
type Backends interface {
	commands.Catalog
	commands.Chain
	answer.Backends
}

// Storage is the state the bot keeps (*store.Store): daily caps, model
// choices and feedback, the expiry of old sessions, and a ping for
// /healthz; and what the processes sharing it agree on: shard leases and
// identify slots, the lease of registering commands, per-user rates,
// events already handled, and model switches. Wizard sessions are the
// wizard's (wizard.Sessions).
type Storage interface {
	answer.Store
	commands.Choices
	ops.Expirer
	shards.Leases
	router.RateTaker
	Seer
	Lock(ctx context.Context, name string) (*store.Lease, error)
	Watch(ctx context.Context, fn func(guildID, backend string)) error
	Ping(ctx context.Context) error
	// Driver names the engine: "postgres" is shared by processes.
	Driver() string
}

// discordAPI is the part of *discordgo.Session the bot uses: the
// responders', the conversation history, and what opening a thread and
// finding channels need.
type discordAPI interface {
	respond.InteractionAPI
	respond.MessageAPI
	answer.Reader
	Channel(channelID string, options ...discordgo.RequestOption) (*discordgo.Channel, error)
	MessageThreadStartComplex(channelID, messageID string, data *discordgo.ThreadStart, options ...discordgo.RequestOption) (*discordgo.Channel, error)
}

var _ discordAPI = (*discordgo.Session)(nil)

// Bot is premortem on Discord.
type Bot struct {
	cfg     config.Discord
	token   string
	store   Storage
	metrics *ops.Metrics
	log     *slog.Logger
	jobs    *ops.Jobs
	pacer   *respond.Pacer
	tokens  respond.Tokens
	limits  *router.UserLimits
	answers *answer.Flow
	router  *router.Router
	models  *modelCache
	dedupe  *dedupe
	shared  bool // the store is shared by processes (PostgreSQL)

	session *discordgo.Session // REST only: the gateway sessions are the shards'
	api     discordAPI         // what responders use: the session (a benchmark replaces it)
	shards  *shards.Manager    // nil until Run connects the gateway
	cmds    atomic.Value       // string: who registers the commands (health)

	mu      sync.Mutex
	self    *discordgo.User
	threads map[string]bool // conversation threads this bot opened (or owns)
	ready   chan struct{}
}

// New builds a bot; Run connects it.
func New(o Options) (*Bot, error) {
	if o.Asker == nil || o.Backends == nil || o.KB == nil || o.Store == nil {
		return nil, errors.New("bot: an asker, its backends, a knowledge base and a store are required")
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Metrics == nil {
		o.Metrics = ops.NewShardMetrics(shardLabel(o.Config))
	}
	s, err := discordgo.New("Bot " + o.Token)
	if err != nil {
		return nil, fmt.Errorf("create discord session: %w", err)
	}
	s.Identify.Intents = Intents
	s.ShouldReconnectOnError = true
	s.ShouldRetryOnRateLimit = true
	// Discord's API is one host: keep enough idle connections that a burst
	// of acknowledgements does not dial a new connection each (the default
	// keeps 2 per host).
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 256
	tr.MaxIdleConns = 256
	s.Client = &http.Client{Timeout: 30 * time.Second, Transport: tr}

	c := o.Config
	b := &Bot{cfg: c, token: o.Token, store: o.Store, metrics: o.Metrics, log: o.Logger,
		jobs: ops.NewJobs(), pacer: respond.NewPacer(c.StreamInterval), limits: router.NewUserLimits(c.UserRate, c.UserBurst),
		session: s, api: s, threads: map[string]bool{}, ready: make(chan struct{}),
		models: newModelCache(o.Store, o.Logger), shared: o.Store.Driver() == "postgres"}
	var seer Seer
	if b.shared {
		seer = o.Store
	}
	b.dedupe = newDedupe(seer, o.Logger)
	b.cmds.Store("waiting for their lease")
	b.answers = answer.New(answer.Options{Config: c, Asker: o.Asker, Backends: o.Backends, KB: o.KB, Store: b.models,
		History: s, Self: b, Metrics: o.Metrics, Logger: o.Logger})
	b.router = b.routes(o)
	return b, nil
}

// Ready is closed once the bot is connected (a first shard, unless the
// gateway is off) and its commands registered (by this process, or by
// another that holds the commands' lease).
func (b *Bot) Ready() <-chan struct{} { return b.ready }

// shardLabel is the shard metrics carry: the configured one, or "http"
// for a process without a gateway.
func shardLabel(c config.Discord) string {
	if !c.Gateway {
		return "http"
	}
	return strconv.Itoa(c.ShardID)
}
