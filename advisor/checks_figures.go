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

// checkFigures marks figures in text absent from corpus and returns them.
func checkFigures(text, corpus, lang string) (string, []string) {
	figs := extractFigures(text)
	if len(figs) == 0 {
		return text, nil
	}
	nc := normFigure(corpus)
	mark := "(未核实)"
	if lang == "en" {
		mark = " (unverified)"
	}
	var b strings.Builder
	var flagged []string
	last := 0
	for _, f := range figs {
		fig := text[f[0]:f[1]]
		if figureIn(normFigure(fig), nc) {
			continue
		}
		flagged = append(flagged, strings.TrimSpace(fig))
		b.WriteString(text[last:f[1]])
		b.WriteString(mark)
		last = f[1]
	}
	if flagged == nil {
		return text, nil
	}
	b.WriteString(text[last:])
	return b.String(), flagged
}
