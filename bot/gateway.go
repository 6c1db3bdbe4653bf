package bot

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/commands"
	"github.com/premortem/premortem/bot/ops"
	"github.com/premortem/premortem/bot/respond"
	"github.com/premortem/premortem/bot/router"
)

// Intents the bot needs: guilds (channels, roles, threads), guild messages
// (mentions, replies, thread messages) and their content (privileged: turn
// on "Message Content Intent" in the Developer Portal), and direct
// messages.
const Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentMessageContent | discordgo.IntentsDirectMessages

// Run connects to Discord (the gateway unless discord.gateway is false,
// the HTTP interactions endpoint when discord.interactions_addr is set),
// registers the commands and serves until ctx ends, then shuts down
// gracefully: new requests are refused politely, answers in flight get
// shutdown_grace to finish and are then closed with a short "stopping,
// ask again" edit.
func (b *Bot) Run(ctx context.Context) error {
	if b.token == "" {
		return errors.New("DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications and export its token")
	}
	if err := SetAPIBase(b.cfg.APIBase); err != nil {
		return err
	}
	s := b.session
	b.attach(s)
	me, err := s.User("@me", discordgo.WithContext(ctx))
	if err != nil {
		return ops.TokenError(err)
	}
	b.mu.Lock()
	b.self = me
	b.mu.Unlock()
	stopHTTP, err := b.serveHTTP()
	if err != nil {
		return err
	}
	defer stopHTTP()
	if b.cfg.Gateway {
		if err := s.Open(); err != nil {
			return ops.GatewayError(err)
		}
		defer s.Close()
		b.log.Info("connected to discord", "bot", me.Username, "id", me.ID)
	}

	if _, err := s.ApplicationCommandBulkOverwrite(me.ID, b.cfg.GuildID, commands.Definitions(), discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("register slash commands (guild %q): %w", b.cfg.GuildID, err)
	}
	scope := "globally (may take up to an hour to appear)"
	if b.cfg.GuildID != "" {
		scope = "in guild " + b.cfg.GuildID
	}
	b.log.Info("slash commands registered " + scope)

	expired := make(chan struct{})
	go func() { defer close(expired); ops.Expire(ctx, b.store, b.log) }()
	defer func() { <-expired }()
	close(b.ready)

	<-ctx.Done()
	b.log.Info("shutting down: finishing answers in flight", "grace", b.cfg.ShutdownGrace)
	if !b.jobs.Shutdown(b.cfg.ShutdownGrace, 15*time.Second) {
		b.log.Warn("some answers did not finish before shutdown")
	}
	return nil
}

// attach installs the bot's event handlers on s: the gateway's, and
// discordgo's report of a 429 (which comes with or without a gateway).
func (b *Bot) attach(s *discordgo.Session) {
	s.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
		b.dispatchInteraction(ic.Interaction, nil)
	})
	s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { b.onMessage(m.Message) })
	s.AddHandler(func(_ *discordgo.Session, c *discordgo.ThreadCreate) {
		if c.OwnerID != "" && c.OwnerID == b.SelfID() {
			b.rememberThread(c.ID)
		}
	})
	s.AddHandler(func(_ *discordgo.Session, rl *discordgo.RateLimit) {
		b.metrics.RateLimited()
		if rl.TooManyRequests != nil {
			b.pacer.RateLimited(rl.URL, rl.RetryAfter, &b.tokens)
		}
		b.log.Warn("discord rate limit", "url", respond.RedactURL(rl.URL))
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) { b.log.Warn("gateway disconnected; reconnecting") })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) { b.log.Info("gateway session resumed") })
}

// dispatchInteraction routes an interaction; its first response goes
// through first (nil: the callback endpoint, the gateway's way).
func (b *Bot) dispatchInteraction(i *discordgo.Interaction, first respond.First) {
	start := time.Now()
	out := respond.NewInteraction(i, respond.InteractionOptions{API: b.api, First: first, Pacer: b.pacer,
		Acked: b.metrics.Acked, Start: start, Log: b.log, Tokens: &b.tokens})
	q := router.FromInteraction(i, out)
	q.Start = start
	if len(b.cfg.AllowedChannelIDs) > 0 { // parents matter to the guard alone
		q.Parents = b.threadParent(i.ChannelID)
	}
	b.router.Dispatch(q)
}
