package bot

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
)

func (b *Bot) selfID() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.self == nil {
		return ""
	}
	return b.self.ID
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
	if b.state != nil {
		if c, err := b.state.Channel(id); err == nil {
			return c
		}
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
	if b.state == nil || guildID == "" {
		return nil
	}
	m, err := b.state.Member(guildID, b.selfID())
	if err != nil {
		return nil
	}
	var out []string
	for _, id := range m.Roles {
		if r, err := b.state.Role(guildID, id); err == nil && r.Managed {
			out = append(out, id)
		}
	}
	return out
}

// trigger says why a message is a question for the bot ("" if it is not).
func (b *Bot) trigger(ctx context.Context, m *discordgo.Message) (why string, ch *discordgo.Channel) {
	me := b.selfID()
	if m.Author == nil || m.Author.Bot || m.Author.ID == me || me == "" {
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
	if roles := b.botRoles(m.GuildID); len(roles) > 0 && slices.ContainsFunc(m.MentionRoles, func(r string) bool { return slices.Contains(roles, r) }) {
		return "mention", nil
	}
	b.mu.Lock()
	known := b.threads[m.ChannelID]
	b.mu.Unlock()
	if m.GuildID != "" {
		if c := b.channel(ctx, m.ChannelID); c != nil && c.IsThread() && (known || c.OwnerID == me) {
			return "thread", c
		}
	}
	return "", nil
}

// onMessage answers a message that mentions the bot, replies to it, or is
// written in its thread.
func (b *Bot) onMessage(m *discordgo.Message) {
	if m.Author == nil || m.Author.Bot {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	why, thread := b.trigger(ctx, m)
	cancel()
	if why == "" {
		return
	}
	b.metrics.interaction("message:" + why)
	text := stripMentions(m.Content, b.mentionTokens(m.GuildID)...)
	lang := advisor.DetectLang(text)
	var parents []string
	if thread != nil {
		parents = append(parents, thread.ParentID)
	}
	var roles []string
	if m.Member != nil {
		roles = m.Member.Roles
	}
	release, key, refusal := b.guard.admit(m.Author.ID, m.ChannelID, roles, lang, parents...)
	if key == "channel" {
		return // not a channel the bot serves: stay quiet
	}
	out := &replySink{b: b, channel: m.ChannelID, replyTo: m.ID}
	if key != "" {
		b.metrics.refused(key)
		out.put(context.Background(), &discordgo.InteractionResponseData{Content: refusal}, true)
		return
	}
	if !b.jobs.begin() {
		release()
		out.put(context.Background(), &discordgo.InteractionResponseData{Content: t(lang, "stopping")}, true)
		return
	}
	go func() {
		defer b.jobs.done()
		defer release()
		b.answerMessage(m, why, thread, text, out, release)
	}()
}

// answerMessage gathers context, answers and, after a mention in a text
// channel, opens a thread from the answer for the conversation.
func (b *Bot) answerMessage(m *discordgo.Message, why string, thread *discordgo.Channel, text string, out *replySink, release func()) {
	ctx, cancel := b.jobs.context(b.cfg.AnswerTimeout)
	defer cancel()
	select {
	case b.router.sem <- struct{}{}:
		defer func() { <-b.router.sem }()
	case <-ctx.Done():
		return
	}
	b.api.ChannelTyping(m.ChannelID, discordgo.WithContext(ctx))
	var turns []advisor.Turn
	var cut bool
	switch why {
	case "reply":
		turns, cut = b.replyHistory(ctx, m)
	case "thread":
		turns, cut = b.threadHistory(ctx, m, thread)
	}
	notice := ""
	if cut {
		notice = t(advisor.DetectLang(text), "older")
	}
	s := newStreamer(b.pacer, m.ChannelID, func(ctx context.Context, d *discordgo.InteractionResponseData) error {
		return out.put(ctx, d, false)
	})
	o := b.answer(ctx, question{text: text, userID: m.Author.ID, guildID: m.GuildID, history: turns, notice: notice}, s.show)
	s.stop()
	b.metrics.answered(o.reason)
	fctx, fcancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer fcancel()
	if o.msgs == nil {
		out.put(fctx, &discordgo.InteractionResponseData{Content: o.text}, true)
		return
	}
	for _, d := range o.msgs {
		out.put(fctx, d, true)
		out.next()
	}
	release() // answered: the asker may ask again while the thread opens
	if why == "mention" && b.cfg.Threads && m.GuildID != "" && out.first != "" {
		if c := b.channel(fctx, m.ChannelID); c != nil && c.Type == discordgo.ChannelTypeGuildText {
			name := clip(strings.Join(strings.Fields(text), " "), 90)
			th, err := b.api.MessageThreadStartComplex(m.ChannelID, out.first, &discordgo.ThreadStart{Name: name, AutoArchiveDuration: 1440}, discordgo.WithContext(fctx))
			if err != nil {
				b.log.Warn("open conversation thread", "channel", m.ChannelID, "err", err)
			} else {
				b.rememberThread(th.ID)
			}
		}
	}
}

// mentionTokens are the ways a message addresses the bot in its text.
func (b *Bot) mentionTokens(guildID string) []string {
	me := b.selfID()
	tokens := []string{"<@" + me + ">", "<@!" + me + ">"}
	for _, r := range b.botRoles(guildID) {
		tokens = append(tokens, "<@&"+r+">")
	}
	return tokens
}

// threadParent returns the parent of a thread known to the gateway state,
// without a REST call (it runs before the acknowledgement).
func (b *Bot) threadParent(channelID string) []string {
	if b.state == nil {
		return nil
	}
	if c, err := b.state.Channel(channelID); err == nil && c.IsThread() && c.ParentID != "" {
		return []string{c.ParentID}
	}
	return nil
}
