package discordfake

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Options configure a Server. The zero value is a working default: the bot
// of DefaultBot in the guild of DefaultGuild, token DefaultToken.
type Options struct {
	// Token is the bot token without the "Bot " prefix.
	Token string
	// Bot is the bot's user; its ID is also the application ID.
	Bot *discordgo.User
	// Guild is the one guild the bot is in, with channels, roles and
	// members; the bot's member and the @everyone role are added if missing.
	// The fake owns it from then on.
	Guild *discordgo.Guild
	// Guilds are more guilds the bot is in (OtherGuild, for example),
	// normalised like Guild. Interactions and messages in their channels
	// carry their guild; each guild's events go to the gateway session of
	// its shard.
	Guilds []*discordgo.Guild
	// Shards is the shard count GET /gateway/bot recommends; default 1.
	Shards int
	// MaxConcurrency is GET /gateway/bot's session_start_limit
	// max_concurrency: identifies of shards with equal shard_id %
	// max_concurrency share one bucket; default 1.
	MaxConcurrency int
	// IdentifyInterval, when set, is the least time between two identifies
	// of one bucket (Discord: 5s); an identify sooner is answered with op 9
	// Invalid Session, as Discord does. Zero accepts every identify.
	IdentifyInterval time.Duration
	// DisallowedIntents are intents the application may not use (privileged
	// intents not enabled in the developer portal); an Identify asking for
	// any of them is closed with code 4014.
	DisallowedIntents discordgo.Intent
	// HeartbeatInterval is sent in Hello; default 41.25s as on Discord.
	HeartbeatInterval time.Duration
	// AckDeadline is how long after dispatch an interaction may still be
	// acknowledged (Discord: 3s); later callbacks get 404 Unknown
	// interaction. Negative disables the check.
	AckDeadline time.Duration
	// RateLimit is the per-bucket limit advertised in X-RateLimit-* headers
	// and enforced with 429s; default 50 requests per second per route and
	// major parameter, generous enough that tests are not slowed down.
	RateLimit RateLimit
	// Logger receives the fake's own debug logs; default discards them.
	Logger *slog.Logger
}

// RateLimit is a request budget per bucket and window.
type RateLimit struct {
	Requests int
	Window   time.Duration
}

// Server is a running fake. All methods are safe for concurrent use.
type Server struct {
	opts  Options
	http  *httptest.Server
	log   *slog.Logger
	ids   atomic.Int64
	start time.Time
	keys  signer
	// webhookClient posts interactions to a bot's endpoint.
	webhookClient *http.Client

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every state change
	closed  bool

	// Under mu: recorded traffic.
	calls      []Call
	acks       []Ack
	identifies []Identify
	resumes    int
	heartbeats int

	// Under mu: world state.
	guild        *discordgo.Guild            // the default guild (Options.Guild)
	guilds       map[string]*discordgo.Guild // every guild, the default's too
	channels     map[string]*discordgo.Channel
	messages     map[string]*channelStore
	interactions map[string]*interactionState               // by interaction ID
	byToken      map[string]*interactionState               // by interaction token
	commands     map[string][]*discordgo.ApplicationCommand // by guild ID, "" global
	buckets      map[string]*bucket
	failures     []*Failure

	// Under mu: gateway.
	sessions   map[string]*gwSession
	current    *gwSession // the newest session of any shard
	conns      map[*gwConn]struct{}
	sessionSeq int               // sessions ever identified, for newest-first routing
	identified map[int]time.Time // last accepted identify per max_concurrency bucket
}

// New starts a fake on 127.0.0.1 and closes it when tb's test ends.
func New(tb testing.TB, opts Options) *Server {
	tb.Helper()
	s, err := NewServer(opts)
	if err != nil {
		tb.Fatalf("start discord fake: %v", err)
	}
	tb.Cleanup(s.Close)
	return s
}

// NewServer starts a fake on 127.0.0.1; the caller must Close it.
func NewServer(opts Options) (*Server, error) {
	if opts.Token == "" {
		opts.Token = DefaultToken
	}
	if opts.Bot == nil {
		opts.Bot = DefaultBot()
	}
	if opts.Guild == nil {
		opts.Guild = DefaultGuild()
	}
	if opts.HeartbeatInterval <= 0 {
		opts.HeartbeatInterval = 41250 * time.Millisecond
	}
	if opts.AckDeadline == 0 {
		opts.AckDeadline = 3 * time.Second
	}
	if opts.RateLimit.Requests <= 0 || opts.RateLimit.Window <= 0 {
		opts.RateLimit = RateLimit{Requests: 50, Window: time.Second}
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	opts.Shards = max(opts.Shards, 1)
	opts.MaxConcurrency = max(opts.MaxConcurrency, 1)
	s := &Server{
		opts:         opts,
		log:          opts.Logger,
		start:        time.Now(),
		changed:      make(chan struct{}),
		guild:        opts.Guild,
		guilds:       map[string]*discordgo.Guild{},
		identified:   map[int]time.Time{},
		channels:     map[string]*discordgo.Channel{},
		messages:     map[string]*channelStore{},
		interactions: map[string]*interactionState{},
		byToken:      map[string]*interactionState{},
		commands:     map[string][]*discordgo.ApplicationCommand{},
		buckets:      map[string]*bucket{},
		sessions:     map[string]*gwSession{},
		conns:        map[*gwConn]struct{}{},
	}
	keys, err := newSigner()
	if err != nil {
		return nil, err
	}
	s.keys = keys
	s.webhookClient = &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	for _, g := range append([]*discordgo.Guild{opts.Guild}, opts.Guilds...) {
		normalizeGuild(g, opts.Bot)
		s.guilds[g.ID] = g
		for _, c := range g.Channels {
			s.channels[c.ID] = c
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen on loopback: %w", err)
	}
	s.http = httptest.NewUnstartedServer(s.handler())
	s.http.Listener.Close()
	s.http.Listener = l
	s.http.Start()
	return s, nil
}

// normalizeGuild fills what a hand-written Options.Guild may leave out: the
// guild ID on channels and members, the @everyone role, the bot's member.
func normalizeGuild(g *discordgo.Guild, bot *discordgo.User) {
	for _, c := range g.Channels {
		c.GuildID = g.ID
	}
	everyone, botMember := false, false
	for _, r := range g.Roles {
		everyone = everyone || r.ID == g.ID
	}
	if !everyone {
		g.Roles = append(g.Roles, &discordgo.Role{ID: g.ID, Name: "@everyone", Permissions: everyonePerms})
	}
	for _, m := range g.Members {
		m.GuildID = g.ID
		botMember = botMember || (m.User != nil && m.User.ID == bot.ID)
	}
	if !botMember {
		g.Members = append(g.Members, &discordgo.Member{GuildID: g.ID, User: bot})
	}
}

// URL is the base to use instead of https://discord.com/, with a trailing
// slash, for PREMORTEM_DISCORD_API_BASE or PointDiscordgo.
func (s *Server) URL() string { return s.http.URL + "/" }

// GatewayURL is the websocket address returned by GET /gateway.
func (s *Server) GatewayURL() string {
	return "ws" + strings.TrimPrefix(s.http.URL, "http") + "/gateway-ws"
}

// Token is the session token a client must use: "Bot " + Options.Token.
func (s *Server) Token() string { return "Bot " + s.opts.Token }

// Bot returns the bot user.
func (s *Server) Bot() *discordgo.User { u := *s.opts.Bot; return &u }

// Close drops every gateway connection and stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	conns := make([]*gwConn, 0, len(s.conns))
	for c := range s.conns {
		conns = append(conns, c)
	}
	s.notifyLocked()
	s.mu.Unlock()
	for _, c := range conns {
		c.drop()
	}
	s.http.CloseClientConnections()
	s.http.Close()
	s.webhookClient.CloseIdleConnections()
}

// nextID returns a fresh snowflake-shaped ID.
func (s *Server) nextID() string {
	const discordEpoch = 1420070400000
	ms := time.Now().UnixMilli() - discordEpoch
	return fmt.Sprint(ms<<22 | (s.ids.Add(1) & 0x3fffff))
}

// notifyLocked wakes every waiter; s.mu must be held.
func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// waitUntil blocks until cond, evaluated under s.mu, returns true, or ctx
// ends. It is the one place the fake blocks on its own state.
func (s *Server) waitUntil(ctx context.Context, what string, cond func() bool) error {
	for {
		s.mu.Lock()
		if cond() {
			s.mu.Unlock()
			return nil
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ctx.Done():
			return fmt.Errorf("discord fake: wait for %s: %w", what, ctx.Err())
		case <-ch:
		}
	}
}
