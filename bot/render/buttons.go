package render

import "github.com/bwmarrin/discordgo"

// Custom IDs of the buttons under an answer. Sources carries the cited
// risk IDs, so it works on any answer, after any restart.
const (
	IDSources  = "pm:src:"
	IDAssess   = "pm:assess"
	IDFeedback = "pm:fb:"
)

// AnswerButtons are the buttons under an answer: sources (when it cites
// anything), assess my company, and thumbs up and down.
func AnswerButtons(ids []string, lang string) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	if len(ids) > 0 {
		cid := IDSources
		for _, id := range ids {
			if len(cid)+len(id)+1 > MaxCustomID {
				break
			}
			if cid != IDSources {
				cid += ","
			}
			cid += id
		}
		row = append(row, discordgo.Button{CustomID: cid, Label: T(lang, "sources"), Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "📖"}})
	}
	row = append(row,
		discordgo.Button{CustomID: IDAssess, Label: T(lang, "assessbtn"), Style: discordgo.PrimaryButton, Emoji: &discordgo.ComponentEmoji{Name: "🩺"}},
		discordgo.Button{CustomID: IDFeedback + "up", Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "👍"}},
		discordgo.Button{CustomID: IDFeedback + "down", Style: discordgo.SecondaryButton, Emoji: &discordgo.ComponentEmoji{Name: "👎"}},
	)
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}
