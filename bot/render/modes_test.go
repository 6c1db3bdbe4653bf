package render

import (
	"path/filepath"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// TestModeGolden lays out /risks and /risks ID in both languages and
// compares the payloads with testdata/modes/NAME.json. Each keeps
// Discord's limits and quotes the article verbatim, and its footer is the
// language's own words.
func TestModeGolden(t *testing.T) {
	kb := loadKB(t)
	for _, lang := range []string{"zh", "en"} {
		for _, tc := range []struct {
			name  string
			embed *discordgo.MessageEmbed
		}{
			{lang + "-list", ModeList(kb, lang)},
			{lang + "-card", ModeCard(&kb.Modes[0], kb.Version, lang)},
		} {
			t.Run(tc.name, func(t *testing.T) {
				msg := &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{tc.embed}}
				checkChat(t, kb, []*discordgo.InteractionResponseData{msg})
				if want := T(lang, "kbversion", kb.Version); tc.embed.Footer == nil || tc.embed.Footer.Text != want {
					t.Errorf("footer %+v; want %q", tc.embed.Footer, want)
				}
				golden(t, filepath.Join("testdata", "modes", tc.name+".json"), kb, msg)
			})
		}
	}
}
