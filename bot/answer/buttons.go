package answer

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/bot/router"
	"github.com/premortem/premortem/store"
)

// Sources shows every quote behind the cited risks, privately (the
// button's custom_id carries their IDs, so it works after any restart).
func (f *Flow) Sources(ctx context.Context, q *router.Request) *router.Response {
	ids := strings.Split(strings.TrimPrefix(q.CustomID(), render.IDSources), ",")
	pieces := render.Sources(f.KB, ids, q.Lang)
	if len(pieces) == 0 {
		return router.Private(render.T(q.Lang, "nosources"))
	}
	resp := &router.Response{}
	for i, p := range pieces {
		d := &discordgo.InteractionResponseData{Content: p, Flags: discordgo.MessageFlagsEphemeral}
		if i == 0 {
			resp.Data = d
		} else {
			resp.More = append(resp.More, d)
		}
	}
	return resp
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
