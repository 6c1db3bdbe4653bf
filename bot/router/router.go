package router

import (
	"context"
	"slices"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/render"
)

// Handler answers one request by returning what to send. It never talks
// to Discord itself; the Responder delivers the response (deferring it
// first when a middleware says so).
type Handler func(ctx context.Context, q *Request) *Response

// Middleware wraps a handler: admission, limits, tracking, deferral,
// recovery, streaming.
type Middleware func(next Handler) Handler

// Completer returns autocomplete choices for the focused option.
type Completer func(q *Request) []*discordgo.ApplicationCommandOptionChoice

// Counter counts requests by route name (*ops.Metrics).
type Counter interface {
	Interaction(name string)
}

// Router routes requests to handlers through their middlewares: slash
// commands by name, components and modals by custom_id prefix,
// autocompletes by command name, and every message question to one
// handler. A route's middlewares are those of the Router it was added to
// (see With), outermost first.
type Router struct {
	mws []Middleware
	tab *table
}

type table struct {
	count Counter

	mu       sync.RWMutex
	commands map[string]Handler
	prefixes []prefixRoute
	complete map[string]Completer
	message  Handler
}

type prefixRoute struct {
	prefix string
	h      Handler
}

// New returns a router without routes that counts requests with count.
func New(count Counter) *Router {
	return &Router{tab: &table{count: count, commands: map[string]Handler{}, complete: map[string]Completer{}}}
}

// With returns a router whose routes also run through mws, after r's own.
func (r *Router) With(mws ...Middleware) *Router {
	return &Router{mws: append(slices.Clone(r.mws), mws...), tab: r.tab}
}

// chain wraps h in r's middlewares, the first outermost.
func (r *Router) chain(h Handler) Handler {
	for i := len(r.mws) - 1; i >= 0; i-- {
		h = r.mws[i](h)
	}
	return h
}

// Command routes the application command name to h.
func (r *Router) Command(name string, h Handler) {
	r.tab.mu.Lock()
	defer r.tab.mu.Unlock()
	r.tab.commands[name] = r.chain(h)
}

// Component routes components and modals whose custom_id starts with
// prefix to h.
func (r *Router) Component(prefix string, h Handler) {
	r.tab.mu.Lock()
	defer r.tab.mu.Unlock()
	r.tab.prefixes = append(r.tab.prefixes, prefixRoute{prefix, r.chain(h)})
}

// Autocomplete serves autocomplete for the command name. Discord gives
// autocomplete no deferral, so completers answer at once, without
// middlewares.
func (r *Router) Autocomplete(name string, c Completer) {
	r.tab.mu.Lock()
	defer r.tab.mu.Unlock()
	r.tab.complete[name] = c
}

// Message routes every message question (mention, reply, thread, DM) to h.
func (r *Router) Message(h Handler) {
	r.tab.mu.Lock()
	defer r.tab.mu.Unlock()
	r.tab.message = r.chain(h)
}

// find returns the route of q and its name for metrics.
func (t *table) find(q *Request) (name string, h Handler, c Completer) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	i := q.Interaction
	if i == nil {
		return "message:" + q.Trigger, t.message, nil
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		name := q.CommandName()
		return "/" + name, t.commands[name], nil
	case discordgo.InteractionApplicationCommandAutocomplete:
		c := t.complete[q.CommandName()]
		if c == nil {
			c = func(*Request) []*discordgo.ApplicationCommandOptionChoice { return nil }
		}
		return "autocomplete", nil, c
	case discordgo.InteractionMessageComponent, discordgo.InteractionModalSubmit:
		id := q.CustomID()
		for _, p := range t.prefixes {
			if strings.HasPrefix(id, p.prefix) {
				return p.prefix, p.h, nil
			}
		}
	}
	return "", nil, nil
}

// Dispatch handles one request. It returns once the request is answered,
// acknowledged or handed to a goroutine (Defer); call it from the
// gateway's event handler or the HTTP endpoint.
func (r *Router) Dispatch(q *Request) {
	name, h, c := r.tab.find(q)
	if r.tab.count != nil {
		r.tab.count.Interaction(name)
	}
	switch {
	case c != nil:
		choices := c(q)
		if choices == nil {
			choices = []*discordgo.ApplicationCommandOptionChoice{}
		}
		q.finish(&Response{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: choices}})
	case h == nil && q.Interaction == nil:
		q.finish(Silent)
	case h == nil:
		q.finish(Private(render.T(q.Lang, "unknown")))
	default:
		if resp := h(context.Background(), q); resp != Pending {
			q.finish(resp)
		}
	}
}
