package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/store"
)

// Custom IDs of the buttons under an answer. Sources carries the cited
// risk IDs, so it works on any answer, after any restart.
const (
	idSources  = "pm:src:"
	idAssess   = "pm:assess"
	idFeedback = "pm:fb:"
)

// answerButtons are the buttons under an answer: sources (when it cites
// anything), assess my company, and thumbs up and down.
func answerButtonsFor(ids []string, lang string) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	if len(ids) > 0 {
		cid := idSources
		for _, id := range ids {
			if len(cid)+len(id)+1 > 100 {
				break
			}
			if cid != idSources {
				cid += ","
			}
			cid += id
		}
		row = append(row, discordgo.Button{CustomID: cid, Label: t(lang, "sources"), Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "📖"}})
	}
	row = append(row,
		discordgo.Button{CustomID: idAssess, Label: t(lang, "assessbtn"), Style: discordgo.PrimaryButton, Emoji: &discordgo.ComponentEmoji{Name: "🩺"}},
		discordgo.Button{CustomID: idFeedback + "up", Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "👍"}},
		discordgo.Button{CustomID: idFeedback + "down", Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "👎"}},
	)
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

// sources shows every quote behind the cited risks, privately.
func (b *Bot) sources(ctx context.Context, r *Request) *Response {
	ids := strings.Split(strings.TrimPrefix(customID(r.Interaction), idSources), ",")
	var cards []string
	for _, id := range ids {
		m, ok := b.kb.Mode(id)
		if !ok {
			continue
		}
		var c strings.Builder
		fmt.Fprintf(&c, "`%s` · %s", m.ID, m.Title.In(r.Lang))
		seen := map[string]bool{}
		add := func(p int, q string) {
			if q == "" || seen[q] {
				return
			}
			seen[q] = true
			fmt.Fprintf(&c, "\n> 「%s」(¶%d)", q, p)
		}
		add(m.Heading.Paragraph, m.Heading.Quote)
		for _, group := range [][]knowledge.Claim{m.Evidence, m.Signals, m.Actions} {
			for _, cl := range group {
				for _, ci := range cl.Citations {
					add(ci.Paragraph, ci.Quote)
				}
			}
		}
		cards = append(cards, c.String())
	}
	if len(cards) == 0 {
		return Private(t(r.Lang, "nosources"))
	}
	pieces := split(strings.Join(cards, "\n\n"), maxContent)
	resp := &Response{}
	for i, p := range pieces {
		d := &discordgo.InteractionResponseData{Content: p, Flags: discordgo.MessageFlagsEphemeral}
		if i == 0 {
			resp.Data = d
		} else if i < 5 {
			resp.More = append(resp.More, d)
		}
	}
	return resp
}

// feedback stores a thumbs up or down; a second click changes nothing.
func (b *Bot) feedback(ctx context.Context, r *Request) *Response {
	vote := 1
	if strings.HasSuffix(customID(r.Interaction), "down") {
		vote = -1
	}
	if r.Message == nil {
		return Private(t(r.Lang, "failed"))
	}
	changed, err := b.store.AddFeedback(ctx, store.Feedback{MessageID: r.Message.ID, UserID: r.UserID, GuildID: r.GuildID, Vote: vote})
	if err != nil {
		b.log.Error("store feedback", "err", err)
		return Private(t(r.Lang, "failed"))
	}
	b.log.Info("feedback", "message", r.Message.ID, "user", r.UserID, "vote", vote, "changed", changed)
	if !changed {
		return Private(t(r.Lang, "thanksagain"))
	}
	return Private(t(r.Lang, "thanks"))
}

// assessButton starts the /assess wizard from an answer.
func (b *Bot) assessButton(ctx context.Context, r *Request) *Response {
	if b.assess == nil {
		return Private(t(r.Lang, "assesssoon"))
	}
	return fromAssess(b.assess.Command(ctx, r.Interaction))
}

// fromAssess adapts the wizard's reply to a Response.
func fromAssess(a AssessReply) *Response {
	if a.Response == nil {
		return nil
	}
	return &Response{Type: a.Response.Type, Data: a.Response.Data, Later: a.Later}
}
