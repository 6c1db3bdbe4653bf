package respond

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/bot/router"
)

// deliverTimeout bounds the delivery of one response (edits, follow-ups).
const deliverTimeout = 30 * time.Second

// InteractionAPI is the part of *discordgo.Session an interaction's answer
// uses: the first response and the interaction's webhook.
type InteractionAPI interface {
	InteractionRespond(i *discordgo.Interaction, r *discordgo.InteractionResponse, options ...discordgo.RequestOption) error
	InteractionResponseEdit(i *discordgo.Interaction, e *discordgo.WebhookEdit, options ...discordgo.RequestOption) (*discordgo.Message, error)
	InteractionResponseDelete(i *discordgo.Interaction, options ...discordgo.RequestOption) error
	FollowupMessageCreate(i *discordgo.Interaction, wait bool, p *discordgo.WebhookParams, options ...discordgo.RequestOption) (*discordgo.Message, error)
}

var _ InteractionAPI = (*discordgo.Session)(nil)

// First sends an interaction's first response: over the gateway to the
// callback endpoint, over HTTP as the HTTP response.
type First func(ctx context.Context, r *discordgo.InteractionResponse) error

// Interaction answers one interaction: its first response through First
// (a deferral, or the answer itself), then edits and follow-ups through
// the interaction's webhook, paced per channel.
type Interaction struct {
	i       *discordgo.Interaction
	api     InteractionAPI
	first   First
	pacer   *Pacer
	acked   func(time.Duration)
	start   time.Time
	log     *slog.Logger
	channel string
	tokens  *Tokens

	// The deferral and the handler's answer race for the first response
	// under mu, so exactly one is sent and an answer after a deferral waits
	// for the deferral's request to finish.
	mu        sync.Mutex
	sent      bool
	deferType discordgo.InteractionResponseType // 0 unless deferred
	private   bool
}

// InteractionOptions configure an Interaction responder.
type InteractionOptions struct {
	API   InteractionAPI
	First First // nil: API.InteractionRespond (the gateway's way)
	Pacer *Pacer
	Acked func(time.Duration) // observes the first response's latency since Start
	Start time.Time
	Log   *slog.Logger
	// Tokens, when set, maps the interaction's webhook to its channel from
	// the first response until the answer is delivered, for 429s.
	Tokens *Tokens
}

// NewInteraction returns the responder of interaction i.
func NewInteraction(i *discordgo.Interaction, o InteractionOptions) *Interaction {
	r := &Interaction{i: i, api: o.API, first: o.First, pacer: o.Pacer, acked: o.Acked, start: o.Start, log: o.Log, channel: i.ChannelID, tokens: o.Tokens}
	if r.first == nil {
		r.first = func(ctx context.Context, resp *discordgo.InteractionResponse) error {
			return o.API.InteractionRespond(i, resp, discordgo.WithContext(ctx))
		}
	}
	if r.log == nil {
		r.log = slog.New(slog.DiscardHandler)
	}
	return r
}

// respondFirst sends the first response; r.mu is held.
func (r *Interaction) respondFirst(ctx context.Context, resp *discordgo.InteractionResponse) error {
	err := r.first(ctx, resp)
	if r.acked != nil {
		r.acked(time.Since(r.start))
	}
	r.sent = true
	r.tokens.add(r.i.Token, r.channel) // what follows uses the webhook
	return err
}

// Defer implements router.Responder: a deferred message (type 5), or for a
// public component a deferred update of the message clicked (type 6).
func (r *Interaction) Defer(private bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.sent {
		return
	}
	typ := discordgo.InteractionResponseDeferredChannelMessageWithSource
	if r.i.Type == discordgo.InteractionMessageComponent && !private {
		typ = discordgo.InteractionResponseDeferredMessageUpdate
	}
	resp := &discordgo.InteractionResponse{Type: typ, Data: &discordgo.InteractionResponseData{AllowedMentions: render.NoPings()}}
	if private {
		resp.Data.Flags = discordgo.MessageFlagsEphemeral
	}
	// No timer of its own: the HTTP client's timeout bounds the call, and
	// the acknowledgement is the one call on the hot path.
	err := r.respondFirst(context.Background(), resp)
	r.deferType, r.private = typ, private
	if err != nil {
		r.log.Warn("acknowledge interaction", "interaction", r.i.ID, "err", err)
	}
}

// Public implements router.Responder: a public deferral is showing.
func (r *Interaction) Public() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.sent && r.deferType != 0 && !r.private
}

// Edit implements router.Responder: the edit of the deferred response.
func (r *Interaction) Edit(ctx context.Context, d *discordgo.InteractionResponseData) error {
	_, err := r.api.InteractionResponseEdit(r.i, webhookEdit(d), discordgo.WithContext(ctx))
	return err
}

// Respond implements router.Responder: the first response if nothing was
// sent yet, else the edit of the deferred response or follow-ups; then
// More as follow-ups and Later's edit.
func (r *Interaction) Respond(resp *router.Response) {
	ctx, cancel := context.WithTimeout(context.Background(), deliverTimeout)
	defer cancel()
	r.mu.Lock()
	defer r.mu.Unlock()
	defer r.tokens.remove(r.i.Token)
	d := resp.Data
	if d == nil {
		d = &discordgo.InteractionResponseData{}
	}
	if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		d.AllowedMentions = render.NoPings()
	}
	log := r.log.With("interaction", r.i.ID)
	if !r.sent {
		typ := resp.Type
		if typ == 0 {
			typ = discordgo.InteractionResponseChannelMessageWithSource
		}
		if err := r.respondFirst(ctx, &discordgo.InteractionResponse{Type: typ, Data: d}); err != nil {
			log.Warn("respond to interaction", "err", err)
			return
		}
	} else if err := r.deferred(ctx, resp.Type, d); err != nil {
		log.Warn("deliver deferred response", "err", err)
	}
	for _, m := range resp.More {
		r.pacer.send(ctx, r.channel)
		if err := r.followup(ctx, m); err != nil {
			log.Warn("send follow-up", "err", err)
		}
	}
	if resp.Later != nil {
		r.mu.Unlock() // a click on the response may come meanwhile
		edit, err := resp.Later(ctx)
		r.mu.Lock()
		if err != nil {
			log.Warn("later edit", "err", err)
		} else if edit != nil {
			edit.AllowedMentions = render.NoPings()
			if _, err := r.api.InteractionResponseEdit(r.i, edit, discordgo.WithContext(ctx)); err != nil {
				log.Warn("later edit", "err", err)
			}
		}
	}
}

// deferred delivers d after a deferral; r.mu is held.
func (r *Interaction) deferred(ctx context.Context, typ discordgo.InteractionResponseType, d *discordgo.InteractionResponseData) error {
	r.pacer.send(ctx, r.channel)
	switch {
	case typ == discordgo.InteractionResponseModal:
		// A modal must be the first response; this one came too late.
		return r.followup(ctx, &discordgo.InteractionResponseData{Content: render.T(render.Lang(r.i.Locale), "failed"), Flags: discordgo.MessageFlagsEphemeral})
	case r.deferType == discordgo.InteractionResponseDeferredMessageUpdate:
		if typ == discordgo.InteractionResponseUpdateMessage {
			return r.Edit(ctx, d)
		}
		return r.followup(ctx, d)
	case router.Ephemeral(d) && !r.private:
		// The public "thinking" message cannot turn private: remove it and
		// say it privately.
		if err := r.api.InteractionResponseDelete(r.i, discordgo.WithContext(ctx)); err != nil {
			return err
		}
		return r.followup(ctx, d)
	}
	return r.Edit(ctx, d)
}

// followup sends d as a follow-up message of the interaction.
func (r *Interaction) followup(ctx context.Context, d *discordgo.InteractionResponseData) error {
	_, err := r.api.FollowupMessageCreate(r.i, true, webhookParams(d), discordgo.WithContext(ctx))
	return err
}

// webhookEdit turns response data into the edit of a message.
func webhookEdit(d *discordgo.InteractionResponseData) *discordgo.WebhookEdit {
	content := d.Content
	embeds, comps := parts(d)
	return &discordgo.WebhookEdit{Content: &content, Embeds: &embeds, Components: &comps, Files: d.Files, AllowedMentions: render.NoPings()}
}

// parts are d's embeds and components, empty rather than nil, so that a
// message edited or sent with none shows none.
func parts(d *discordgo.InteractionResponseData) ([]*discordgo.MessageEmbed, []discordgo.MessageComponent) {
	embeds, comps := d.Embeds, d.Components
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	if comps == nil {
		comps = []discordgo.MessageComponent{}
	}
	return embeds, comps
}

// webhookParams turns response data into a follow-up message.
func webhookParams(d *discordgo.InteractionResponseData) *discordgo.WebhookParams {
	return &discordgo.WebhookParams{Content: d.Content, Embeds: d.Embeds, Components: d.Components, Files: d.Files,
		Flags: d.Flags, AllowedMentions: render.NoPings()}
}
