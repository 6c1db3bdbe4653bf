package advisor

import (
	"regexp"
	"strings"
)

// Figures. A figure is a number with a currency, a magnitude or a unit:
// 1.53亿美元, 20亿, 50%, $153M, 3倍, 10 GW. Bare numbers (years, counts in
// prose) are not figures. A figure in the model's text must appear in the
// entries it cites or in the founder's own words; otherwise it is flagged:
// listed in Checks.FlaggedFigures and marked in the text, right after the
// figure, with "(未核实)" or "(unverified)". Marking rather than removing
// keeps the sentence readable and tells the reader exactly which number
// to distrust.

var figureRe = regexp.MustCompile(
	`(?:US\$|\$|¥|￥)\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:万亿|千亿|百亿|亿|千万|百万|万|千|trillion\b|billion\b|million\b|thousand\b|[kKmMbB]n?\b))?` +
		`|\d[\d,]*(?:\.\d+)?\s?(?:万亿|千亿|百亿|亿|千万|百万|万|千|trillion\b|billion\b|million\b|[kKmMbB]n?\b)(?:\s?(?:美元|元|人民币|港元|dollars?\b|yuan\b|USD\b|CNY\b|RMB\b|张|块|台))?` +
		`|\d[\d,]*(?:\.\d+)?\s?(?:%|％|美元|元|人民币|倍|x\b|×|张|块|台|MWh\b|GWh\b|TWh\b|kWh\b|GW\b|MW\b|USD\b|CNY\b|RMB\b)`)

// extractFigures returns the figures in s with their byte offsets.
func extractFigures(s string) [][2]int {
	var out [][2]int
	for _, m := range figureRe.FindAllStringIndex(s, -1) {
		// A match that starts inside a longer number ("12" of "3.12亿")
		// is part of that number: regexp leftmost matching makes this rare,
		// but a decimal point or digit just before means we cut a number.
		if m[0] > 0 && (isDigit(s[m[0]-1]) || s[m[0]-1] == '.') {
			continue
		}
		out = append(out, [2]int{m[0], m[1]})
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

var figureNorm = strings.NewReplacer("％", "%", "￥", "¥", "US$", "$", "\u00a0", " ")

// normFigure makes spellings of one figure comparable: lower case, one
// symbol per currency, no thousands commas, no spaces except between two
// digits (where removing one would join two numbers).
func normFigure(s string) string {
	s = strings.ToLower(figureNorm.Replace(s))
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == ',' {
			if i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
				if c == ' ' {
					b.WriteByte(c)
				}
				continue
			}
			if c == ',' {
				b.WriteByte(c)
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// figureIn reports whether fig appears in corpus (both normalized), not as
// the tail of a longer number ("5%" is not in "15%").
func figureIn(fig, corpus string) bool {
	for i := 0; ; {
		j := strings.Index(corpus[i:], fig)
		if j < 0 {
			return false
		}
		j += i
		if j == 0 || !(isDigit(corpus[j-1]) || corpus[j-1] == '.') {
			return true
		}
		i = j + 1
	}
}

// markFigures marks the figures in text that the normalized corpus
// corpusAt(end) does not hold, where end is where the figure's sentence
// ends: citations up to there count for it. While streaming (final false)
// a figure whose sentence has not ended is shown unmarked and the text
// after it held back (held true); so is a number at the very end, which
// may still grow into a figure.
func markFigures(text string, final bool, lang string, corpusAt func(end int) string) (string, []string, bool) {
	figs := extractFigures(text)
	held := !final && mayGrowFigure(text)
	if len(figs) == 0 {
		return text, nil, held
	}
	mark := "(未核实)"
	if lang == "en" {
		mark = " (unverified)"
	}
	var b strings.Builder
	var flagged []string
	last := 0
	for _, f := range figs {
		end, ok := sentenceEnd(text, f[1], final)
		if !ok {
			b.WriteString(text[last:f[1]])
			return b.String(), flagged, true
		}
		fig := text[f[0]:f[1]]
		if figureIn(normFigure(fig), corpusAt(end)) {
			continue
		}
		flagged = append(flagged, strings.TrimSpace(fig))
		b.WriteString(text[last:f[1]])
		b.WriteString(mark)
		last = f[1]
	}
	if flagged == nil {
		return text, nil, held
	}
	b.WriteString(text[last:])
	return b.String(), flagged, held
}

// sentenceEnd returns where the sentence holding offset from ends: at a
// full stop, question or exclamation mark, semicolon or line break (an
// ASCII full stop only before a space). At the end of a finished text the
// sentence ends there; while streaming it has not ended yet (ok false).
func sentenceEnd(text string, from int, final bool) (int, bool) {
	for i := from; i < len(text); i++ {
		switch c := text[i]; c {
		case '\n', '!', '?', ';':
			return i, true
		case '.':
			if i+1 < len(text) && (text[i+1] == ' ' || text[i+1] == '\n') {
				return i, true
			}
		case 0xE3, 0xEF: // 。 is E3 80 82; ! ? ; are EF BC 81 / 9F / 9B
			if r := text[i:min(i+3, len(text))]; r == "。" || r == "!" || r == "?" || r == ";" {
				return i, true
			}
		}
	}
	if final {
		return len(text), true
	}
	return 0, false
}

// mayGrowFigure reports whether the end of a streaming text could still
// become part of a figure: a digit, or a currency sign, perhaps followed
// by a decimal point, comma or space.
func mayGrowFigure(text string) bool {
	t := strings.TrimRight(text, " .,")
	return t != "" && (isDigit(t[len(t)-1]) || strings.HasSuffix(t, "$") || strings.HasSuffix(t, "¥") || strings.HasSuffix(t, "￥"))
}
