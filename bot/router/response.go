package router

import (
	"context"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/ops"
	"github.com/premortem/premortem/bot/render"
)

// Response is what a handler wants sent. It never talks to Discord
// itself; the request's Responder delivers the response.
type Response struct {
	// Type is the interaction response type; 0 means a new message
	// (ChannelMessageWithSource), or the edit of a deferred one. Messages
	// ignore it.
	Type discordgo.InteractionResponseType
	Data *discordgo.InteractionResponseData
	// More are further messages sent after Data, for answers longer than
	// one message holds.
	More []*discordgo.InteractionResponseData
	// Later, when set, runs after the response is delivered and its edit,
	// if any, replaces the response (the wizard's model-written narrative).
	Later func(ctx context.Context) (*discordgo.WebhookEdit, error)
}

// Sentinel responses, compared by identity.
var (
	// Pending is returned by a middleware that delivers the response
	// itself, later (Defer).
	Pending = &Response{}
	// Silent sends nothing: a message in a channel the bot does not serve.
	Silent = &Response{}
)

// Reply is a response with a public message.
func Reply(d *discordgo.InteractionResponseData) *Response { return &Response{Data: d} }

// Private is a response with an ephemeral text only the user sees (a
// message question, which cannot be private, gets it as a reply).
func Private(text string) *Response {
	return &Response{Data: &discordgo.InteractionResponseData{Content: text, Flags: discordgo.MessageFlagsEphemeral}}
}

// Ephemeral reports whether d is visible to the user alone.
func Ephemeral(d *discordgo.InteractionResponseData) bool {
	return d != nil && d.Flags&discordgo.MessageFlagsEphemeral != 0
}

// Stopped is the short note that closes a request cut off by its deadline
// or by shutdown: in place of a public deferral, else privately.
func Stopped(ctx context.Context, q *Request) *Response {
	text := render.T(q.Lang, StopReason(ctx))
	if q.out != nil && q.out.Public() {
		return Reply(&discordgo.InteractionResponseData{Content: text})
	}
	return Private(text)
}

// StopReason is the text key of why ctx ended: "stopped" for shutdown,
// "timeout" for the deadline.
func StopReason(ctx context.Context) string {
	if context.Cause(ctx) == ops.ErrShutdown {
		return "stopped"
	}
	return "timeout"
}

// Responder is where a request's answer goes: an interaction over the
// gateway or over HTTP (its first response, then the interaction's
// webhook), or a message in a channel, thread or DM (a reply, then edits).
// Implementations (package respond) are safe for concurrent use; exactly
// one first response is sent, whichever of Defer and Respond comes first.
type Responder interface {
	// Defer acknowledges the request before its answer is ready: a
	// deferred interaction response (ephemeral when private), or a typing
	// indicator for a message.
	Defer(private bool)
	// Edit shows d in place of what was shown so far (a streamed partial
	// answer).
	Edit(ctx context.Context, d *discordgo.InteractionResponseData) error
	// Respond delivers the final response: the first response, or the edit
	// of what was shown, then More and Later.
	Respond(resp *Response)
	// Public reports whether the user already sees a public message for the
	// request (a public deferral or a streamed answer), which a cut-off
	// answer closes in place.
	Public() bool
}
