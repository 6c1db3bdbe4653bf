package router

import (
	"sync"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/render"
)

// Request is one interaction or question as a handler sees it, however it
// reached the bot: a slash command, component, modal or autocomplete (over
// the gateway or the HTTP endpoint), or a message that mentions the bot,
// replies to it, is written in its thread or sent to it directly.
type Request struct {
	// Interaction is the interaction; nil for a message.
	Interaction *discordgo.Interaction
	// Message is the user's message for a message question; for a
	// component, Interaction.Message is the message clicked.
	Message *discordgo.Message
	// Trigger says why a message is a question: "mention", "reply",
	// "thread" or "dm"; "" for an interaction.
	Trigger string
	// Text is a message question's text without the bot's mentions.
	Text string
	// Thread is the thread a "thread" message was written in.
	Thread *discordgo.Channel
	// Parents are the parent channels of a thread, so that allowed
	// channels cover their threads.
	Parents []string

	UserID    string
	GuildID   string // "" in a direct message
	ChannelID string
	Roles     []string
	Lang      string // "zh" or "en"

	out Responder

	mu       sync.Mutex
	progress func(*discordgo.InteractionResponseData)
	finally  []func()
}

// FromInteraction is the request of an interaction answered through out.
func FromInteraction(i *discordgo.Interaction, out Responder) *Request {
	q := &Request{Interaction: i, GuildID: i.GuildID, ChannelID: i.ChannelID, Lang: render.Lang(i.Locale), out: out}
	switch {
	case i.Member != nil && i.Member.User != nil:
		q.UserID, q.Roles = i.Member.User.ID, i.Member.Roles
	case i.User != nil:
		q.UserID = i.User.ID
	}
	return q
}

// FromMessage is the request of a message question, answered through out:
// trigger as in Request.Trigger, text without mentions, lang the text's.
func FromMessage(m *discordgo.Message, trigger, text, lang string, out Responder) *Request {
	q := &Request{Message: m, Trigger: trigger, Text: text, GuildID: m.GuildID, ChannelID: m.ChannelID, Lang: lang, out: out}
	if m.Author != nil {
		q.UserID = m.Author.ID
	}
	if m.Member != nil {
		q.Roles = m.Member.Roles
	}
	return q
}

// Out is where the request's answer goes.
func (q *Request) Out() Responder { return q.out }

// Member is the invoking member of a guild interaction, nil otherwise.
func (q *Request) Member() *discordgo.Member {
	if q.Interaction == nil {
		return nil
	}
	return q.Interaction.Member
}

// Finally runs f once the request's response is delivered (in the order
// opposite to the calls), wherever that happens: middlewares release what
// they hold with it.
func (q *Request) Finally(f func()) {
	q.mu.Lock()
	q.finally = append(q.finally, f)
	q.mu.Unlock()
}

// SetProgress makes Progress show partial responses with f.
func (q *Request) SetProgress(f func(*discordgo.InteractionResponseData)) {
	q.mu.Lock()
	q.progress = f
	q.mu.Unlock()
}

// Progress shows d as the response so far, for streamed answers. It
// returns at once; the streamer paces the edits and drops superseded ones.
// Without a streamer it does nothing.
func (q *Request) Progress(d *discordgo.InteractionResponseData) {
	q.mu.Lock()
	f := q.progress
	q.mu.Unlock()
	if f != nil {
		f(d)
	}
}

// finish delivers resp (nothing for Silent) and runs the Finally functions.
// Pending is someone else's to finish.
func (q *Request) finish(resp *Response) {
	if resp == Pending {
		return
	}
	if resp != Silent && q.out != nil {
		q.out.Respond(resp)
	}
	q.mu.Lock()
	fs := q.finally
	q.finally = nil
	q.mu.Unlock()
	for i := len(fs) - 1; i >= 0; i-- {
		fs[i]()
	}
}

// CommandName is the application command's name, "" for anything else.
func (q *Request) CommandName() string {
	if q.Interaction == nil {
		return ""
	}
	switch q.Interaction.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		return q.Interaction.ApplicationCommandData().Name
	}
	return ""
}

// CustomID is a component's or modal's custom_id, "" for anything else.
func (q *Request) CustomID() string {
	if q.Interaction == nil {
		return ""
	}
	switch q.Interaction.Type {
	case discordgo.InteractionMessageComponent:
		return q.Interaction.MessageComponentData().CustomID
	case discordgo.InteractionModalSubmit:
		return q.Interaction.ModalSubmitData().CustomID
	}
	return ""
}

// Options are an application command's options, nil for anything else.
func (q *Request) Options() []*discordgo.ApplicationCommandInteractionDataOption {
	if q.CommandName() == "" {
		return nil
	}
	return q.Interaction.ApplicationCommandData().Options
}

// Option returns the string value of the named option, looking inside
// subcommands.
func (q *Request) Option(name string) string {
	s, _ := option(q.Options(), name)
	return s
}

func option(opts []*discordgo.ApplicationCommandInteractionDataOption, name string) (string, bool) {
	for _, o := range opts {
		if o.Name == name && o.Type == discordgo.ApplicationCommandOptionString {
			s, ok := o.Value.(string)
			return s, ok
		}
		if o.Type == discordgo.ApplicationCommandOptionSubCommand || o.Type == discordgo.ApplicationCommandOptionSubCommandGroup {
			if s, ok := option(o.Options, name); ok {
				return s, true
			}
		}
	}
	return "", false
}

// Focused returns the value typed in an autocomplete's focused option.
func (q *Request) Focused() string { return focused(q.Options()) }

func focused(opts []*discordgo.ApplicationCommandInteractionDataOption) string {
	for _, o := range opts {
		if o.Focused {
			s, _ := o.Value.(string)
			return s
		}
		if s := focused(o.Options); s != "" {
			return s
		}
	}
	return ""
}
