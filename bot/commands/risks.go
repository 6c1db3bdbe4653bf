package commands

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/bot/router"
	"github.com/premortem/premortem/knowledge"
)

// Risks serves /risks [id] from the knowledge base.
type Risks struct{ KB *knowledge.Base }

// Handle answers /risks: the seven modes, or one in detail.
func (k Risks) Handle(ctx context.Context, q *router.Request) *router.Response {
	id := strings.ToLower(strings.TrimSpace(q.Option("id")))
	if id == "" {
		return router.Reply(&discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{render.ModeList(k.KB, q.Lang)}})
	}
	m, ok := k.KB.Mode(id)
	if !ok {
		var ids []string
		for _, m := range k.KB.Modes {
			ids = append(ids, m.ID)
		}
		return router.Private(render.T(q.Lang, "norisk", id, strings.Join(ids, ", ")))
	}
	return router.Reply(&discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{render.ModeCard(m, k.KB.Version, q.Lang)}})
}

// Complete offers mode IDs whose ID or title contains what was typed.
func (k Risks) Complete(q *router.Request) []*discordgo.ApplicationCommandOptionChoice {
	typed := strings.ToLower(strings.TrimSpace(q.Focused()))
	var out []*discordgo.ApplicationCommandOptionChoice
	for _, m := range k.KB.Modes {
		hay := strings.ToLower(m.ID + " " + m.Title.ZH + " " + m.Title.EN)
		if typed == "" || strings.Contains(hay, typed) {
			out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: render.Clip(m.ID+" · "+m.Title.In(q.Lang), render.MaxChoiceName), Value: m.ID})
		}
		if len(out) == render.MaxChoices {
			break
		}
	}
	return out
}

// Help answers /help, privately.
func Help(ctx context.Context, q *router.Request) *router.Response {
	return router.Private(render.T(q.Lang, "help"))
}
