package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// DeferAfter is how long a route without Defer may take before the router
// acknowledges it with a deferred response (Discord allows 3 s).
const DeferAfter = 1200 * time.Millisecond

// Router routes interactions to handlers and delivers their responses.
type Router struct {
	api      discordAPI
	log      *slog.Logger
	metrics  *Metrics
	guard    *guard
	pacer    *pacer
	jobs     *tracker
	timeout  time.Duration
	sem      chan struct{}
	commands map[string]Route
	prefixes []prefixRoute
	complete map[string]Completer
	// deferAfter is how long a route without Defer may take (DeferAfter).
	deferAfter time.Duration
	// parents returns a thread's parent channel, so allowed_channel_ids
	// cover their threads; nil for none.
	parents func(channelID string) []string
	// tokens maps the interaction tokens of running jobs to their channel,
	// so a 429 on a webhook URL charges the right channel's budget.
	tokens sync.Map
}

// channelOfToken returns the channel of a running interaction's token.
func (r *Router) channelOfToken(token string) string {
	if c, ok := r.tokens.Load(token); ok {
		return c.(string)
	}
	return ""
}

type prefixRoute struct {
	prefix string
	route  Route
}

// Command routes the application command name to rt.
func (r *Router) Command(name string, rt Route) { r.commands[name] = rt }

// Component routes components and modals whose custom_id starts with prefix.
func (r *Router) Component(prefix string, rt Route) {
	r.prefixes = append(r.prefixes, prefixRoute{prefix, rt})
}

// Autocomplete serves autocomplete for the command name.
func (r *Router) Autocomplete(name string, c Completer) { r.complete[name] = c }

// route finds the route of an interaction.
func (r *Router) route(i *discordgo.Interaction) (Route, string, bool) {
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		name := i.ApplicationCommandData().Name
		rt, ok := r.commands[name]
		return rt, "/" + name, ok
	case discordgo.InteractionMessageComponent, discordgo.InteractionModalSubmit:
		id := customID(i)
		for _, p := range r.prefixes {
			if strings.HasPrefix(id, p.prefix) {
				return p.route, p.prefix, true
			}
		}
	}
	return Route{}, "", false
}

func customID(i *discordgo.Interaction) string {
	switch i.Type {
	case discordgo.InteractionMessageComponent:
		return i.MessageComponentData().CustomID
	case discordgo.InteractionModalSubmit:
		return i.ModalSubmitData().CustomID
	}
	return ""
}

// Dispatch handles one interaction. It returns once the interaction is
// acknowledged or handed to a tracked goroutine; call it from the gateway's
// event handler.
func (r *Router) Dispatch(i *discordgo.Interaction) {
	start := time.Now()
	req := NewRequest(i)
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		r.metrics.interaction("autocomplete")
		r.autocomplete(req, start)
		return
	}
	rt, name, ok := r.route(i)
	r.metrics.interaction(name)
	if !ok {
		r.respondNow(req, Private(t(req.Lang, "unknown")), start)
		return
	}
	release := func() {}
	if rt.Guard {
		var key, refusal string
		var parents []string
		if r.parents != nil {
			parents = r.parents(req.ChannelID)
		}
		release, key, refusal = r.guard.admit(req.UserID, req.ChannelID, memberRoles(i), req.Lang, parents...)
		if key != "" {
			r.metrics.refused(key)
			r.respondNow(req, Private(refusal), start)
			return
		}
	}
	if !r.jobs.begin() {
		release()
		r.respondNow(req, Private(t(req.Lang, "stopping")), start)
		return
	}
	a := &ack{}
	if rt.Defer {
		a.deferNow(r, req, rt.Private, start)
	}
	go func() {
		defer r.jobs.done()
		defer release()
		r.run(req, rt, a, start)
	}()
}

// run executes the handler within the deadline and the concurrency bound,
// then delivers its response.
func (r *Router) run(req *Request, rt Route, a *ack, start time.Time) {
	ctx, cancel := r.jobs.context(r.timeout)
	defer cancel()
	r.tokens.Store(req.Token, req.ChannelID)
	defer r.tokens.Delete(req.Token)
	if !a.done() {
		after := r.deferAfter
		if after <= 0 {
			after = DeferAfter
		}
		timer := time.AfterFunc(after, func() { a.deferNow(r, req, rt.Private, start) })
		defer timer.Stop()
	}
	if rt.Defer { // slow work waits its turn; quick handlers never queue behind it
		select {
		case r.sem <- struct{}{}:
			defer func() { <-r.sem }()
		case <-ctx.Done():
			r.deliver(req, a, stopped(ctx, req, a), start)
			return
		}
	}
	var s *streamer
	if rt.Defer {
		s = newStreamer(r.pacer, req.ChannelID, func(ctx context.Context, d *discordgo.InteractionResponseData) error {
			_, err := r.api.InteractionResponseEdit(req.Interaction, webhookEdit(d), discordgo.WithContext(ctx))
			return err
		})
		req.progress = s.show
	}
	resp := r.call(ctx, rt.Handle, req)
	if s != nil {
		s.stop()
	}
	if resp == nil && ctx.Err() != nil {
		resp = stopped(ctx, req, a)
	}
	r.deliver(req, a, resp, start)
}

// call runs h, turning a panic into a logged error and a polite reply.
func (r *Router) call(ctx context.Context, h Handler, req *Request) (resp *Response) {
	defer func() {
		if p := recover(); p != nil {
			r.log.Error("handler panicked", "interaction", req.ID, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			resp = Private(t(req.Lang, "failed"))
		}
	}()
	resp = h(ctx, req)
	if resp == nil || resp.Data == nil && resp.Type == 0 {
		return Private(t(req.Lang, "failed"))
	}
	return resp
}

// stopped is the short note that closes a job cut off by its deadline or
// by shutdown: an edit of a public deferral, else a private message.
func stopped(ctx context.Context, req *Request, a *ack) *Response {
	a.mu.Lock()
	public := a.acked && !a.private
	a.mu.Unlock()
	if public {
		return Reply(&discordgo.InteractionResponseData{Content: t(req.Lang, stopReason(ctx))})
	}
	return Private(t(req.Lang, stopReason(ctx)))
}

// stopReason words why a job's context ended.
func stopReason(ctx context.Context) string {
	if context.Cause(ctx) == errShutdown {
		return "stopped"
	}
	return "timeout"
}

// autocomplete answers at once: Discord gives autocomplete no deferral.
func (r *Router) autocomplete(req *Request, start time.Time) {
	c, ok := r.complete[req.ApplicationCommandData().Name]
	var choices []*discordgo.ApplicationCommandOptionChoice
	if ok {
		choices = c(req)
	}
	if choices == nil {
		choices = []*discordgo.ApplicationCommandOptionChoice{}
	}
	err := r.api.InteractionRespond(req.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	})
	r.metrics.acked(time.Since(start))
	if err != nil {
		r.log.Warn("autocomplete failed", "interaction", req.ID, "err", err)
	}
}

// memberRoles lists the invoking member's role IDs.
func memberRoles(i *discordgo.Interaction) []string {
	if i.Member == nil {
		return nil
	}
	return i.Member.Roles
}
