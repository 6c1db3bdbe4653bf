package render

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestFitKeepsOneMessage(t *testing.T) {
	for _, tc := range []struct {
		name   string
		embeds []*discordgo.MessageEmbed
	}{
		{"small", []*discordgo.MessageEmbed{{Title: "t", Description: "d"}}},
		{"three long", []*discordgo.MessageEmbed{{Description: strings.Repeat("风险", 1500)}, {Description: strings.Repeat("a", 4000)}, {Description: strings.Repeat("😀", 1000)}}},
		{"eleven", func() []*discordgo.MessageEmbed {
			var es []*discordgo.MessageEmbed
			for range 11 {
				es = append(es, &discordgo.MessageEmbed{Description: "x"})
			}
			return es
		}()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Fit(tc.embeds)
			if n := EmbedsSize(got); n > MaxEmbedTotal || len(got) > MaxEmbeds {
				t.Errorf("%d embeds of %d units", len(got), n)
			}
			if len(Pack(got)) != 1 {
				t.Errorf("Pack puts the fitted embeds in %d messages", len(Pack(got)))
			}
		})
	}
}

func TestTextTablesHaveTheSameKeys(t *testing.T) {
	for key := range words["en"] {
		if _, ok := words["zh"][key]; !ok {
			t.Errorf("zh lacks %q", key)
		}
	}
	for key := range words["zh"] {
		if _, ok := words["en"][key]; !ok {
			t.Errorf("en lacks %q", key)
		}
	}
}

func TestClipCountsUTF16Units(t *testing.T) {
	for _, tc := range []struct {
		in    string
		limit int
		want  string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "ab…"},
		{"😀😀", 4, "😀😀"},
		{"😀😀", 3, "😀…"},
		{"一二三", 2, "一…"},
	} {
		if got := Clip(tc.in, tc.limit); got != tc.want || Units(got) > tc.limit {
			t.Errorf("Clip(%q, %d) = %q; want %q", tc.in, tc.limit, got, tc.want)
		}
	}
}
