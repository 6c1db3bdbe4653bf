package render

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/knowledge"
)

// Bounds of a risk's field, in units.
const (
	whySentences = 2
	maxWhy       = 300
	maxQuote     = 240
)

// riskField is one cited risk's card: its ID as code and title; why it
// applies to this founder in one or two sentences; the one figure; the one
// evidence quote with its paragraph. What the conversation or this answer
// said already is left out (a follow-up's cards then show what is new: a
// further quote, else the first step).
func riskField(r advisor.Risk, lang string, s *said) *discordgo.MessageEmbedField {
	var lines []string
	add := func(x string) {
		lines = append(lines, x)
		s.add(x)
	}
	if why := fresh(r.Why, whySentences, lang, s); why != "" {
		add(Clip(why, maxWhy))
	} else if a, ok := firstNew(r.Actions, s); ok {
		add(T(lang, "firststep") + a) // the why was said: the step is what is new
	}
	if f := r.Figure; f != nil && f.Text != "" && !s.has(f.Text) {
		add(figureLine(f, lang))
	}
	if c, ok := evidence(r.Citations, s); ok {
		add(quoteLine(c))
	}
	if len(lines) == 0 { // all said before: the why again, rather than nothing
		lines = append(lines, Clip(sentences(r.Why, 1), maxWhy))
	}
	name := fmt.Sprintf("`%s` · %s", r.ID, r.Title)
	return &discordgo.MessageEmbedField{Name: Clip(name, MaxFieldName), Value: Clip(strings.Join(lines, "\n"), MaxFieldValue)}
}

// fresh is up to n sentences of s not said yet, in order.
func fresh(s string, n int, lang string, sd *said) string {
	var out []string
	for _, x := range splitSentences(s) {
		if len(out) < n && !sd.has(x) {
			out = append(out, x)
		}
	}
	sep := ""
	if lang == "en" {
		sep = " "
	}
	return strings.Join(out, sep)
}

// firstNew is the first of xs not said yet.
func firstNew(xs []string, s *said) (string, bool) {
	for _, x := range xs {
		if !s.has(x) {
			return x, true
		}
	}
	return "", false
}

// evidence is the quote a card shows: the first citation not said yet,
// the section's heading (cited last) only when it is the one citation.
func evidence(cs []knowledge.Citation, s *said) (knowledge.Citation, bool) {
	if len(cs) > 1 {
		cs = cs[:len(cs)-1]
	}
	for _, c := range cs {
		if c.Quote != "" && !s.has(c.Quote) {
			return c, true
		}
	}
	return knowledge.Citation{}, false
}

// quoteLine is a verbatim quote with its paragraph.
func quoteLine(c knowledge.Citation) string {
	return fmt.Sprintf("> 「%s」(¶%d)", Clip(c.Quote, maxQuote), c.Paragraph)
}

// figureLine is the figure as the article writes it (glossed in English
// when it is money), what it measures, and its paragraph.
func figureLine(f *advisor.BenchmarkRef, lang string) string {
	text := "**" + f.Text + "**"
	if cur, _, _ := strings.Cut(f.Unit, "/"); lang == "en" && (cur == "USD" || cur == "CNY") && f.Value > 0 {
		text += " (" + assess.FormatAmount(assess.Amount{Value: f.Value, Currency: cur}, "en") + ")"
	}
	return fmt.Sprintf("%s · %s (¶%d)", text, f.Label, f.Citation.Paragraph)
}
