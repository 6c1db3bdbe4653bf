package answer

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/bot/router"
)

// Reader reads a conversation's earlier messages (*discordgo.Session).
type Reader interface {
	ChannelMessage(channelID, messageID string, options ...discordgo.RequestOption) (*discordgo.Message, error)
	ChannelMessages(channelID string, limit int, beforeID, afterID, aroundID string, options ...discordgo.RequestOption) ([]*discordgo.Message, error)
}

// Self is the bot as it appears in a conversation.
type Self interface {
	SelfID() string
	// MentionTokens are the ways a message in the guild addresses the bot.
	MentionTokens(guildID string) []string
}

// history is the conversation before a message question, oldest first and
// capped, and whether older messages were left out. Slash commands carry
// none.
func (f *Flow) history(ctx context.Context, q *router.Request) ([]advisor.Turn, bool) {
	switch q.Trigger {
	case "reply":
		return f.replyHistory(ctx, q.Message)
	case "thread":
		return f.channelHistory(ctx, q.Message, q.Thread)
	case "dm":
		return f.channelHistory(ctx, q.Message, nil)
	}
	return nil, false
}

// turnOf is a message as conversation context: the bot's answers are what
// they show (content, embed titles and descriptions, and each field's name
// and value, so the cited IDs in backticks survive: the advisor finds the
// risks a follow-up refers to by them), without footers; others' messages
// are their text without mentions.
func (f *Flow) turnOf(m *discordgo.Message) advisor.Turn {
	if m.Author != nil && m.Author.ID == f.Self.SelfID() {
		var parts []string
		add := func(s string) {
			if s = strings.TrimSpace(s); s != "" {
				parts = append(parts, s)
			}
		}
		add(m.Content)
		for _, e := range m.Embeds {
			add(e.Title)
			add(e.Description)
			for _, fl := range e.Fields {
				add(fl.Name + "\n" + fl.Value)
			}
		}
		return advisor.Turn{FromBot: true, Text: strings.Join(parts, "\n")}
	}
	return advisor.Turn{Text: StripMentions(m.Content, f.Self.MentionTokens(m.GuildID)...)}
}

// capTurns keeps the newest turns (given newest first) within the
// configured count and size, by the rule `premortem chat` shares
// (advisor.CapHistory), returning them oldest first and whether any were
// left out.
func (f *Flow) capTurns(newestFirst []advisor.Turn, more bool) ([]advisor.Turn, bool) {
	return advisor.CapHistory(newestFirst, f.Config.HistoryTurns, f.Config.HistoryChars, more)
}

// replyHistory follows the reply chain up from m's reference, newest
// first, fetching messages the gateway did not include.
func (f *Flow) replyHistory(ctx context.Context, m *discordgo.Message) ([]advisor.Turn, bool) {
	var turns []advisor.Turn
	cur := m.ReferencedMessage
	for cur != nil && len(turns) <= f.Config.HistoryTurns {
		turns = append(turns, f.turnOf(cur))
		ref := cur.MessageReference
		if ref == nil || ref.MessageID == "" {
			return f.capTurns(turns, false)
		}
		if cur.ReferencedMessage != nil {
			cur = cur.ReferencedMessage
			continue
		}
		ch := ref.ChannelID
		if ch == "" {
			ch = m.ChannelID
		}
		next, err := f.History.ChannelMessage(ch, ref.MessageID, discordgo.WithContext(ctx))
		if err != nil {
			return f.capTurns(turns, true) // deleted or unreadable: older context is missing
		}
		cur = next
	}
	return f.capTurns(turns, cur != nil)
}

// channelHistory is the messages of m's channel (a thread or a DM) before
// m, newest first; for a thread started from a message, then that message
// and the question it answered.
func (f *Flow) channelHistory(ctx context.Context, m *discordgo.Message, th *discordgo.Channel) ([]advisor.Turn, bool) {
	limit := min(f.Config.HistoryTurns+1, 100)
	msgs, err := f.History.ChannelMessages(m.ChannelID, limit, m.ID, "", "", discordgo.WithContext(ctx))
	if err != nil {
		f.Logger.Warn("read conversation history", "channel", m.ChannelID, "err", err)
		return nil, true
	}
	var turns []advisor.Turn
	for _, x := range msgs { // newest first
		if x.Type == discordgo.MessageTypeDefault || x.Type == discordgo.MessageTypeReply {
			turns = append(turns, f.turnOf(x))
		}
	}
	more := len(msgs) == limit
	if !more && th != nil && th.ParentID != "" {
		// A thread started from a message has that message's ID.
		if start, err := f.History.ChannelMessage(th.ParentID, th.ID, discordgo.WithContext(ctx)); err == nil {
			turns = append(turns, f.turnOf(start))
			if q := start.ReferencedMessage; q != nil {
				turns = append(turns, f.turnOf(q))
			}
		}
	}
	return f.capTurns(turns, more)
}
