package render

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/knowledge"
)

// maxSourceMessages bounds how many messages the sources of one answer take.
const maxSourceMessages = 5

// ModeList is /risks: the seven failure modes, each with its ID as code.
func ModeList(kb *knowledge.Base, lang string) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{Title: T(lang, "risklist"), Color: AnswerColor,
		Footer: &discordgo.MessageEmbedFooter{Text: T(lang, "kbversion", kb.Version)}}
	for _, m := range kb.Modes {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name: Clip(fmt.Sprintf("`%s` · %s", m.ID, m.Title.In(lang)), MaxFieldName), Value: Clip(m.Summary.In(lang), 300)})
	}
	e.Fields = e.Fields[:min(len(e.Fields), MaxFields)]
	return e
}

// ModeCard is /risks ID: the mode's summary and heading quote, then its
// warning signs, actions and evidence.
func ModeCard(m *knowledge.Mode, version, lang string) *discordgo.MessageEmbed {
	e := &discordgo.MessageEmbed{
		Title:       Clip(fmt.Sprintf("`%s` · %s", m.ID, m.Title.In(lang)), MaxTitle),
		Description: Clip(m.Summary.In(lang)+fmt.Sprintf("\n\n> 「%s」(¶%d)", m.Heading.Quote, m.Heading.Paragraph), MaxDescription),
		Color:       AnswerColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: T(lang, "kbversion", version)},
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
			line := "• " + c.Text.In(lang)
			if g.key == "evidence" && len(c.Citations) > 0 {
				line += fmt.Sprintf("\n> 「%s」(¶%d)", c.Citations[0].Quote, c.Citations[0].Paragraph)
			}
			lines = append(lines, line)
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: T(lang, g.key), Value: Clip(strings.Join(lines, "\n"), MaxFieldValue)})
	}
	return e
}

// Sources is every quote behind the modes ids, one card per mode, as the
// texts of at most five messages; none when no ID is a mode.
func Sources(kb *knowledge.Base, ids []string, lang string) []string {
	var cards []string
	for _, id := range ids {
		m, ok := kb.Mode(id)
		if !ok {
			continue
		}
		var c strings.Builder
		fmt.Fprintf(&c, "`%s` · %s", m.ID, m.Title.In(lang))
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
		return nil
	}
	pieces := Split(strings.Join(cards, "\n\n"), MaxContent)
	return pieces[:min(len(pieces), maxSourceMessages)]
}
