package bot

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/knowledge"
)

// answerColor is the embeds' accent.
const answerColor = 0xC0392B

// narrativePiece is the most narrative one embed description takes; the
// rest of 4096 is headroom for the notice of streaming.
const narrativePiece = 4000

// renderAnswer lays an answer out as messages within Discord's limits: the
// narrative in embed descriptions (split where needed), one field per cited
// risk (its ID as code in the name, the figure and the quote in the value),
// a footer naming backend, model and knowledge version, and the buttons
// under the last message. notice, when set, is the first message's content.
func renderAnswer(ans *advisor.Answer, kb *knowledge.Base, notice string) []*discordgo.InteractionResponseData {
	lang := ans.Lang
	var embeds []*discordgo.MessageEmbed
	for _, piece := range split(strings.TrimSpace(ans.Text), narrativePiece) {
		embeds = append(embeds, &discordgo.MessageEmbed{Description: piece, Color: answerColor})
	}
	if len(embeds) == 0 {
		embeds = append(embeds, &discordgo.MessageEmbed{Description: "…", Color: answerColor})
	}
	var fields []*discordgo.MessageEmbedField
	for _, r := range ans.Risks {
		fields = append(fields, riskField(r, ans.Benchmarks, kb))
	}
	for len(fields) > 0 {
		n := min(len(fields), maxFields)
		embeds = append(embeds, &discordgo.MessageEmbed{Color: answerColor, Fields: fields[:n]})
		fields = fields[n:]
	}
	embeds[len(embeds)-1].Footer = &discordgo.MessageEmbedFooter{Text: clip(footer(ans.Model, kb, lang), maxFooter)}
	msgs := packEmbeds(embeds)
	if notice != "" {
		msgs[0].Content = clip(notice, maxContent)
	}
	var ids []string
	for _, r := range ans.Risks {
		ids = append(ids, r.ID)
	}
	msgs[len(msgs)-1].Components = answerButtonsFor(ids, lang)
	return msgs
}

// riskField is one cited risk's card.
func riskField(r advisor.Risk, bms []advisor.BenchmarkRef, kb *knowledge.Base) *discordgo.MessageEmbedField {
	name := fmt.Sprintf("`%s` · %s", r.ID, r.Title)
	var b strings.Builder
	b.WriteString(clip(r.Why, 400))
	for _, bm := range bms {
		if x, ok := kb.Benchmark(bm.ID); ok && slices.Contains(x.Modes, r.ID) {
			fmt.Fprintf(&b, "\n**%s** · %s", bm.Text, bm.Label)
			break
		}
	}
	if len(r.Citations) > 0 {
		c := r.Citations[0]
		fmt.Fprintf(&b, "\n> 「%s」(¶%d)", clip(c.Quote, 400), c.Paragraph)
	}
	return &discordgo.MessageEmbedField{Name: clip(name, maxFieldName), Value: clip(b.String(), maxFieldValue)}
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
	return t(lang, "footer", m.Backend, name, version)
}

// embedSize counts what Discord counts toward the 6000 total.
func embedSize(e *discordgo.MessageEmbed) int {
	n := units(e.Title) + units(e.Description)
	for _, f := range e.Fields {
		n += units(f.Name) + units(f.Value)
	}
	if e.Footer != nil {
		n += units(e.Footer.Text)
	}
	if e.Author != nil {
		n += units(e.Author.Name)
	}
	return n
}

// packEmbeds puts embeds into as few messages as Discord's limits allow
// (10 embeds, 6000 units in all). An embed bigger than 6000 on its own
// (a full description and 25 full fields) is moved in parts.
func packEmbeds(embeds []*discordgo.MessageEmbed) []*discordgo.InteractionResponseData {
	var out []*discordgo.InteractionResponseData
	cur, size := &discordgo.InteractionResponseData{}, 0
	for _, e := range shrinkEmbeds(embeds) {
		n := embedSize(e)
		if len(cur.Embeds) == maxEmbeds || (len(cur.Embeds) > 0 && size+n > maxEmbedTotal) {
			out = append(out, cur)
			cur, size = &discordgo.InteractionResponseData{}, 0
		}
		cur.Embeds = append(cur.Embeds, e)
		size += n
	}
	return append(out, cur)
}

// shrinkEmbeds splits any embed over the total limit into embeds under it,
// moving fields into embeds of their own.
func shrinkEmbeds(embeds []*discordgo.MessageEmbed) []*discordgo.MessageEmbed {
	var out []*discordgo.MessageEmbed
	for _, e := range embeds {
		if embedSize(e) <= maxEmbedTotal {
			out = append(out, e)
			continue
		}
		head := *e
		head.Fields, head.Footer = nil, nil
		out = append(out, &head)
		cur := &discordgo.MessageEmbed{Color: e.Color}
		for _, f := range e.Fields {
			if len(cur.Fields) > 0 && embedSize(cur)+units(f.Name)+units(f.Value) > maxEmbedTotal-maxFooter {
				out = append(out, cur)
				cur = &discordgo.MessageEmbed{Color: e.Color}
			}
			cur.Fields = append(cur.Fields, f)
		}
		cur.Footer = e.Footer
		out = append(out, cur)
	}
	return out
}
