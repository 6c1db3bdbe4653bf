package advisor

import (
	"strconv"
	"strings"

	"github.com/premortem/premortem/knowledge"
)

// Compose writes the builtin answer: deterministic, from the grounding
// alone, in the question's language. Each shown risk gets its ID as code,
// why it applies to this question, the article's evidence (its figure and
// a verbatim quote), and what to do. An off-topic question gets a short,
// polite reply that cites nothing.
func (a *Advisor) Compose(g Grounding) string {
	const maxOtherFigures = 2
	var b strings.Builder
	b.Grow(2048)
	w := wordsFor(g.Lang)
	if g.OffTopic() {
		b.WriteString(w.offTopic)
		return b.String()
	}
	if len(g.Modes) == 1 {
		b.WriteString(w.introOne)
	} else {
		b.WriteString(strings.Replace(w.introMany, "%d", strconv.Itoa(len(g.Modes)), 1))
	}
	b.WriteString("\n")
	shown := map[string]bool{}
	for i, gm := range g.Modes {
		b.WriteString("\n")
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteString(". `")
		b.WriteString(gm.Mode.ID)
		b.WriteString("` ")
		b.WriteString(gm.Mode.Title.In(g.Lang))
		b.WriteString("\n")
		b.WriteString(w.why)
		b.WriteString(g.Risks[i].Why)
		b.WriteString("\n")
		for _, e := range gm.Evidence {
			b.WriteString(w.evidence)
			writeClaim(&b, g.Lang, e)
			b.WriteString("\n")
		}
		for _, x := range gm.Benchmarks {
			shown[x.ID] = true
			b.WriteString(w.figure)
			writeFigure(&b, g.Lang, x)
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
	first, others := true, 0
	for _, ref := range g.Benchmarks {
		if shown[ref.ID] || a.kb == nil || others == maxOtherFigures {
			continue
		}
		others++
		x, ok := a.kb.Benchmark(ref.ID)
		if !ok {
			continue
		}
		if first {
			b.WriteString("\n")
			b.WriteString(w.alsoFigures)
			b.WriteString("\n")
			first = false
		}
		b.WriteString("  - ")
		writeFigure(&b, g.Lang, x)
		b.WriteString("\n")
	}
	b.WriteString("\n")
	b.WriteString(strings.Replace(w.more, "%s", g.Modes[0].Mode.ID, 1))
	return b.String()
}

// writeClaim writes a claim in lang followed by its first quote, verbatim
// and in Chinese, with its paragraph.
func writeClaim(b *strings.Builder, lang string, c knowledge.Claim) {
	b.WriteString(trimStop(c.Text.In(lang)))
	if len(c.Citations) == 0 {
		b.WriteString(wordsFor(lang).stop)
		return
	}
	ct := c.Citations[0]
	if lang == "en" {
		b.WriteString(". The article (para. ")
		b.WriteString(strconv.Itoa(ct.Paragraph))
		b.WriteString("): 「")
		b.WriteString(ct.Quote)
		b.WriteString("」")
		return
	}
	b.WriteString("。原文(第")
	b.WriteString(strconv.Itoa(ct.Paragraph))
	b.WriteString("段):「")
	b.WriteString(ct.Quote)
	b.WriteString("」")
}

// writeFigure writes a benchmark: its label, the figure as the article
// writes it, and the quote it comes from.
func writeFigure(b *strings.Builder, lang string, x *knowledge.Benchmark) {
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
	if lang == "en" {
		b.WriteString(": 「")
	} else {
		b.WriteString("段:「")
	}
	b.WriteString(x.Citation.Quote)
	b.WriteString("」")
}

// why says, in lang, why mode m applies to this question: the question's
// own words that matched, and the warning sign they point to.
func why(lang string, terms []string, signals []knowledge.Claim, m *knowledge.Mode) string {
	var b strings.Builder
	sign := m.Summary.In(lang)
	if len(signals) > 0 {
		sign = signals[0].Text.In(lang)
	}
	sign = trimStop(sign)
	if lang == "en" {
		if len(terms) == 0 {
			b.WriteString("This is one of the commonest ways an AI start-up dies: ")
		} else {
			b.WriteString("You mention ")
			for i, t := range terms {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString("“")
				b.WriteString(t)
				b.WriteString("”")
			}
			b.WriteString(", which points to this warning sign: ")
		}
		b.WriteString(lowerFirst(sign))
		b.WriteString(".")
		return b.String()
	}
	if len(terms) == 0 {
		b.WriteString("这是大模型创业最常见的死法之一:")
	} else {
		b.WriteString("你提到")
		for _, t := range terms {
			b.WriteString("「")
			b.WriteString(t)
			b.WriteString("」")
		}
		b.WriteString(",对应这个宿命的警示信号:")
	}
	b.WriteString(sign)
	b.WriteString("。")
	return b.String()
}

func trimStop(s string) string {
	s = strings.TrimSpace(s)
	for _, suf := range []string{"。", ".", ";", ";"} {
		s = strings.TrimSuffix(s, suf)
	}
	return s
}

func lowerFirst(s string) string {
	if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z') {
		return string(s[0]+'a'-'A') + s[1:]
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
