package wizard

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/bot/router"
	"github.com/premortem/premortem/knowledge"
)

// maxButtons is how many choices show as buttons; more become a select menu.
const maxButtons = 5

// stepMessage renders the current question: the previous question with its
// answer, the question, its choices (buttons or a select menu) or a button
// opening a modal for a number, and back, skip and cancel. errText, when
// set, explains why the last answer was refused.
func (f *Flow) stepMessage(session string, st assess.State, errText string) *discordgo.InteractionResponseData {
	lang := st.Lang
	q, _ := f.wiz.Current(st)
	n, total := f.wiz.Progress(st)
	var b strings.Builder
	b.WriteString(text(lang, "title", n, total) + "\n")
	if k := len(st.History) - 1; k >= 0 && st.History[k] < len(f.wiz.Questions()) { // not the review an edit came from
		pq := f.wiz.Questions()[st.History[k]]
		b.WriteString(text(lang, "prev", pq.Prompt.In(lang), answerLabel(pq, st.Profile, lang)) + "\n")
	}
	fmt.Fprintf(&b, "\n**%s**", q.Prompt.In(lang))
	if cur := st.Profile.Value(q.Field); cur != "" && q.Kind != "choice" && q.Kind != "bool" {
		fmt.Fprintf(&b, "\n(%s)", answerLabel(q, st.Profile, lang))
	}
	if errText != "" {
		fmt.Fprintf(&b, "\n⚠️ %s", errText)
	}
	step := st.Step
	var rows []discordgo.MessageComponent
	current := st.Profile.Value(q.Field)
	switch {
	case len(q.Choices) > maxButtons:
		var opts []discordgo.SelectMenuOption
		for i, c := range q.Choices {
			opts = append(opts, discordgo.SelectMenuOption{Label: c.Label.In(lang), Value: strconv.Itoa(i), Default: c.Value == current})
		}
		rows = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.SelectMenu{
			MenuType: discordgo.StringSelectMenu, CustomID: wizardID{Session: session, Step: step, Action: actPick}.String(), Options: opts,
		}}})
	case len(q.Choices) > 0:
		var btns []discordgo.MessageComponent
		for i, c := range q.Choices {
			style := discordgo.SecondaryButton
			if c.Value == current {
				style = discordgo.PrimaryButton
			}
			btns = append(btns, discordgo.Button{CustomID: choiceID(session, step, i), Label: c.Label.In(lang), Style: style})
		}
		rows = append(rows, discordgo.ActionsRow{Components: btns})
	default:
		rows = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{
			CustomID: wizardID{Session: session, Step: step, Action: actModal}.String(), Label: text(lang, "enter") + "…", Style: discordgo.PrimaryButton,
		}}})
	}
	// Skip keeps an answer given before (it reads "keep" then); Clear,
	// beside it, erases one.
	nav := []discordgo.MessageComponent{
		discordgo.Button{CustomID: wizardID{Session: session, Step: step, Action: actBack}.String(), Label: text(lang, "back"), Style: discordgo.SecondaryButton, Disabled: len(st.History) == 0},
		discordgo.Button{CustomID: wizardID{Session: session, Step: step, Action: actSkip}.String(), Label: text(lang, "skip"), Style: discordgo.SecondaryButton},
	}
	if st.Profile.Answered(q.Field) {
		nav[1] = discordgo.Button{CustomID: wizardID{Session: session, Step: step, Action: actSkip}.String(), Label: text(lang, "keep"), Style: discordgo.SecondaryButton}
		nav = append(nav, discordgo.Button{CustomID: wizardID{Session: session, Step: step, Action: actClear}.String(), Label: text(lang, "clear"), Style: discordgo.SecondaryButton})
	}
	nav = append(nav, discordgo.Button{CustomID: wizardID{Session: session, Step: step, Action: actCancel}.String(), Label: text(lang, "cancel"), Style: discordgo.DangerButton})
	rows = append(rows, discordgo.ActionsRow{Components: nav})
	return &discordgo.InteractionResponseData{Content: render.Clip(b.String(), render.MaxContent), Components: rows,
		Embeds: []*discordgo.MessageEmbed{}, Attachments: noAttachments()}
}

// noAttachments clears the files of the message replaced (a report's
// chart and Markdown when the founder goes back from it).
func noAttachments() *[]*discordgo.MessageAttachment { return &[]*discordgo.MessageAttachment{} }

// modal asks for a number in a text box.
func (f *Flow) modal(session string, st assess.State, q knowledge.Question) *router.Response {
	n, _ := f.wiz.Progress(st)
	label := q.Prompt.In(st.Lang)
	placeholder := ""
	if render.Units(label) > render.MaxModalLabel {
		placeholder = render.Clip(label, render.MaxPlaceholder)
		label = text(st.Lang, "input")
	}
	return &router.Response{Type: discordgo.InteractionResponseModal, Data: &discordgo.InteractionResponseData{
		CustomID: wizardID{Session: session, Step: st.Step, Action: actSubmit}.String(),
		Title:    text(st.Lang, "modal", n),
		Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.TextInput{
			CustomID: "value", Label: label, Style: discordgo.TextInputShort, Placeholder: placeholder, Required: true, MaxLength: 64,
			Value: assess.AnswerText(q, st.Profile, st.Lang), // the answer so far, "" for none
		}}}},
	}}
}

// answerLabel shows a field's answer for people; a question left
// unanswered reads "(skipped)".
func answerLabel(q knowledge.Question, p assess.Profile, lang string) string {
	if v := assess.AnswerText(q, p, lang); v != "" {
		return v
	}
	return text(lang, "skipped")
}
