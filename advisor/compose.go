package advisor

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/situation"
)

// Compose writes the builtin answer: deterministic, from the grounding
// alone, in the question's language. In order: the direct answer to the
// question as asked; the founder's situation as understood (their facts,
// and comparisons computed from them, labelled as computed); then per risk
// (its ID as code) why it applies to this founder, the article's evidence
// that fits the question (a verbatim quote, a figure) and the first steps
// for their situation. An off-topic question gets a short, polite reply
// that cites nothing.
func (a *Advisor) Compose(g Grounding) string {
	var b strings.Builder
	b.Grow(2048)
	w := wordsFor(g.Lang)
	if g.OffTopic() {
		b.WriteString(w.offTopic)
		return b.String()
	}
	quoted := newShown(g.Said) // quotes already shown: never twice
	writeDirect(&b, g, quoted)
	var sb strings.Builder
	writeSituation(&sb, g)
	if sit := sb.String(); !saidBefore(g.Said, sit) {
		b.WriteString(sit)
	}
	for i, gm := range g.Modes {
		b.WriteString("\n")
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(". `")
		b.WriteString(gm.Mode.ID)
		b.WriteString("` ")
		b.WriteString(gm.Mode.Title.In(g.Lang))
		b.WriteString("\n")
		if !saidBefore(g.Said, g.Risks[i].Why) {
			b.WriteString(w.why)
			b.WriteString(g.Risks[i].Why)
			b.WriteString("\n")
		}
		for _, m := range gm.Mitigations {
			b.WriteString(w.favour)
			b.WriteString(m.Text.In(g.Lang))
			b.WriteString("\n")
		}
		for _, e := range gm.Evidence {
			if len(e.Citations) > 0 && quoted.has(e.Citations[0].Quote) {
				continue
			}
			b.WriteString(w.evidence)
			writeClaim(&b, g.Lang, e, quoted)
			b.WriteString("\n")
		}
		for _, x := range gm.Benchmarks {
			if g.Direct.Benchmark == x {
				continue
			}
			b.WriteString(w.figure)
			writeFigure(&b, g.Lang, x, quoted)
			b.WriteString("\n")
		}
		if len(gm.Actions) > 0 {
			b.WriteString(w.todo)
			b.WriteString("\n")
			for _, act := range gm.Actions {
				b.WriteString("  - ")
				b.WriteString(trimStop(act.Text.In(g.Lang)))
				b.WriteString(w.stop)
				b.WriteString("\n")
			}
		}
	}
	a.writeAskedFigures(&b, g, quoted)
	b.WriteString("\n")
	b.WriteString(strings.Replace(w.more, "%s", g.Modes[0].Mode.ID, 1))
	return b.String()
}

// writeAskedFigures lists the figures the question matched that no risk
// above showed, so that a figure asked about is always in the answer.
func (a *Advisor) writeAskedFigures(b *strings.Builder, g Grounding, quoted *shown) {
	const maxOther = 2
	if a.kb == nil || g.Situation == nil || g.Situation.Intent.Kind != situation.IntentFigure {
		return
	}
	shown := map[string]bool{}
	if g.Direct.Benchmark != nil {
		shown[g.Direct.Benchmark.ID] = true
	}
	for _, gm := range g.Modes {
		for _, x := range gm.Benchmarks {
			shown[x.ID] = true
		}
	}
	asked := map[string]bool{}
	for _, h := range g.Found.Benchmarks {
		asked[h.ID] = true
	}
	n := 0
	for _, ref := range g.Benchmarks {
		x, ok := a.kb.Benchmark(ref.ID)
		if !ok || shown[ref.ID] || !asked[ref.ID] || n == maxOther {
			continue
		}
		if n == 0 {
			b.WriteString("\n")
			b.WriteString(wordsFor(g.Lang).alsoFigures)
			b.WriteString("\n")
		}
		n++
		b.WriteString("  - ")
		writeFigure(b, g.Lang, x, quoted)
		b.WriteString("\n")
	}
}

// writeDirect writes the direct answer: the article's stance on the
// decision asked about, the figure asked for, what the article says of the
// company named, or the biggest threat.
func writeDirect(b *strings.Builder, g Grounding, quoted *shown) {
	w := wordsFor(g.Lang)
	d := g.Direct
	if d.Kind == "" {
		if len(g.Modes) == 0 || g.Modes[0].Mode == nil {
			return
		}
		d = Direct{Kind: DirectThreat, Mode: g.Modes[0].Mode}
	}
	b.WriteString(w.direct)
	switch d.Kind {
	case DirectStance:
		b.WriteString(trimStop(d.Stance.Dilemma.In(g.Lang)))
		b.WriteString(w.qmark)
		b.WriteString(w.stance)
		b.WriteString(d.Stance.Answer.In(g.Lang))
		writeQuotes(b, g.Lang, d.Stance.Citations, 2, quoted)
	case DirectFigure:
		writeFigure(b, g.Lang, d.Benchmark, quoted)
	case DirectHowTo:
		b.WriteString(strings.Replace(w.firstFor, "%s", "`"+d.Mode.ID+"` "+d.Mode.Title.In(g.Lang), 1))
		b.WriteString(d.Stance.First.In(g.Lang))
	case DirectFollow:
		b.WriteString(strings.Replace(w.about, "%s", "`"+d.Mode.ID+"` "+d.Mode.Title.In(g.Lang), 1))
		b.WriteString(verdict(d, g.Lang))
	case DirectCase:
		b.WriteString(strings.Replace(w.caseSays, "%s", d.Case.Name.In(g.Lang), 1))
		if d.Claim != nil {
			writeClaim(b, g.Lang, *d.Claim, quoted)
		} else {
			b.WriteString(trimStop(d.Case.Summary.In(g.Lang)))
			writeQuotes(b, g.Lang, d.Case.Citations, 1, quoted)
		}
	default:
		m := d.Mode
		b.WriteString(strings.Replace(w.biggest, "%s", "`"+m.ID+"` "+m.Title.In(g.Lang), 1))
		b.WriteString(verdict(d, g.Lang))
	}
	b.WriteString("\n")
}

// saidBefore reports whether the conversation already said s (a
// follow-up is not told the same thing twice).
func saidBefore(said, s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && said != "" && strings.Contains(said, s)
}

// verdict is the article's side on the risk in one sentence: its stance,
// else the mode's summary.
func verdict(d Direct, lang string) string {
	if d.Stance != nil {
		return firstSentence(d.Stance.Answer.In(lang), lang)
	}
	return firstSentence(d.Mode.Summary.In(lang), lang)
}

// shown remembers the quotes an answer (or the conversation before it)
// already showed.
type shown struct {
	m    map[string]bool
	said string
}

func newShown(said string) *shown { return &shown{m: map[string]bool{}, said: said} }

func (s *shown) has(q string) bool { return s.m[q] || (s.said != "" && strings.Contains(s.said, q)) }

func (s *shown) add(q string) { s.m[q] = true }

// writeSituation writes what the founder's words were read as, and the
// comparisons computed from their numbers; nothing when they stated none.
func writeSituation(b *strings.Builder, g Grounding) {
	s := g.Situation
	if s == nil || (len(s.Facts) == 0 && len(s.Unread) == 0) {
		return
	}
	w := wordsFor(g.Lang)
	b.WriteString("\n")
	if len(s.Facts) > 0 {
		b.WriteString(w.situation)
		for i, f := range s.Facts {
			if i > 0 {
				b.WriteString(w.sep)
			}
			b.WriteString(factText(f, g.Lang))
		}
		b.WriteString(w.stop)
		b.WriteString("\n")
	}
	for _, c := range s.Comparisons {
		if usedBy(g.Modes, c.Kind) {
			continue
		}
		b.WriteString("  - ")
		b.WriteString(c.Text.In(g.Lang))
		b.WriteString("\n")
	}
	for _, n := range s.Unread {
		b.WriteString(w.unread)
		b.WriteString(n.Text.In(g.Lang))
		b.WriteString("\n")
	}
}

// usedBy reports whether a shown risk's why says the comparison of kind.
func usedBy(ms []GroundedMode, kind string) bool {
	for _, gm := range ms {
		for _, c := range gm.Computed {
			if c.Kind == kind {
				return true
			}
		}
	}
	return false
}

// writeClaim writes a claim in lang followed by its first quote, verbatim
// and in Chinese, with its paragraph.
func writeClaim(b *strings.Builder, lang string, c knowledge.Claim, quoted *shown) {
	b.WriteString(trimStop(c.Text.In(lang)))
	b.WriteString(wordsFor(lang).stop)
	writeQuotes(b, lang, c.Citations, 1, quoted)
}

// writeQuotes writes up to n citations not shown yet: ". The article (para.
// 7): 「...」" or "。原文(第7段):「...」".
func writeQuotes(b *strings.Builder, lang string, cs []knowledge.Citation, n int, quoted *shown) {
	first := true
	for _, ct := range cs {
		if n == 0 {
			break
		}
		if quoted.has(ct.Quote) {
			continue
		}
		quoted.add(ct.Quote)
		n--
		p := strconv.Itoa(ct.Paragraph)
		switch {
		case lang == "en" && first:
			b.WriteString(" The article (para. " + p + "): 「")
		case lang == "en":
			b.WriteString("; para. " + p + ": 「")
		case first:
			b.WriteString("原文(第" + p + "段):「")
		default:
			b.WriteString(";第" + p + "段:「")
		}
		b.WriteString(ct.Quote)
		b.WriteString("」")
		first = false
	}
}

// writeFigure writes a benchmark: its label, the figure as the article
// writes it, and the quote it comes from (only its paragraph when the
// quote was shown already).
func writeFigure(b *strings.Builder, lang string, x *knowledge.Benchmark, quoted *shown) {
	b.WriteString(trimStop(x.Label.In(lang)))
	if lang == "en" {
		b.WriteString(": ")
		b.WriteString(x.Text)
		if m := money(x); m != "" {
			b.WriteString(" (")
			b.WriteString(m)
			b.WriteString(")")
		}
		b.WriteString(", para. ")
	} else {
		b.WriteString(":")
		b.WriteString(x.Text)
		b.WriteString(",第")
	}
	b.WriteString(strconv.Itoa(x.Citation.Paragraph))
	if quoted.has(x.Citation.Quote) {
		if lang != "en" {
			b.WriteString("段")
		}
		return
	}
	quoted.add(x.Citation.Quote)
	if lang == "en" {
		b.WriteString(": 「")
	} else {
		b.WriteString("段:「")
	}
	b.WriteString(x.Citation.Quote)
	b.WriteString("」")
}

// why says, in lang, why a risk applies to this founder: the assessment
// rules that fire on what they said; or else what they asked about and one
// warning sign offered as something to check, never asserted as theirs.
func why(lang string, terms []string, gm *GroundedMode) string {
	var b strings.Builder
	w := wordsFor(lang)
	if len(gm.Reasons) > 0 {
		b.WriteString(w.fromFacts)
		var parts []string
		for i, c := range gm.Computed {
			t := trimStop(c.Text.In(lang))
			if i > 0 { // "computed from your numbers" is said once
				t = strings.TrimPrefix(t, situation.ComputedOpening.In(lang))
			}
			parts = append(parts, t+w.stop)
		}
		for i, r := range gm.Reasons {
			if !gm.covered[i] {
				parts = append(parts, trimStop(r.Text.In(lang))+w.stop)
			}
		}
		b.WriteString(strings.Join(parts, w.space))
		return b.String()
	}
	if len(gm.Stated) > 0 && gm.Check != nil {
		b.WriteString(w.stated)
		writeTerms(&b, lang, gm.Stated)
		b.WriteString(w.isSign)
		b.WriteString(trimStop(gm.Check.Text.In(lang)))
		b.WriteString(w.stop)
		return b.String()
	}
	terms = meaningful(terms)
	if len(terms) == 0 {
		b.WriteString(w.common)
	} else {
		b.WriteString(w.asked)
		writeTerms(&b, lang, terms)
		b.WriteString(w.stop)
	}
	if gm.Check != nil {
		b.WriteString(w.space)
		b.WriteString(w.check)
		sign := trimStop(gm.Check.Text.In(lang))
		b.WriteString(sign)
		b.WriteString(w.checkEnd)
	}
	return strings.TrimSpace(b.String())
}

// writeTerms writes the founder's words, quoted.
func writeTerms(b *strings.Builder, lang string, terms []string) {
	w := wordsFor(lang)
	for i, t := range terms {
		if i > 0 {
			b.WriteString(w.termSep)
		}
		b.WriteString(w.quote(t))
	}
}

// firstSentence returns the first sentence of s that can stand alone: a
// leading short reply to the stance's own question ("不够。", "No.") is
// left out, since the answer does not show that question.
func firstSentence(s, lang string) string {
	minRunes, end := 12, "。"
	if lang == "en" {
		minRunes, end = 30, ". "
	}
	for {
		i := strings.Index(s, end)
		if i < 0 {
			return s
		}
		cut := i + len(strings.TrimSpace(end))
		if utf8.RuneCountInString(s[:cut]) >= minRunes {
			return s[:cut]
		}
		s = strings.TrimSpace(s[cut:])
	}
}

func trimStop(s string) string {
	s = strings.TrimSpace(s)
	for _, suf := range []string{"。", ".", ";", ";", "?", "?"} {
		s = strings.TrimSuffix(s, suf)
	}
	return s
}

// money glosses an amount for English readers: "US$153M", "CN¥1.2M".
func money(x *knowledge.Benchmark) string {
	cur := x.Currency
	if cur == "" {
		cur = x.Unit
	}
	var sym string
	switch {
	case strings.HasPrefix(cur, "USD"):
		sym = "US$"
	case strings.HasPrefix(cur, "CNY"):
		sym = "CN¥"
	default:
		return ""
	}
	v := x.Value
	if v <= 0 {
		return ""
	}
	suffix := ""
	for _, s := range []struct {
		div float64
		suf string
	}{{1e9, "B"}, {1e6, "M"}, {1e3, "K"}} {
		if v >= s.div {
			v, suffix = v/s.div, s.suf
			break
		}
	}
	return sym + strconv.FormatFloat(v, 'f', -1, 64) + suffix
}
