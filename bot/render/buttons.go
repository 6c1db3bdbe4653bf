package render

import (
	"slices"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/knowledge"
)

// Custom IDs of the buttons under an answer. Each carries what its answer
// needs (the cited risk IDs, the answer's language, the actions chosen
// for the founder), so it works on any answer, after any restart.
const (
	IDSources  = "pm:src:" // pm:src:<id>,<id>...
	IDAssess   = "pm:assess"
	IDFeedback = "pm:fb:"   // pm:fb:up | pm:fb:down
	IDToDo     = "pm:do:"   // pm:do:<lang>:<id>:<action>.<action>... (indexes into the mode's actions)
	IDMore     = "pm:more:" // pm:more:<lang>:<id>
)

// AnswerButtons are the rows under an answer: what to do about each cited
// risk, more on each (what /risks ID shows), then sources (when it cites
// anything), assess my company, and thumbs up and down, in that order and
// packed MaxButtons to a row, so the message takes as few rows as Discord
// allows. Labels are in the answer's language.
func AnswerButtons(risks []advisor.Risk, kb *knowledge.Base, lang string) []discordgo.MessageComponent {
	var todo, more []discordgo.MessageComponent
	for _, r := range risks[:min(len(risks), MaxButtons)] {
		todo = append(todo, discordgo.Button{CustomID: ToDoID(r, kb, lang), Label: T(lang, "todo") + " · " + r.ID,
			Style: discordgo.PrimaryButton, Emoji: &discordgo.ComponentEmoji{Name: "🛠️"}})
		more = append(more, discordgo.Button{CustomID: MoreID(r.ID, lang), Label: T(lang, "moreon") + " · " + r.ID,
			Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "🔎"}})
	}
	buttons := append(todo, more...)
	if len(risks) > 0 {
		cid := IDSources
		for _, r := range risks {
			if len(cid)+len(r.ID)+1 > MaxCustomID {
				break
			}
			if cid != IDSources {
				cid += ","
			}
			cid += r.ID
		}
		buttons = append(buttons, discordgo.Button{CustomID: cid, Label: T(lang, "sources"), Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "📖"}})
	}
	buttons = append(buttons,
		discordgo.Button{CustomID: IDAssess, Label: T(lang, "assessbtn"), Style: discordgo.PrimaryButton, Emoji: &discordgo.ComponentEmoji{Name: "🩺"}},
		discordgo.Button{CustomID: IDFeedback + "up", Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "👍"}},
		discordgo.Button{CustomID: IDFeedback + "down", Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "👎"}},
	)
	var rows []discordgo.MessageComponent
	for row := range slices.Chunk(buttons, MaxButtons) {
		rows = append(rows, discordgo.ActionsRow{Components: row})
	}
	return rows
}

// ToDoID is the custom_id of the "what to do" button of r: the actions the
// advisor chose for the founder, as indexes into the mode's actions.
func ToDoID(r advisor.Risk, kb *knowledge.Base, lang string) string {
	var idx []string
	if m, ok := kbMode(kb, r.ID); ok {
		for _, a := range r.Actions {
			for i, c := range m.Actions {
				if sameText(c.Text.In(lang), a) {
					idx = append(idx, strconv.Itoa(i))
					break
				}
			}
		}
	}
	id := IDToDo + lang + ":" + r.ID + ":" + strings.Join(idx, ".")
	if len(id) > MaxCustomID {
		id = IDToDo + lang + ":" + r.ID + ":"
	}
	return id
}

// MoreID is the custom_id of the "more on this risk" button of id.
func MoreID(id, lang string) string { return IDMore + lang + ":" + id }

// RiskButton is what a ToDoID or MoreID carries: the answer's language,
// the risk ID and the chosen actions (none for MoreID, or when the
// advisor chose none).
type RiskButton struct {
	Lang, ID string
	Actions  []int
}

// ParseRiskButton reads a custom_id made by ToDoID or MoreID.
func ParseRiskButton(customID string) (RiskButton, bool) {
	rest, ok := strings.CutPrefix(customID, IDToDo)
	if !ok {
		if rest, ok = strings.CutPrefix(customID, IDMore); !ok {
			return RiskButton{}, false
		}
	}
	parts := strings.Split(rest, ":")
	if len(parts) < 2 || parts[1] == "" {
		return RiskButton{}, false
	}
	b := RiskButton{Lang: parts[0], ID: parts[1]}
	if len(parts) > 2 && parts[2] != "" {
		for _, s := range strings.Split(parts[2], ".") {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 {
				return RiskButton{}, false
			}
			b.Actions = append(b.Actions, n)
		}
	}
	return b, true
}

func kbMode(kb *knowledge.Base, id string) (*knowledge.Mode, bool) {
	if kb == nil {
		return nil, false
	}
	return kb.Mode(id)
}

// sameText compares two wordings of one claim, ignoring the final stop.
func sameText(a, b string) bool {
	trim := func(s string) string { return strings.TrimRight(strings.TrimSpace(s), "。.;;") }
	return trim(a) == trim(b)
}
