package render

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/knowledge"
)

// maxSteps bounds the steps a "what to do" card shows when its button
// carries no choice.
const maxSteps = 3

// ToDo is what a "what to do" button shows: the first steps the advisor
// chose for the founder (actions, indexes into m.Actions; the mode's first
// unconditional ones when it chose none), each with its evidence, and the
// button to the rest of the mode.
func ToDo(m *knowledge.Mode, actions []int, lang string) *discordgo.InteractionResponseData {
	var steps []knowledge.Claim
	for _, i := range actions {
		if i < len(m.Actions) {
			steps = append(steps, m.Actions[i])
		}
	}
	if len(steps) == 0 {
		for _, c := range m.Actions {
			if len(c.When) == 0 && len(steps) < maxSteps {
				steps = append(steps, c)
			}
		}
	}
	var b strings.Builder
	for i, c := range steps {
		fmt.Fprintf(&b, "%d. %s\n", i+1, c.Text.In(lang))
		if len(c.Citations) > 0 {
			b.WriteString(quoteLine(c.Citations[0]) + "\n")
		}
	}
	e := &discordgo.MessageEmbed{
		Title:       Clip(T(lang, "todotitle", fmt.Sprintf("`%s` %s", m.ID, m.Title.In(lang))), MaxTitle),
		Description: Clip(strings.TrimSpace(b.String()), MaxDescription),
		Color:       AnswerColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: T(lang, "hint", m.ID)},
	}
	more := discordgo.Button{CustomID: MoreID(m.ID, lang), Label: T(lang, "moreon") + " · " + m.ID,
		Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "🔎"}}
	return &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{e},
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{more}}}}
}
