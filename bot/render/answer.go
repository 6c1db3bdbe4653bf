package render

import (
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

// AnswerOptions are what the layout of an answer needs besides the answer.
type AnswerOptions struct {
	// Notice, when set, is the first message's content (older context
	// left out).
	Notice string
	// Said is what the bot already said in the conversation (its earlier
	// answers as text): a follow-up is not told the same thing twice.
	Said string
}

// Answer lays an answer out for reading in chat, the same for every way
// in and whoever wrote it. The embed opens with the lead: the direct
// answer and the founder's situation in a few lines (the builtin
// composer's), or the model's own narrative. One compact field follows per
// cited risk (its ID as code in the name; why it applies, the one figure
// and the one evidence quote in the value), then a footer naming who wrote
// it, the knowledge version and the /risks hint, and the buttons that
// disclose the rest (what to do, more on each risk, sources). Nothing
// shown is said twice, and the terminal's closing hint never shows.
func Answer(ans *advisor.Answer, kb *knowledge.Base, o AnswerOptions) []*discordgo.InteractionResponseData {
	lang := ans.Lang
	risks := ans.CitedRisks()
	lead := leadText(ans, o.Said)
	said := &said{text: o.Said + "\n" + lead}
	var fields []*discordgo.MessageEmbedField
	for _, r := range risks {
		fields = append(fields, riskField(r, lang, said))
	}
	embeds := layout(lead, fields)
	embeds[len(embeds)-1].Footer = &discordgo.MessageEmbedFooter{Text: Clip(footer(ans.Model, risks, kb, lang), MaxFooter)}
	msgs := Pack(embeds)
	if o.Notice != "" {
		msgs[0].Content = Clip(o.Notice, MaxContent)
	}
	msgs[len(msgs)-1].Components = AnswerButtons(risks, kb, lang)
	return msgs
}

// layout puts the lead in embed descriptions (split where needed) and the
// fields under the last one, or in embeds of their own when they do not
// fit beside it.
func layout(lead string, fields []*discordgo.MessageEmbedField) []*discordgo.MessageEmbed {
	var embeds []*discordgo.MessageEmbed
	for _, piece := range Split(lead, narrativePiece) {
		embeds = append(embeds, &discordgo.MessageEmbed{Description: piece, Color: AnswerColor})
	}
	if len(embeds) == 0 {
		embeds = append(embeds, &discordgo.MessageEmbed{Description: "…", Color: AnswerColor})
	}
	last := embeds[len(embeds)-1]
	size := EmbedSize(last) + MaxFooter
	for _, f := range fields {
		size += Units(f.Name) + Units(f.Value)
	}
	if len(fields) <= MaxFields && size <= MaxEmbedTotal {
		last.Fields = fields
		return embeds
	}
	for len(fields) > 0 {
		n := min(len(fields), MaxFields)
		embeds = append(embeds, &discordgo.MessageEmbed{Color: AnswerColor, Fields: fields[:n]})
		fields = fields[n:]
	}
	return embeds
}

// Partial is how an answer being written looks: the checked text so far,
// under notice, with the progress line status in the footer ("writing"
// when there is none; the advisor's waiting and fallback notices
// otherwise).
func Partial(text, notice, status, lang string) *discordgo.InteractionResponseData {
	text = narrative(text)
	if text == "" {
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

// footer says who wrote the answer (once, with the backend it fell back
// from), the knowledge version, and where to read more.
func footer(m advisor.ModelInfo, risks []advisor.Risk, kb *knowledge.Base, lang string) string {
	who := m.Backend
	if m.Name != "" && m.Name != m.Backend {
		who += " · " + m.Name
	}
	if who == "" {
		who = advisor.Builtin
	}
	if m.FallbackFrom != "" {
		who = T(lang, "fellback", who, m.FallbackFrom)
	}
	version := ""
	if kb != nil {
		version = kb.Version
	}
	hint := T(lang, "hintlist")
	if len(risks) > 0 {
		hint = T(lang, "hint", risks[0].ID)
	}
	return T(lang, "footer", who, version, hint)
}

// said is the text a conversation already holds: the bot's earlier
// answers, and what this answer has shown so far.
type said struct{ text string }

// has reports whether s (trimmed, without a clipping "…") was said.
func (s *said) has(x string) bool {
	x = strings.TrimSuffix(strings.TrimSpace(x), "…")
	return x != "" && strings.Contains(s.text, x)
}

func (s *said) add(x string) { s.text += "\n" + x }
