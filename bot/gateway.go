package bot

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/ops"
	"github.com/premortem/premortem/bot/respond"
	"github.com/premortem/premortem/bot/router"
)

// Intents the bot needs: guilds (channels, roles, threads), guild messages
// (mentions, replies, thread messages) and their content (privileged: turn
// on "Message Content Intent" in the Developer Portal), and direct
// messages.
const Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentMessageContent | discordgo.IntentsDirectMessages

// Run connects to Discord (the gateway's shards unless discord.gateway is
// false, the HTTP interactions endpoint when discord.interactions_addr is
// set), registers the commands (from the one process holding their
// lease) and serves until ctx ends, then shuts down gracefully: the
// shards are handed over at once, new requests are refused politely,
// answers in flight get shutdown_grace to finish and are then closed with
// a short "stopping, ask again" edit.
func (b *Bot) Run(ctx context.Context) error {
	if b.token == "" {
		return errors.New("DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications and export its token")
	}
	if err := SetAPIBase(b.cfg.APIBase); err != nil {
		return err
	}
	b.attachREST(b.session)
	me, err := b.session.User("@me", discordgo.WithContext(ctx))
	if err != nil {
		return ops.TokenError(err)
	}
	b.mu.Lock()
	b.self = me
	b.mu.Unlock()
	var m interface {
		Run(context.Context) error
		Connected() <-chan struct{}
	}
	if b.cfg.Gateway {
		sm, err := b.newShards(ctx)
		if err != nil {
			return err
		}
		b.mu.Lock()
		b.shards = sm
		b.mu.Unlock()
		m = sm
	}
	stopHTTP, err := b.serveHTTP()
	if err != nil {
		return err
	}
	defer stopHTTP()

	run, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer func() { cancel(); wg.Wait() }()
	fatal := make(chan error, 2)
	goRun := func(f func()) { wg.Add(1); go func() { defer wg.Done(); f() }() }
	goRun(func() { b.models.watch(run, b.store) })
	goRun(func() { ops.Expire(run, b.store, b.log) })
	connected := closed
	if m != nil {
		goRun(func() {
			if err := m.Run(run); err != nil {
				fatal <- ops.GatewayError(err)
			}
		})
		connected = m.Connected()
	}
	registered := make(chan error, 1)
	goRun(func() { b.registerCommands(run, me.ID, registered) })

	select {
	case <-connected:
		b.log.Info("connected to discord", "bot", me.Username, "id", me.ID)
	case err := <-fatal:
		return err
	case <-ctx.Done():
	}
	select {
	case err := <-registered:
		if err != nil {
			return err
		}
	case err := <-fatal:
		return err
	case <-ctx.Done():
	}
	if ctx.Err() == nil {
		close(b.ready)
	}
	select {
	case <-ctx.Done():
	case err := <-fatal:
		return err
	}
	b.log.Info("shutting down: finishing answers in flight", "grace", b.cfg.ShutdownGrace)
	if !b.jobs.Shutdown(b.cfg.ShutdownGrace, 15*time.Second) {
		b.log.Warn("some answers did not finish before shutdown")
	}
	return nil
}

var closed = func() <-chan struct{} { c := make(chan struct{}); close(c); return c }()

// attachREST installs discordgo's report of a 429 on the REST session.
func (b *Bot) attachREST(s *discordgo.Session) {
	s.AddHandler(func(_ *discordgo.Session, rl *discordgo.RateLimit) {
		b.metrics.RateLimited()
		if rl.TooManyRequests != nil {
			b.pacer.RateLimited(rl.URL, rl.RetryAfter, &b.tokens)
		}
		b.log.Warn("discord rate limit", "url", respond.RedactURL(rl.URL))
	})
}

// attachGateway installs the bot's event handlers on a shard's session.
// Each interaction, and each message that is a question, is handled once,
// however often it arrives.
func (b *Bot) attachGateway(s *discordgo.Session) {
	s.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
		b.dispatchInteraction(ic.Interaction, nil)
	})
	s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { b.onMessage(m.Message) })
	s.AddHandler(func(_ *discordgo.Session, c *discordgo.ThreadCreate) {
		if c.OwnerID != "" && c.OwnerID == b.SelfID() {
			b.rememberThread(c.ID)
		}
	})
	s.AddHandler(func(s *discordgo.Session, _ *discordgo.Disconnect) {
		b.log.Warn("gateway disconnected; reconnecting", "shard", s.ShardID)
	})
	s.AddHandler(func(s *discordgo.Session, _ *discordgo.Resumed) {
		b.log.Info("gateway session resumed", "shard", s.ShardID)
	})
	b.attachREST(s)
}

// dispatchInteraction routes an interaction; its first response goes
// through first (nil: the callback endpoint, the gateway's way, where an
// interaction delivered twice is dropped the second time).
func (b *Bot) dispatchInteraction(i *discordgo.Interaction, first respond.First) {
	start := time.Now()
	if first == nil && !b.dedupe.first("i"+i.ID) {
		return
	}
	out := respond.NewInteraction(i, respond.InteractionOptions{API: b.api, First: first, Pacer: b.pacer,
		Acked: b.metrics.Acked, Start: start, Log: b.log, Tokens: &b.tokens})
	q := router.FromInteraction(i, out)
	if len(b.cfg.AllowedChannelIDs) > 0 { // parents matter to the guard alone
		q.Parents = b.threadParent(i.ChannelID)
	}
	b.router.Dispatch(q)
}
