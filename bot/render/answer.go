package render

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/knowledge"
)

// AnswerColor is the embeds' accent.
const AnswerColor = 0xC0392B

// narrativePiece is the most narrative one embed description takes; the
// rest of 4096 is headroom for the notice of streaming.
const narrativePiece = 4000

// Answer lays an answer out as messages within Discord's limits: the
// narrative in embed descriptions (split where needed), one field per cited
// risk (its ID as code in the name, the figure and the quote in the value),
// a footer naming backend, model and knowledge version, and the buttons
// under the last message. notice, when set, is the first message's content.
func Answer(ans *advisor.Answer, kb *knowledge.Base, notice string) []*discordgo.InteractionResponseData {
	lang := ans.Lang
	var embeds []*discordgo.MessageEmbed
	for _, piece := range Split(strings.TrimSpace(ans.Text), narrativePiece) {
		embeds = append(embeds, &discordgo.MessageEmbed{Description: piece, Color: AnswerColor})
	}
	if len(embeds) == 0 {
		embeds = append(embeds, &discordgo.MessageEmbed{Description: "…", Color: AnswerColor})
	}
	var fields []*discordgo.MessageEmbedField
	for _, r := range ans.Risks {
		fields = append(fields, riskField(r, ans.Benchmarks, kb))
	}
	for len(fields) > 0 {
		n := min(len(fields), MaxFields)
		embeds = append(embeds, &discordgo.MessageEmbed{Color: AnswerColor, Fields: fields[:n]})
		fields = fields[n:]
	}
	embeds[len(embeds)-1].Footer = &discordgo.MessageEmbedFooter{Text: Clip(footer(ans.Model, kb, lang), MaxFooter)}
	msgs := Pack(embeds)
	if notice != "" {
		msgs[0].Content = Clip(notice, MaxContent)
	}
	var ids []string
	for _, r := range ans.Risks {
		ids = append(ids, r.ID)
	}
	msgs[len(msgs)-1].Components = AnswerButtons(ids, lang)
	return msgs
}

// Partial is how an answer being written looks: the checked text so far,
// under notice, with the progress line status in the footer ("writing"
// when there is none; the advisor's waiting and fallback notices
// otherwise).
func Partial(text, notice, status, lang string) *discordgo.InteractionResponseData {
	if strings.TrimSpace(text) == "" {
		text = "…"
	}
	line := T(lang, "writing")
	if status != "" {
		line = "⏳ " + status
	}
	return &discordgo.InteractionResponseData{Content: Clip(notice, MaxContent), Embeds: []*discordgo.MessageEmbed{{
		Description: Clip(text, MaxDescription-8),
		Color:       AnswerColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: Clip(line, MaxFooter)},
	}}}
}

// riskField is one cited risk's card.
func riskField(r advisor.Risk, bms []advisor.BenchmarkRef, kb *knowledge.Base) *discordgo.MessageEmbedField {
	name := fmt.Sprintf("`%s` · %s", r.ID, r.Title)
	var b strings.Builder
	b.WriteString(Clip(r.Why, 400))
	for _, bm := range bms {
		if x, ok := kb.Benchmark(bm.ID); ok && slices.Contains(x.Modes, r.ID) {
			fmt.Fprintf(&b, "\n**%s** · %s", bm.Text, bm.Label)
			break
		}
	}
	if len(r.Citations) > 0 {
		c := r.Citations[0]
		fmt.Fprintf(&b, "\n> 「%s」(¶%d)", Clip(c.Quote, 400), c.Paragraph)
	}
	return &discordgo.MessageEmbedField{Name: Clip(name, MaxFieldName), Value: Clip(b.String(), MaxFieldValue)}
}

func footer(m advisor.ModelInfo, kb *knowledge.Base, lang string) string {
	name := m.Name
	if m.FallbackFrom != "" {
		name += " ← " + m.FallbackFrom
	}
	version := ""
	if kb != nil {
		version = kb.Version
	}
	return T(lang, "footer", m.Backend, name, version)
}
