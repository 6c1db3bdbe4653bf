package bot

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// replySink shows an answer to a message: the first put sends a reply
// (pinging the asker only), later puts edit it; after next, the following
// put sends a new message (the continuation of a long answer).
type replySink struct {
	b       *Bot
	channel string
	replyTo string
	current string // message being edited
	first   string // the reply, where a thread can start
}

func (s *replySink) next() { s.current = "" }

// put sends or edits; final puts wait only for a 429, streaming ones are
// already paced by the streamer.
func (s *replySink) put(ctx context.Context, d *discordgo.InteractionResponseData, final bool) error {
	if final {
		s.b.pacer.send(ctx, s.channel)
	}
	embeds, comps := d.Embeds, d.Components
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	if comps == nil {
		comps = []discordgo.MessageComponent{}
	}
	if s.current != "" {
		content := d.Content
		_, err := s.b.api.ChannelMessageEditComplex(&discordgo.MessageEdit{ID: s.current, Channel: s.channel,
			Content: &content, Embeds: &embeds, Components: &comps, AllowedMentions: noPings()}, discordgo.WithContext(ctx))
		return err
	}
	send := &discordgo.MessageSend{Content: d.Content, Embeds: embeds, Components: comps, AllowedMentions: noPings()}
	if s.first == "" {
		send.Reference = &discordgo.MessageReference{MessageID: s.replyTo, ChannelID: s.channel, FailIfNotExists: new(bool)}
		send.AllowedMentions = replyPing()
	}
	m, err := s.b.api.ChannelMessageSendComplex(s.channel, send, discordgo.WithContext(ctx))
	if err != nil {
		return err
	}
	s.current = m.ID
	if s.first == "" {
		s.first = m.ID
	}
	return nil
}
