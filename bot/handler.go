package bot

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// Handler answers one interaction by returning what to send. It never
// talks to Discord itself; the Router delivers the response (deferring it
// first when the route asks, or when the handler is slow).
type Handler func(ctx context.Context, r *Request) *Response

// Request is one interaction as a handler sees it.
type Request struct {
	*discordgo.Interaction
	UserID string
	Lang   string // "zh" or "en", from the user's Discord locale

	progress func(*discordgo.InteractionResponseData)
}

// NewRequest wraps an interaction, for handler tests and the router.
func NewRequest(i *discordgo.Interaction) *Request {
	r := &Request{Interaction: i, Lang: localeLang(i.Locale)}
	if i.Member != nil && i.Member.User != nil {
		r.UserID = i.Member.User.ID
	} else if i.User != nil {
		r.UserID = i.User.ID
	}
	return r
}

// Progress shows d as the response so far, for streamed answers. It
// returns at once; the router paces the edits and drops superseded ones.
// Outside a deferred response it does nothing.
func (r *Request) Progress(d *discordgo.InteractionResponseData) {
	if r.progress != nil {
		r.progress(d)
	}
}

// Response is what a handler wants sent.
type Response struct {
	// Type is the interaction response type; 0 means a new message
	// (ChannelMessageWithSource), or the edit of a deferred one.
	Type discordgo.InteractionResponseType
	Data *discordgo.InteractionResponseData
	// More are follow-up messages sent after Data, for answers longer than
	// one message holds.
	More []*discordgo.InteractionResponseData
	// Later, when set, runs after the response is delivered and its edit,
	// if any, replaces the response (the wizard's model-written narrative).
	Later func(ctx context.Context) (*discordgo.WebhookEdit, error)
}

// Reply is a response with a public message.
func Reply(d *discordgo.InteractionResponseData) *Response { return &Response{Data: d} }

// Private is a response with an ephemeral text only the user sees.
func Private(text string) *Response {
	return &Response{Data: &discordgo.InteractionResponseData{Content: text, Flags: discordgo.MessageFlagsEphemeral}}
}

// ephemeral reports whether d is visible to the user alone.
func ephemeral(d *discordgo.InteractionResponseData) bool {
	return d != nil && d.Flags&discordgo.MessageFlagsEphemeral != 0
}

// Route says how the router runs a handler.
type Route struct {
	Handle Handler
	// Defer acknowledges with a deferred response before the handler runs
	// (slow work such as /ask); otherwise the handler gets DeferAfter to
	// answer directly before the router defers it.
	Defer bool
	// Private makes the deferred acknowledgement ephemeral.
	Private bool
	// Guard counts the request against the user's limits (one in flight,
	// rate) and the allowed channels and roles.
	Guard bool
}

// Completer returns autocomplete choices for the focused option.
type Completer func(r *Request) []*discordgo.ApplicationCommandOptionChoice
