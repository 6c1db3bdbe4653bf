package situation

import (
	"math"
	"strconv"
	"strings"

	"github.com/premortem/premortem/assess"
)

// Figures as the comparisons write them. Amounts and months use the
// assessment's own formats, which its parsers read back.

func money(cur string, v float64, lang string) string {
	return assess.FormatAmount(assess.Amount{Value: v, Currency: cur}, lang)
}

func months(m float64, lang string) string { return assess.FormatMonths(m, lang) }

// ratio writes a multiple: "24", "13.9", "0.45".
func ratio(x float64) string {
	if x < 1 {
		return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64)
	}
	return strconv.FormatFloat(round1(x), 'f', -1, 64)
}

// percent writes a share: "2%", "0.5%", "37.5%".
func percent(x float64) string {
	p := x * 100
	if p < 1 {
		return strconv.FormatFloat(math.Round(p*100)/100, 'f', -1, 64) + "%"
	}
	return strconv.FormatFloat(round1(p), 'f', -1, 64) + "%"
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

// count writes a number of people: "2000" in Chinese, "2,000" in English.
func count(n float64, lang string) string {
	s := strconv.FormatFloat(math.Round(n), 'f', 0, 64)
	if lang == "zh" || len(s) <= 3 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// figuresIn returns the figures a text shows, as written: amounts with a
// scale or currency, multiples, shares and durations ("2400万美元", "$24M",
// "24 倍", "13.9x", "2%", "6 个月"). Bare numbers are not figures.
func figuresIn(s string) []string {
	t := normalize(s)
	var out []string
	for _, tk := range scanNumbers(t.norm, nil) {
		if tk.kind == tokYear || tk.weak || tk.kind == tokNumber && tk.scale == "" {
			continue
		}
		if f := t.source(tk.start, tk.end); f != "" {
			out = append(out, f)
		}
	}
	return out
}
