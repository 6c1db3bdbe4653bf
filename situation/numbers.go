package situation

import (
	"strings"
	"unicode/utf8"
)

// tokKind is what a number looks like on its own, before its neighbours say
// what it is.
type tokKind uint8

const (
	tokNumber   tokKind = iota // bare or scaled ("2000", "3000万", "2M"): an amount or a count
	tokMoney                   // with its currency written ("$3m", "30 块")
	tokDuration                // "18 个月", "一年半", "6 months"
	tokYear                    // "2023", "2023年": never a fact
	tokRatio                   // "3x", "50%", "2 倍": never a fact here
)

// token is one number in a normalized text.
type token struct {
	start, end int // byte span in the normalized text
	kind       tokKind
	sign       string // "-" for a negative number
	digits     string // digits or a Chinese numeral
	scale      string // 万, M, billion...
	unit       string // duration unit: 个月, years...
	cur        string // currency written with it
	hint       string // currency its scale suggests: 万 and 亿 CNY, k and M USD
	billions   bool   // "7b" with no currency: a parameter count, most likely
	weak       bool   // "三个", "5": kept only when what it counts is known
	yearish    bool   // "2023": a year unless a word after it says what it counts
}

// Scale words after a number, longest first; cn marks those that suggest yuan.
var scales = []struct {
	word string
	cn   bool
}{
	{"万亿", true}, {"千亿", true}, {"百亿", true}, {"千万", true}, {"百万", true}, {"十万", true}, {"亿", true}, {"万", true}, {"千", false}, {"百", false},
	{"trillion", false}, {"billion", false}, {"million", false}, {"thousand", false}, {"mn", false}, {"mm", false}, {"bn", false},
	{"k", false}, {"m", false}, {"b", false}, {"w", true},
}

// Currency markers before and after a number; longer ones first.
var (
	prefixCurrencies = []struct{ mark, code string }{{"us$", "USD"}, {"usd", "USD"}, {"$", "USD"}, {"rmb", "CNY"}, {"cny", "CNY"}, {"¥", "CNY"}, {"￥", "CNY"}}
	suffixCurrencies = []struct{ mark, code string }{
		{"美元", "USD"}, {"美金", "USD"}, {"块钱", "CNY"}, {"人民币", "CNY"}, {"元", "CNY"}, {"块", "CNY"}, {"刀", "USD"},
		{"usd", "USD"}, {"rmb", "CNY"}, {"cny", "CNY"}, {"dollars", "USD"}, {"dollar", "USD"}, {"bucks", "USD"}}
	durationUnits = []string{"个半月", "个月", "年半", "months", "month", "mos", "mo", "years", "year", "yrs", "yr", "月", "年"}
	// notDuration: after 月 or 年 these make a date or an age, not a span.
	notDuration = []string{"份", "初", "底", "中", "末", "号", "日", "薪", "代", "级", "前", "后"}
	rangeMarks  = []string{"-", "~", "到", "至", "to "}
)

const cnNumerals = "零〇一二两三四五六七八九十百千万亿"

func isCNDigit(r rune) bool { return strings.ContainsRune("零〇一二两三四五六七八九", r) }

// scanNumbers appends the numbers in the normalized text s to buf.
func scanNumbers(s string, buf []token) []token {
	for i := 0; i < len(s); {
		if isDigit(s[i]) {
			if glued(s, i) {
				i = skipWord(s, i)
				continue
			}
			t := scanArabic(s, i, true)
			buf = append(buf, t)
			i = t.end
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if isCNDigit(r) || r == '十' || r == '半' {
			if t, ok := scanChinese(s, i); ok {
				buf = append(buf, t)
				i = t.end
				continue
			}
		}
		i += size
	}
	return buf
}

// num is the number for assess.ParseAmount and ParseCount; dur for ParseMonths.
func (t token) num() string { return t.sign + t.digits + t.scale }
func (t token) dur() string { return t.sign + t.digits + t.unit }

// glued reports whether the digit at i belongs to a name: A800, GPT-4, qwen2.5.
func glued(s string, i int) bool {
	if i == 0 {
		return false
	}
	p := s[i-1]
	return isLetter(p) || (p == '-' || p == '.' || p == '_' || p == '/') && i > 1 && isAlnum(s[i-2])
}

func skipWord(s string, i int) int {
	for i < len(s) && (isAlnum(s[i]) || (s[i] == '.' || s[i] == '-') && i+1 < len(s) && isAlnum(s[i+1])) {
		i++
	}
	return i
}

// space skips one space at i.
func space(s string, i int) int {
	if i < len(s) && s[i] == ' ' {
		return i + 1
	}
	return i
}

// scanArabic reads a number written in digits at i, with the currency,
// sign, scale and unit around it, and a range ("6-9 个月") when allowed.
func scanArabic(s string, i int, ranges bool) token {
	t := token{start: i}
	// Currency and sign before the digits.
	p := i
	if p > 0 && s[p-1] == ' ' {
		p--
	}
	for _, c := range prefixCurrencies {
		if strings.HasSuffix(s[:p], c.mark) && (!isLetter(c.mark[0]) || p-len(c.mark) == 0 || !isAlnum(s[p-len(c.mark)-1])) {
			t.cur, t.start = c.code, p-len(c.mark)
			break
		}
	}
	sign := ""
	switch {
	case t.start > 0 && s[t.start-1] == '-' && (t.start == 1 || !isAlnum(s[t.start-2])):
		sign, t.start = "-", t.start-1
	case strings.HasSuffix(s[:t.start], "负"):
		sign, t.start = "-", t.start-len("负")
	}
	// Digits, thousands commas, one decimal point.
	j, dot := i, false
	for j < len(s) {
		switch {
		case isDigit(s[j]):
		case s[j] == ',' && thousands(s[j+1:]):
		case s[j] == '.' && !dot && j+1 < len(s) && isDigit(s[j+1]):
			dot = true
		default:
			goto body
		}
		j++
	}
body:
	digits := strings.ReplaceAll(s[i:j], ",", "")
	scale, end := scaleAt(s, space(s, j))
	if scale == "" && strings.HasPrefix(s[j:], "多") { // "100多万": the lower bound
		scale, end = scaleAt(s, j+len("多"))
	}
	if scale != "" {
		j = end
		if scale == "亿" { // "1亿5000万"
			k := j
			for k < len(s) && isDigit(s[k]) {
				k++
			}
			if k > j && (strings.HasPrefix(s[k:], "万") || strings.HasPrefix(s[k:], "千")) {
				scale += s[j:k] + s[k:k+len("万")]
				j = k + len("万")
			}
		}
		t.hint = "USD"
		for _, sc := range scales {
			if strings.HasPrefix(scale, sc.word) && sc.cn {
				t.hint = "CNY"
			}
		}
		if strings.HasPrefix(scale, "千") || strings.HasPrefix(scale, "百") {
			t.hint = ""
		}
	}
	t.sign, t.digits, t.scale = sign, digits, scale
	t.end = j
	if code, e := currencyAfter(s, space(s, j)); code != "" {
		if t.cur == "" {
			t.cur = code
		}
		t.end = e
	}
	switch {
	case t.cur != "":
		t.kind = tokMoney
	case scale != "":
		t.billions = scale == "b" || scale == "bn" || scale == "billion"
	default:
		if u, e := durationAt(s, space(s, j)); u != "" {
			t.kind, t.unit, t.end = tokDuration, u, e
			if (u == "年") && isYear(digits) {
				t.kind = tokYear
			}
		} else if j+1 < len(s) && s[j] == '-' && isLetter(s[j+1]) {
			t.weak = true // "20-person", "3-year"
		} else if e := ratioAt(s, j); e > j {
			t.kind, t.end = tokRatio, e
		} else if isYear(digits) {
			t.yearish = true
		} else if !dot && len(digits) == 1 {
			t.weak = true
		}
	}
	if ranges {
		t = withRange(s, t)
	}
	return t
}

// withRange extends t over "-9 个月", "~3M", "到 5000万": the range is read
// as its lower bound, in the unit written after its upper bound.
func withRange(s string, t token) token {
	k := space(s, t.end)
	for _, m := range rangeMarks {
		if !strings.HasPrefix(s[k:], m) {
			continue
		}
		n := space(s, k+len(m))
		if n >= len(s) || !isDigit(s[n]) {
			return t
		}
		u := scanArabic(s, n, false)
		if t.kind == tokNumber && t.scale == "" && t.cur == "" {
			t.kind, t.cur, t.hint, t.billions = u.kind, u.cur, u.hint, u.billions
			t.scale, t.unit, t.weak = u.scale, u.unit, false
			if t.kind == tokYear {
				t.kind = tokNumber
			}
		}
		t.end = u.end
		return t
	}
	return t
}

func scaleAt(s string, i int) (string, int) {
	for _, sc := range scales {
		w := sc.word
		if strings.HasPrefix(s[i:], w) && (!isLetter(w[0]) || i+len(w) == len(s) || !isLetter(s[i+len(w)])) {
			return w, i + len(w)
		}
	}
	return "", i
}

func currencyAfter(s string, i int) (string, int) {
	for _, c := range suffixCurrencies {
		if strings.HasPrefix(s[i:], c.mark) && (!isLetter(c.mark[0]) || i+len(c.mark) == len(s) || !isLetter(s[i+len(c.mark)])) {
			return c.code, i + len(c.mark)
		}
	}
	return "", i
}

func durationAt(s string, i int) (string, int) {
	for _, u := range durationUnits {
		if !strings.HasPrefix(s[i:], u) {
			continue
		}
		e := i + len(u)
		if isLetter(u[0]) && e < len(s) && isLetter(s[e]) {
			continue
		}
		if u == "月" || u == "年" {
			for _, x := range notDuration {
				if strings.HasPrefix(s[e:], x) {
					return "", i
				}
			}
		}
		return u, e
	}
	return "", i
}

// ratioAt returns the end of a ratio or percent sign right after a number.
func ratioAt(s string, i int) int {
	k := space(s, i)
	switch {
	case strings.HasPrefix(s[k:], "%"):
		return k + 1
	case strings.HasPrefix(s[k:], "倍"):
		return k + len("倍")
	case strings.HasPrefix(s[i:], "x") && (i+1 == len(s) || !isLetter(s[i+1])):
		return i + 1
	case strings.HasPrefix(s[i:], "×"):
		return i + len("×")
	}
	return i
}

func isYear(digits string) bool {
	return len(digits) == 4 && (strings.HasPrefix(digits, "19") || strings.HasPrefix(digits, "20"))
}

// scanChinese reads a number written in Chinese numerals at i ("两千万",
// "一年半", "半年", "三十块"). A numeral with nothing after it that makes it a
// quantity ("一直", "一家") is not a number.
func scanChinese(s string, i int) (token, bool) {
	t := token{start: i}
	if strings.HasSuffix(s[:i], "第") || strings.HasSuffix(s[:i], "几") || strings.HasSuffix(s[:i], "数") {
		return t, false
	}
	if strings.HasPrefix(s[i:], "半年") || strings.HasPrefix(s[i:], "半个月") {
		u := "半年"
		if strings.HasPrefix(s[i:], "半个月") {
			u = "半个月"
		}
		return token{start: i, end: i + len(u), kind: tokDuration, unit: u}, true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	if r == '半' {
		return t, false
	}
	j := i
	big := false
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !strings.ContainsRune(cnNumerals, r) {
			break
		}
		big = big || r == '万' || r == '亿'
		j += size
	}
	run := s[i:j]
	if strings.HasPrefix(s[j:], "多") { // "十多万"
		if sc, e := scaleAt(s, j+len("多")); sc == "万" || sc == "亿" {
			run += sc
			big, j = true, e
		}
	}
	sign := ""
	if strings.HasSuffix(s[:i], "负") {
		sign, t.start = "-", i-len("负")
	}
	t.sign, t.digits, t.end = sign, run, j
	if big {
		t.hint = "CNY"
	}
	if u, e := durationAt(s, j); u != "" {
		t.kind, t.unit, t.end = tokDuration, u, e
		return t, true
	}
	if code, e := currencyAfter(s, j); code != "" {
		t.kind, t.cur, t.end = tokMoney, code, e
		return t, true
	}
	if big {
		return t, true
	}
	if utf8.RuneCountInString(run) == 1 && !strings.HasPrefix(s[j:], "个") && !strings.HasPrefix(s[j:], "张") && !strings.HasPrefix(s[j:], "台") {
		return t, false
	}
	t.weak = true
	return t, true
}
