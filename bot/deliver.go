package bot

import (
	"context"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// ack is the acknowledgement state of one interaction: the router's
// deferral (at once, or after DeferAfter) and the handler's direct answer
// race for it under mu, so exactly one initial response is sent and the
// delivery after a deferral waits for the deferral's request to finish.
type ack struct {
	mu        sync.Mutex
	acked     bool
	deferType discordgo.InteractionResponseType // 0 unless deferred
	private   bool
}

func (a *ack) done() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.acked
}

// deferNow sends the deferred acknowledgement unless something was sent.
func (a *ack) deferNow(r *Router, req *Request, private bool, start time.Time) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.acked {
		return
	}
	typ := discordgo.InteractionResponseDeferredChannelMessageWithSource
	if req.Type == discordgo.InteractionMessageComponent && !private {
		typ = discordgo.InteractionResponseDeferredMessageUpdate
	}
	resp := &discordgo.InteractionResponse{Type: typ, Data: &discordgo.InteractionResponseData{AllowedMentions: noPings()}}
	if private {
		resp.Data.Flags = discordgo.MessageFlagsEphemeral
	}
	err := r.api.InteractionRespond(req.Interaction, resp)
	r.metrics.acked(time.Since(start))
	a.acked, a.deferType, a.private = true, typ, private
	if err != nil {
		r.log.Warn("acknowledge interaction", "interaction", req.ID, "err", err)
	}
}

// respondNow answers an interaction directly with resp (refusals).
func (r *Router) respondNow(req *Request, resp *Response, start time.Time) {
	r.deliver(req, &ack{}, resp, start)
}

// deliver sends resp: directly if nothing was sent yet, else as the edit
// of the deferred response or as follow-ups.
func (r *Router) deliver(req *Request, a *ack, resp *Response, start time.Time) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	a.mu.Lock()
	defer a.mu.Unlock()
	d := resp.Data
	if d == nil {
		d = &discordgo.InteractionResponseData{}
	}
	d.AllowedMentions = noPings()
	log := r.log.With("interaction", req.ID)
	if !a.acked {
		typ := resp.Type
		if typ == 0 {
			typ = discordgo.InteractionResponseChannelMessageWithSource
		}
		err := r.api.InteractionRespond(req.Interaction, &discordgo.InteractionResponse{Type: typ, Data: d}, discordgo.WithContext(ctx))
		r.metrics.acked(time.Since(start))
		a.acked = true
		if err != nil {
			log.Warn("respond to interaction", "err", err)
			return
		}
	} else if err := r.deliverDeferred(ctx, req, a, resp.Type, d); err != nil {
		log.Warn("deliver deferred response", "err", err)
	}
	for _, m := range resp.More {
		r.pacer.send(ctx, req.ChannelID)
		if _, err := r.api.FollowupMessageCreate(req.Interaction, true, webhookParams(m), discordgo.WithContext(ctx)); err != nil {
			log.Warn("send follow-up", "err", err)
		}
	}
	if resp.Later != nil {
		a.mu.Unlock()
		edit, err := resp.Later(ctx)
		a.mu.Lock()
		if err != nil {
			log.Warn("later edit", "err", err)
		} else if edit != nil {
			edit.AllowedMentions = noPings()
			if _, err := r.api.InteractionResponseEdit(req.Interaction, edit, discordgo.WithContext(ctx)); err != nil {
				log.Warn("later edit", "err", err)
			}
		}
	}
}

func (r *Router) deliverDeferred(ctx context.Context, req *Request, a *ack, typ discordgo.InteractionResponseType, d *discordgo.InteractionResponseData) error {
	r.pacer.send(ctx, req.ChannelID)
	followup := func(d *discordgo.InteractionResponseData) error {
		_, err := r.api.FollowupMessageCreate(req.Interaction, true, webhookParams(d), discordgo.WithContext(ctx))
		return err
	}
	switch {
	case typ == discordgo.InteractionResponseModal:
		// A modal must be the first response; this one came too late.
		return followup(&discordgo.InteractionResponseData{Content: t(req.Lang, "failed"), Flags: discordgo.MessageFlagsEphemeral})
	case a.deferType == discordgo.InteractionResponseDeferredMessageUpdate:
		if typ == discordgo.InteractionResponseUpdateMessage {
			_, err := r.api.InteractionResponseEdit(req.Interaction, webhookEdit(d), discordgo.WithContext(ctx))
			return err
		}
		return followup(d)
	case ephemeral(d) && !a.private:
		// The public "thinking" message cannot turn private: remove it and
		// say it privately.
		if err := r.api.InteractionResponseDelete(req.Interaction, discordgo.WithContext(ctx)); err != nil {
			return err
		}
		return followup(d)
	}
	_, err := r.api.InteractionResponseEdit(req.Interaction, webhookEdit(d), discordgo.WithContext(ctx))
	return err
}

// webhookEdit turns response data into the edit of a message.
func webhookEdit(d *discordgo.InteractionResponseData) *discordgo.WebhookEdit {
	content := d.Content
	embeds := d.Embeds
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	comps := d.Components
	if comps == nil {
		comps = []discordgo.MessageComponent{}
	}
	return &discordgo.WebhookEdit{Content: &content, Embeds: &embeds, Components: &comps, Files: d.Files, AllowedMentions: noPings()}
}

// webhookParams turns response data into a follow-up message.
func webhookParams(d *discordgo.InteractionResponseData) *discordgo.WebhookParams {
	return &discordgo.WebhookParams{Content: d.Content, Embeds: d.Embeds, Components: d.Components, Files: d.Files,
		Flags: d.Flags, AllowedMentions: noPings()}
}
