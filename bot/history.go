package bot

import (
	"context"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
)

// turnOf is a message as conversation context: the bot's answers are their
// narrative (embed descriptions), others' messages their text without
// mentions.
func (b *Bot) turnOf(m *discordgo.Message) advisor.Turn {
	me := b.selfID()
	if m.Author != nil && m.Author.ID == me {
		var parts []string
		if m.Content != "" {
			parts = append(parts, m.Content)
		}
		for _, e := range m.Embeds {
			if e.Description != "" {
				parts = append(parts, e.Description)
			}
		}
		return advisor.Turn{FromBot: true, Text: strings.Join(parts, "\n")}
	}
	return advisor.Turn{Text: stripMentions(m.Content, b.mentionTokens(m.GuildID)...)}
}

// capTurns keeps the newest turns (given newest first) within the
// configured count and size, returning them oldest first and whether any
// were left out.
func (b *Bot) capTurns(newestFirst []advisor.Turn, more bool) ([]advisor.Turn, bool) {
	var out []advisor.Turn
	chars := 0
	cut := more
	for i, tr := range newestFirst {
		n := len([]rune(tr.Text))
		if len(out) == b.cfg.HistoryTurns || chars+n > b.cfg.HistoryChars {
			cut = cut || i < len(newestFirst)
			break
		}
		if strings.TrimSpace(tr.Text) == "" {
			continue
		}
		out = append(out, tr)
		chars += n
	}
	slices.Reverse(out)
	return out, cut
}

// replyHistory follows the reply chain up from m's reference, newest
// first, fetching messages the gateway did not include.
func (b *Bot) replyHistory(ctx context.Context, m *discordgo.Message) ([]advisor.Turn, bool) {
	var turns []advisor.Turn
	cur := m.ReferencedMessage
	for cur != nil && len(turns) <= b.cfg.HistoryTurns {
		turns = append(turns, b.turnOf(cur))
		ref := cur.MessageReference
		if ref == nil || ref.MessageID == "" {
			return b.capTurns(turns, false)
		}
		if cur.ReferencedMessage != nil {
			cur = cur.ReferencedMessage
			continue
		}
		ch := ref.ChannelID
		if ch == "" {
			ch = m.ChannelID
		}
		next, err := b.api.ChannelMessage(ch, ref.MessageID, discordgo.WithContext(ctx))
		if err != nil {
			return b.capTurns(turns, true) // deleted or unreadable: older context is missing
		}
		cur = next
	}
	return b.capTurns(turns, cur != nil)
}

// threadHistory is the thread's messages before m, newest first, then the
// message the thread started from and the question it answered.
func (b *Bot) threadHistory(ctx context.Context, m *discordgo.Message, th *discordgo.Channel) ([]advisor.Turn, bool) {
	limit := min(b.cfg.HistoryTurns+1, 100)
	msgs, err := b.api.ChannelMessages(m.ChannelID, limit, m.ID, "", "", discordgo.WithContext(ctx))
	if err != nil {
		b.log.Warn("read thread history", "thread", m.ChannelID, "err", err)
		return nil, true
	}
	var turns []advisor.Turn
	for _, x := range msgs { // newest first
		if x.Type == discordgo.MessageTypeDefault || x.Type == discordgo.MessageTypeReply {
			turns = append(turns, b.turnOf(x))
		}
	}
	more := len(msgs) == limit
	if !more && th != nil && th.ParentID != "" {
		// A thread started from a message has that message's ID.
		if start, err := b.api.ChannelMessage(th.ParentID, th.ID, discordgo.WithContext(ctx)); err == nil {
			turns = append(turns, b.turnOf(start))
			if q := start.ReferencedMessage; q != nil {
				turns = append(turns, b.turnOf(q))
			}
		}
	}
	return b.capTurns(turns, more)
}
