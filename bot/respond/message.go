package respond

import (
	"context"
	"log/slog"
	"sync"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/bot/router"
)

// MessageAPI is the part of *discordgo.Session a message's answer uses.
type MessageAPI interface {
	ChannelMessageSendComplex(channelID string, m *discordgo.MessageSend, options ...discordgo.RequestOption) (*discordgo.Message, error)
	ChannelMessageEditComplex(m *discordgo.MessageEdit, options ...discordgo.RequestOption) (*discordgo.Message, error)
	ChannelTyping(channelID string, options ...discordgo.RequestOption) error
}

var _ MessageAPI = (*discordgo.Session)(nil)

// MessageOptions configure a Message responder.
type MessageOptions struct {
	API   MessageAPI
	Pacer *Pacer
	Log   *slog.Logger
	// Replied, when set, runs after the response is delivered, with the ID
	// of the reply (where a thread can start) and the response.
	Replied func(ctx context.Context, replyID string, resp *router.Response)
}

// Message answers a message question in its channel, thread or DM: the
// first message replies to the asker (pinging them only), streamed
// partials and the final answer edit it, and a long answer continues in
// further messages. Messages cannot be ephemeral: a private response is a
// reply too.
type Message struct {
	channel string
	replyTo string
	o       MessageOptions

	mu      sync.Mutex
	current string // message being edited
	first   string // the reply
}

// NewMessage returns the responder of the question m.
func NewMessage(m *discordgo.Message, o MessageOptions) *Message {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	return &Message{channel: m.ChannelID, replyTo: m.ID, o: o}
}

// Defer implements router.Responder: "premortem is typing…".
func (r *Message) Defer(bool) {
	ctx, cancel := context.WithTimeout(context.Background(), deliverTimeout)
	defer cancel()
	if err := r.o.API.ChannelTyping(r.channel, discordgo.WithContext(ctx)); err != nil {
		r.o.Log.Warn("typing indicator", "channel", r.channel, "err", err)
	}
}

// Public implements router.Responder: a streamed answer is showing.
func (r *Message) Public() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.current != ""
}

// Edit implements router.Responder: the first partial sends the reply,
// later ones edit it (the streamer paces them).
func (r *Message) Edit(ctx context.Context, d *discordgo.InteractionResponseData) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.put(ctx, d)
}

// Respond implements router.Responder: the answer replaces what was
// streamed (or is the reply), and More continue it in new messages.
func (r *Message) Respond(resp *router.Response) {
	ctx, cancel := context.WithTimeout(context.Background(), deliverTimeout)
	defer cancel()
	r.mu.Lock()
	for _, d := range append([]*discordgo.InteractionResponseData{resp.Data}, resp.More...) {
		if d == nil {
			continue
		}
		r.o.Pacer.send(ctx, r.channel)
		if err := r.put(ctx, d); err != nil {
			r.o.Log.Warn("send answer", "channel", r.channel, "err", err)
		}
		r.current = "" // the next part is a new message
	}
	first := r.first
	r.mu.Unlock()
	if r.o.Replied != nil && first != "" {
		r.o.Replied(ctx, first, resp)
	}
}

// put sends or edits; r.mu is held.
func (r *Message) put(ctx context.Context, d *discordgo.InteractionResponseData) error {
	embeds, comps := parts(d)
	if r.current != "" {
		content := d.Content
		_, err := r.o.API.ChannelMessageEditComplex(&discordgo.MessageEdit{ID: r.current, Channel: r.channel,
			Content: &content, Embeds: &embeds, Components: &comps, AllowedMentions: render.NoPings()}, discordgo.WithContext(ctx))
		return err
	}
	send := &discordgo.MessageSend{Content: d.Content, Embeds: embeds, Components: comps, Files: d.Files, AllowedMentions: render.NoPings()}
	if r.first == "" {
		send.Reference = &discordgo.MessageReference{MessageID: r.replyTo, ChannelID: r.channel, FailIfNotExists: new(bool)}
		send.AllowedMentions = render.ReplyPing()
	}
	m, err := r.o.API.ChannelMessageSendComplex(r.channel, send, discordgo.WithContext(ctx))
	if err != nil {
		return err
	}
	r.current = m.ID
	if r.first == "" {
		r.first = m.ID
	}
	return nil
}
