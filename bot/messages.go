package bot

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/bot/answer"
	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/bot/respond"
	"github.com/premortem/premortem/bot/router"
	"github.com/premortem/premortem/bot/shards"
)

// onMessage turns a message into a question when it is one: a mention of
// the bot (its user or its managed role), a reply to it, a message in its
// thread, or a direct message. The question runs through the router like
// a slash command, answered in the message's channel.
func (b *Bot) onMessage(m *discordgo.Message) {
	why, thread := b.trigger(m)
	if why == "" || !b.dedupe.first("m"+m.ID) { // only questions cost a shared check
		return
	}
	text := answer.StripMentions(m.Content, b.MentionTokens(m.GuildID)...)
	out := respond.NewMessage(m, respond.MessageOptions{API: b.api, Pacer: b.pacer, Log: b.log, Replied: b.replied(m, why, text)})
	q := router.FromMessage(m, why, text, advisor.DetectLang(text), out)
	if thread != nil {
		q.Thread, q.Parents = thread, []string{thread.ParentID}
	}
	b.router.Dispatch(q)
}

// trigger says why a message is a question for the bot ("" if it is not).
// It runs for every message the bot sees: what it asks of memory comes
// first, and the bot's roles only for a message that mentions a role.
func (b *Bot) trigger(m *discordgo.Message) (why string, ch *discordgo.Channel) {
	me := b.SelfID()
	if m.Author == nil || m.Author.Bot || m.Author.ID == me || me == "" {
		return "", nil
	}
	if m.GuildID == "" {
		if b.cfg.DirectMessages {
			return "dm", nil
		}
		return "", nil
	}
	if m.ReferencedMessage != nil && m.ReferencedMessage.Author != nil && m.ReferencedMessage.Author.ID == me {
		return "reply", nil
	}
	for _, u := range m.Mentions {
		if u.ID == me {
			return "mention", nil
		}
	}
	if len(m.MentionRoles) > 0 && slices.ContainsFunc(b.botRoles(m.GuildID), func(r string) bool { return slices.Contains(m.MentionRoles, r) }) {
		return "mention", nil
	}
	b.mu.Lock()
	known := b.threads[m.ChannelID]
	b.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if c := b.channel(ctx, m.ChannelID); c != nil && c.IsThread() && (known || c.OwnerID == me) {
		return "thread", c
	}
	return "", nil
}

// replied opens a thread from the answer to a mention in a text channel
// (discord.threads), so the conversation continues there without
// mentions; nil when the question is not such a mention.
func (b *Bot) replied(m *discordgo.Message, why, text string) func(context.Context, string, *router.Response) {
	if why != "mention" || !b.cfg.Threads || m.GuildID == "" {
		return nil
	}
	return func(ctx context.Context, replyID string, resp *router.Response) {
		if resp.Data == nil || len(resp.Data.Embeds) == 0 {
			return // a refusal or a note, not an answer
		}
		c := b.channel(ctx, m.ChannelID)
		if c == nil || c.Type != discordgo.ChannelTypeGuildText {
			return
		}
		name := render.Clip(strings.Join(strings.Fields(text), " "), 90)
		th, err := b.api.MessageThreadStartComplex(m.ChannelID, replyID, &discordgo.ThreadStart{Name: name, AutoArchiveDuration: 1440}, discordgo.WithContext(ctx))
		if err != nil {
			b.log.Warn("open conversation thread", "channel", m.ChannelID, "err", err)
			return
		}
		b.rememberThread(th.ID)
	}
}

// SelfID is the bot's user ID, "" before Run has checked the token.
func (b *Bot) SelfID() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.self == nil {
		return ""
	}
	return b.self.ID
}

// MentionTokens are the ways a message addresses the bot in its text.
func (b *Bot) MentionTokens(guildID string) []string {
	me := b.SelfID()
	tokens := []string{"<@" + me + ">", "<@!" + me + ">"}
	for _, r := range b.botRoles(guildID) {
		tokens = append(tokens, "<@&"+r+">")
	}
	return tokens
}

func (b *Bot) rememberThread(id string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.threads) > 10000 {
		clear(b.threads)
	}
	b.threads[id] = true
}

// channel returns a channel from the gateway's state, else from REST.
func (b *Bot) channel(ctx context.Context, id string) *discordgo.Channel {
	if c, ok := b.cachedChannel(id); ok {
		return c
	}
	c, err := b.api.Channel(id, discordgo.WithContext(ctx))
	if err != nil {
		return nil
	}
	return c
}

// botRoles are the bot's managed roles in a guild: mentioning one of them
// addresses the bot.
func (b *Bot) botRoles(guildID string) []string {
	if guildID == "" {
		return nil
	}
	m := b.shardManager()
	if m == nil {
		return nil
	}
	mem, ok := m.Member(guildID, b.SelfID())
	if !ok {
		return nil
	}
	var out []string
	for _, id := range mem.Roles {
		if r, ok := m.Role(guildID, id); ok && r.Managed {
			out = append(out, id)
		}
	}
	return out
}

// shardManager is the gateway's shards, nil before Run connects them (or
// without a gateway).
func (b *Bot) shardManager() *shards.Manager {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.shards
}

// cachedChannel is a channel from the shards' caches.
func (b *Bot) cachedChannel(id string) (*discordgo.Channel, bool) {
	if m := b.shardManager(); m != nil {
		return m.Channel(id)
	}
	return nil, false
}

// threadParent returns the parent of a thread known to the gateway state,
// without a REST call (it runs before the acknowledgement).
func (b *Bot) threadParent(channelID string) []string {
	if c, ok := b.cachedChannel(channelID); ok && c.IsThread() && c.ParentID != "" {
		return []string{c.ParentID}
	}
	return nil
}
