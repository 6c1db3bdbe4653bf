package wizard

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/bot/render"
)

// reviewMessage is the step between the last question and the report:
// every question that applies with its answer, numbered; a select menu to
// change one (the question comes back with its answer, and answering,
// keeping, clearing or going back returns here); and the report, back to
// the last question, and cancel. When the answers are too few to score,
// it says so and names the answers that would matter most.
func (f *Flow) reviewMessage(session string, st assess.State, errText string) *discordgo.InteractionResponseData {
	lang := st.Lang
	steps := f.wiz.Applicable(st)
	var b strings.Builder
	b.WriteString(text(lang, "review") + "\n")
	var opts []discordgo.SelectMenuOption
	for i, step := range steps {
		q := f.wiz.Questions()[step]
		label := fieldLabel(q.Field, lang)
		answer := answerLabel(q, st.Profile, lang)
		b.WriteString("\n" + text(lang, "row", i+1, label, answer))
		if len(opts) < render.MaxChoices { // the question bank has fewer questions
			opts = append(opts, discordgo.SelectMenuOption{
				Label:       render.Clip(fmt.Sprintf("%d. %s", i+1, label), render.MaxChoiceName),
				Description: render.Clip(answer, render.MaxChoiceName),
				Value:       strconv.Itoa(step),
			})
		}
	}
	if a := assess.Score(f.kb, st.Profile); !a.Enough && len(a.Missing) > 0 {
		b.WriteString("\n\n" + text(lang, "reviewfew", fieldLabels(a.Missing, lang)))
	}
	b.WriteString("\n\n" + text(lang, "reviewhint"))
	if errText != "" {
		fmt.Fprintf(&b, "\n⚠️ %s", errText)
	}
	step := st.Step
	rows := []discordgo.MessageComponent{
		discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.SelectMenu{
			MenuType: discordgo.StringSelectMenu, CustomID: wizardID{Session: session, Step: step, Action: actEdit}.String(),
			Placeholder: text(lang, "edit"), Options: opts,
		}}},
		discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{CustomID: wizardID{Session: session, Step: step, Action: actReport}.String(), Label: text(lang, "report"), Style: discordgo.PrimaryButton},
			discordgo.Button{CustomID: wizardID{Session: session, Step: step, Action: actBack}.String(), Label: text(lang, "back"), Style: discordgo.SecondaryButton, Disabled: len(st.History) == 0},
			discordgo.Button{CustomID: wizardID{Session: session, Step: step, Action: actCancel}.String(), Label: text(lang, "cancel"), Style: discordgo.DangerButton},
		}},
	}
	return &discordgo.InteractionResponseData{Content: render.Clip(b.String(), render.MaxContent), Components: rows,
		Embeds: []*discordgo.MessageEmbed{}, Attachments: noAttachments()}
}

// fieldLabel names a profile field at the start of a line.
func fieldLabel(name, lang string) string {
	l := assess.FieldLabel(name, lang)
	r, n := utf8.DecodeRuneInString(l)
	return string(unicode.ToUpper(r)) + l[n:]
}

// fieldLabels names profile fields for people, joined in lang.
func fieldLabels(fields []string, lang string) string {
	names := make([]string, len(fields))
	for i, name := range fields {
		names[i] = assess.FieldLabel(name, lang)
	}
	return strings.Join(names, reportText(lang, "sep"))
}
