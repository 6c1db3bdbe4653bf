package answer

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/bot/router"
	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/store"
)

// Sources shows every quote behind the cited risks, privately (the
// button's custom_id carries their IDs, so it works after any restart).
// Buttons are answered in the clicker's language unless they carry the
// answer's (what to do, more on a risk).
func (f *Flow) Sources(ctx context.Context, q *router.Request) *router.Response {
	ids := strings.Split(strings.TrimPrefix(q.CustomID(), render.IDSources), ",")
	pieces := render.Sources(f.KB, ids, q.Lang)
	if len(pieces) == 0 {
		return router.Private(render.T(q.Lang, "nosources"))
	}
	msgs := make([]*discordgo.InteractionResponseData, len(pieces))
	for i, p := range pieces {
		msgs[i] = &discordgo.InteractionResponseData{Content: p, Flags: discordgo.MessageFlagsEphemeral}
	}
	return &router.Response{Data: msgs[0], More: msgs[1:]}
}

// ToDo answers a "what to do" button, privately: the first steps the
// advisor chose for the asker's situation (the button carries them), each
// with its evidence, in the answer's language.
func (f *Flow) ToDo(ctx context.Context, q *router.Request) *router.Response {
	b, m, ok := f.riskButton(q)
	if !ok {
		return router.Private(render.T(b.Lang, "nosuchrisk"))
	}
	d := render.ToDo(m, b.Actions, b.Lang)
	d.Flags = discordgo.MessageFlagsEphemeral
	return router.Reply(d)
}

// More answers a "more on this risk" button, privately: what /risks ID
// shows, in the answer's language.
func (f *Flow) More(ctx context.Context, q *router.Request) *router.Response {
	b, m, ok := f.riskButton(q)
	if !ok {
		return router.Private(render.T(b.Lang, "nosuchrisk"))
	}
	return router.Reply(&discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{render.ModeCard(m, f.KB.Version, b.Lang)},
		Flags: discordgo.MessageFlagsEphemeral})
}

// riskButton reads a risk button's custom_id (the clicker's language
// when it carries none) and finds its mode.
func (f *Flow) riskButton(q *router.Request) (render.RiskButton, *knowledge.Mode, bool) {
	b, ok := render.ParseRiskButton(q.CustomID())
	if !ok || (b.Lang != "zh" && b.Lang != "en") {
		b.Lang = q.Lang
	}
	if !ok {
		return b, nil, false
	}
	m, found := f.KB.Mode(b.ID)
	return b, m, found
}

// Feedback stores a thumbs up or down; a second click changes nothing.
func (f *Flow) Feedback(ctx context.Context, q *router.Request) *router.Response {
	vote := 1
	if strings.HasSuffix(q.CustomID(), "down") {
		vote = -1
	}
	msg := q.Interaction.Message
	if msg == nil {
		return router.Private(render.T(q.Lang, "failed"))
	}
	changed, err := f.Store.AddFeedback(ctx, store.Feedback{MessageID: msg.ID, UserID: q.UserID, GuildID: q.GuildID, Vote: vote})
	if err != nil {
		f.Logger.Error("store feedback", "err", err)
		return router.Private(render.T(q.Lang, "failed"))
	}
	f.Logger.Info("feedback", "message", msg.ID, "user", q.UserID, "vote", vote, "changed", changed)
	if !changed {
		return router.Private(render.T(q.Lang, "thanksagain"))
	}
	return router.Private(render.T(q.Lang, "thanks"))
}
