package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/knowledge"
)

// risksCommand handles /risks [id].
func (b *Bot) risksCommand(ctx context.Context, r *Request) *Response {
	id, _ := option(r.ApplicationCommandData().Options, "id")
	id = strings.ToLower(strings.TrimSpace(id))
	if id == "" {
		e := &discordgo.MessageEmbed{Title: t(r.Lang, "risklist"), Color: answerColor,
			Footer: &discordgo.MessageEmbedFooter{Text: "knowledge " + b.kb.Version}}
		for _, m := range b.kb.Modes {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
				Name: clip(fmt.Sprintf("`%s` · %s", m.ID, m.Title.In(r.Lang)), maxFieldName), Value: clip(m.Summary.In(r.Lang), 300)})
		}
		e.Fields = e.Fields[:min(len(e.Fields), maxFields)]
		return Reply(&discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{e}})
	}
	m, ok := b.kb.Mode(id)
	if !ok {
		var ids []string
		for _, m := range b.kb.Modes {
			ids = append(ids, m.ID)
		}
		return Private(t(r.Lang, "norisk", id, strings.Join(ids, ", ")))
	}
	e := &discordgo.MessageEmbed{
		Title:       clip(fmt.Sprintf("`%s` · %s", m.ID, m.Title.In(r.Lang)), maxTitle),
		Description: clip(m.Summary.In(r.Lang)+fmt.Sprintf("\n\n> 「%s」(¶%d)", m.Heading.Quote, m.Heading.Paragraph), maxDescription),
		Color:       answerColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: "knowledge " + b.kb.Version},
	}
	for _, g := range []struct {
		key    string
		claims []knowledge.Claim
	}{{"signals", m.Signals}, {"actions", m.Actions}, {"evidence", m.Evidence}} {
		if len(g.claims) == 0 {
			continue
		}
		var lines []string
		for _, c := range g.claims {
			line := "• " + c.Text.In(r.Lang)
			if g.key == "evidence" && len(c.Citations) > 0 {
				line += fmt.Sprintf("\n> 「%s」(¶%d)", c.Citations[0].Quote, c.Citations[0].Paragraph)
			}
			lines = append(lines, line)
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: t(r.Lang, g.key), Value: clip(strings.Join(lines, "\n"), maxFieldValue)})
	}
	return Reply(&discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{e}})
}

// completeRisk offers mode IDs whose ID or title contains what was typed.
func (b *Bot) completeRisk(r *Request) []*discordgo.ApplicationCommandOptionChoice {
	typed := strings.ToLower(strings.TrimSpace(focused(r.ApplicationCommandData().Options)))
	var out []*discordgo.ApplicationCommandOptionChoice
	for _, m := range b.kb.Modes {
		hay := strings.ToLower(m.ID + " " + m.Title.ZH + " " + m.Title.EN)
		if typed == "" || strings.Contains(hay, typed) {
			out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: clip(m.ID+" · "+m.Title.In(r.Lang), 100), Value: m.ID})
		}
		if len(out) == 25 {
			break
		}
	}
	return out
}

// helpCommand handles /help.
func (b *Bot) helpCommand(ctx context.Context, r *Request) *Response {
	return Private(t(r.Lang, "help"))
}
