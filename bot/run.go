package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Intents the bot needs: guilds (channels, roles, threads), guild messages
// (mentions, replies, thread messages) and their content (privileged: turn
// on "Message Content Intent" in the Developer Portal).
const Intents = discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentMessageContent

// Run connects to Discord, registers the commands and serves until ctx
// ends, then shuts down gracefully: new requests are refused politely,
// answers in flight get shutdown_grace to finish and are then closed with
// a short "stopping, ask again" edit.
func (b *Bot) Run(ctx context.Context) error {
	if b.token == "" {
		return errors.New("DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications and export its token")
	}
	if err := SetAPIBase(b.cfg.APIBase); err != nil {
		return err
	}
	s, err := discordgo.New("Bot " + b.token)
	if err != nil {
		return fmt.Errorf("create discord session: %w", err)
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
	b.attach(s)

	me, err := s.User("@me", discordgo.WithContext(ctx))
	if err != nil {
		return tokenError(err)
	}
	b.mu.Lock()
	b.self = me
	b.mu.Unlock()
	if err := s.Open(); err != nil {
		return gatewayError(err)
	}
	defer s.Close()
	b.log.Info("connected to discord", "bot", me.Username, "id", me.ID)

	if _, err := s.ApplicationCommandBulkOverwrite(me.ID, b.cfg.GuildID, Commands(), discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("register slash commands (guild %q): %w", b.cfg.GuildID, err)
	}
	scope := "globally (may take up to an hour to appear)"
	if b.cfg.GuildID != "" {
		scope = "in guild " + b.cfg.GuildID
	}
	b.log.Info("slash commands registered " + scope)

	stopHTTP, err := b.serveHTTP(s)
	if err != nil {
		return err
	}
	defer stopHTTP()
	expired := make(chan struct{})
	go func() { defer close(expired); b.expireSessions(ctx) }()
	defer func() { <-expired }()
	close(b.ready)

	<-ctx.Done()
	b.log.Info("shutting down: finishing answers in flight", "grace", b.cfg.ShutdownGrace)
	if !b.jobs.shutdown(b.cfg.ShutdownGrace, 15*time.Second) {
		b.log.Warn("some answers did not finish before shutdown")
	}
	return nil
}

// attach installs the bot's event handlers on s.
func (b *Bot) attach(s *discordgo.Session) {
	b.mu.Lock()
	b.api = s
	b.state = s.State
	b.mu.Unlock()
	b.router.api = s
	s.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) { b.router.Dispatch(ic.Interaction) })
	s.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { b.onMessage(m.Message) })
	s.AddHandler(func(_ *discordgo.Session, c *discordgo.ThreadCreate) {
		if c.OwnerID != "" && c.OwnerID == b.selfID() {
			b.rememberThread(c.ID)
		}
	})
	s.AddHandler(func(_ *discordgo.Session, rl *discordgo.RateLimit) {
		b.metrics.rateLimited()
		if ch := b.channelOfURL(rl.URL); ch != "" && rl.TooManyRequests != nil {
			b.pacer.penalize(ch, rl.RetryAfter)
		}
		b.log.Warn("discord rate limit", "url", redactURL(rl.URL))
	})
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Disconnect) { b.log.Warn("gateway disconnected; reconnecting") })
	s.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) { b.log.Info("gateway session resumed") })
}

// channelOfURL finds the channel a rate-limited REST URL was about.
func (b *Bot) channelOfURL(u string) string {
	if _, rest, ok := strings.Cut(u, "/channels/"); ok {
		id, _, _ := strings.Cut(rest, "/")
		return id
	}
	if _, rest, ok := strings.Cut(u, "/webhooks/"); ok {
		parts := strings.SplitN(rest, "/", 3) // {application}/{token}/...
		if len(parts) >= 2 {
			return b.router.channelOfToken(parts[1])
		}
	}
	return ""
}

// redactURL drops interaction tokens from webhook URLs before logging.
func redactURL(u string) string {
	if i := strings.Index(u, "/webhooks/"); i >= 0 {
		return u[:i] + "/webhooks/…"
	}
	return u
}

// tokenError explains a failed GET /users/@me.
func tokenError(err error) error {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized {
		return errors.New("DISCORD_TOKEN was rejected by Discord (401 Unauthorized): copy the bot token again from the Developer Portal (Bot → Reset Token)")
	}
	return fmt.Errorf("check the bot token with Discord: %w", err)
}

// gatewayError explains a failed gateway connection.
func gatewayError(err error) error {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		switch ce.Code {
		case 4004:
			return errors.New("discord gateway rejected DISCORD_TOKEN (close 4004 authentication failed): copy the bot token again from the Developer Portal")
		case 4014:
			return errors.New("discord gateway refused a privileged intent (close 4014): enable \"Message Content Intent\" under Bot → Privileged Gateway Intents in the Developer Portal")
		case 4013:
			return errors.New("discord gateway rejected the intents (close 4013 invalid intents)")
		}
		return fmt.Errorf("discord gateway closed the connection (%d %s)", ce.Code, ce.Text)
	}
	return fmt.Errorf("connect to the discord gateway: %w", err)
}

// expireSessions deletes expired wizard sessions hourly and old usage
// counters daily.
func (b *Bot) expireSessions(ctx context.Context) {
	tick := time.NewTicker(time.Hour)
	defer tick.Stop()
	for {
		if n, err := b.store.ExpireSessionsBefore(ctx, time.Now()); err != nil {
			b.log.Warn("expire sessions", "err", err)
		} else if n > 0 {
			b.log.Info("expired sessions deleted", "count", n)
		}
		if _, err := b.store.PruneUsage(ctx, time.Now().AddDate(0, 0, -2).UTC().Format(time.DateOnly)); err != nil {
			b.log.Warn("prune usage", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}
