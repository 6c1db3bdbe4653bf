package assess

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Bounds beyond which a number is taken for a typo, not a company.
const (
	MaxAmount = 1e13 // ten trillion in any currency
	MaxMonths = 1200 // a hundred years of runway
	MaxCount  = 1e10 // more paying users than people
	maxDigits = 24   // longer numerals are refused before parsing
	maxInput  = 64   // bytes; answers longer than this are not numbers
)

// Amount is money as a founder wrote it. Currency is "USD", "CNY" or "" when
// the text names none.
type Amount struct {
	Value    float64
	Currency string
}

// ParseAmount reads money the way people write it: "1.5亿", "150M",
// "1,500万元", "$2.3m", "2.3 million", "两千万", "1亿5000万".
func ParseAmount(s string) (Amount, error) {
	t, cur, err := normalize(s, true)
	if err != nil {
		return Amount{}, err
	}
	v, err := parseScaled(t, s)
	if err != nil {
		return Amount{}, err
	}
	if v > MaxAmount {
		return Amount{}, &ParseError{Input: s, Kind: ErrTooLarge}
	}
	return Amount{Value: v, Currency: cur}, nil
}

// ParseCount reads a count of people or things: "10万", "100k", "2,000".
func ParseCount(s string) (float64, error) {
	n, err := parseCount(s)
	return n, want(err, KindCount)
}

func parseCount(s string) (float64, error) {
	t, cur, err := normalize(s, true)
	if err != nil {
		return 0, err
	}
	if cur != "" {
		return 0, &ParseError{Input: s, Kind: ErrNotNumber}
	}
	t = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(t, "users"), "人"), "个")
	v, err := parseScaled(t, s)
	if err != nil {
		return 0, err
	}
	if v > MaxCount {
		return 0, &ParseError{Input: s, Kind: ErrTooLarge}
	}
	return math.Round(v), nil
}

// ParseMonths reads a duration in months: "12 months", "18个月", "一年半",
// "半年", "3 years", "2年", "a year and a half". A bare number is months.
func ParseMonths(s string) (float64, error) {
	m, err := parseMonths(s)
	if err != nil {
		if v, ok := englishDuration(s); ok {
			if v > MaxMonths {
				return 0, &ParseError{Input: s, Kind: ErrTooLarge, Want: KindMonths}
			}
			return v, nil
		}
	}
	return m, want(err, KindMonths)
}

func parseMonths(s string) (float64, error) {
	t, cur, err := normalize(s, false)
	if err != nil {
		return 0, err
	}
	if cur != "" {
		return 0, &ParseError{Input: s, Kind: ErrNotNumber}
	}
	bad := &ParseError{Input: s, Kind: ErrNotNumber}
	var n float64
	rest := t
	if !strings.HasPrefix(t, "半") {
		num, r, ok := leadingNumber(t)
		if !ok {
			return 0, bad
		}
		n, rest = num, r
	}
	var v float64
	switch {
	case rest == "" || slices.Contains(monthUnits, rest):
		v = n
	case slices.Contains(yearUnits, rest):
		v = 12 * n
	case rest == "年半" && n > 0:
		v = 12*n + 6
	case rest == "个半月" && n > 0:
		v = n + 0.5
	case rest == "半年" && n == 0:
		v = 6
	case (rest == "半个月" || rest == "半月") && n == 0:
		v = 0.5
	default:
		return 0, bad
	}
	if v > MaxMonths {
		return 0, &ParseError{Input: s, Kind: ErrTooLarge}
	}
	return v, nil
}

var (
	monthUnits = []string{"个月", "月", "months", "month", "mos", "mo", "m"}
	yearUnits  = []string{"年", "years", "year", "yrs", "yr", "y"}
)

// currencies maps markers to ISO codes; longer markers come first so that
// "us$" is not read as "$".
var currencies = []struct{ mark, code string }{
	{"人民币", "CNY"}, {"块钱", "CNY"}, {"美元", "USD"}, {"美金", "USD"},
	{"us$", "USD"}, {"usd", "USD"}, {"rmb", "CNY"}, {"cny", "CNY"},
	{"dollars", "USD"}, {"dollar", "USD"},
	{"$", "USD"}, {"¥", "CNY"}, {"￥", "CNY"}, {"元", "CNY"}, {"块", "CNY"},
}

// normalize lower-cases s, drops spaces and thousands separators, maps
// full-width digits, strips a currency marker and refuses negatives.
func normalize(s string, money bool) (string, string, error) {
	if strings.TrimSpace(s) == "" {
		return "", "", &ParseError{Input: s, Kind: ErrEmpty}
	}
	if len(s) > maxInput {
		return "", "", &ParseError{Input: s, Kind: ErrNotNumber}
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsSpace(r) || r == ',' || r == '，' || r == '_' || r == '\'':
			continue
		case r == '￥':
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			r = unicode.ToLower(r - 0xFEE0)
		case r == '。':
			r = '.'
		case r == '−':
			r = '-'
		}
		b.WriteRune(r)
	}
	t := b.String()
	for _, p := range []string{"约", "大约", "about", "around", "approx.", "~"} {
		t = strings.TrimPrefix(t, p)
	}
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "负") {
		return "", "", &ParseError{Input: s, Kind: ErrNegative}
	}
	t = strings.TrimPrefix(t, "+")
	cur := ""
	if money {
		for _, c := range currencies {
			if strings.HasPrefix(t, c.mark) {
				t, cur = t[len(c.mark):], c.code
				break
			}
		}
		for _, c := range currencies {
			if strings.HasSuffix(t, c.mark) {
				if cur != "" && cur != c.code {
					return "", "", &ParseError{Input: s, Kind: ErrCurrency}
				}
				t, cur = t[:len(t)-len(c.mark)], c.code
				break
			}
		}
		if strings.HasPrefix(t, "-") {
			return "", "", &ParseError{Input: s, Kind: ErrNegative}
		}
	}
	return t, cur, nil
}

// multipliers are the scale words that may follow a number; Chinese ones
// chain ("千万" is 千 times 万).
var multipliers = []struct {
	word string
	mul  float64
}{
	{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
	{"mn", 1e6}, {"mm", 1e6}, {"bn", 1e9},
	{"k", 1e3}, {"m", 1e6}, {"b", 1e9}, {"w", 1e4},
	{"十", 10}, {"百", 100}, {"千", 1e3}, {"万", 1e4}, {"亿", 1e8},
}

// parseScaled reads a number followed by scale words, optionally followed
// by a smaller remainder ("1亿5000万").
func parseScaled(t, orig string) (float64, error) {
	bad := &ParseError{Input: orig, Kind: ErrNotNumber}
	n, rest, ok := leadingNumber(t)
	if !ok {
		return 0, bad
	}
	mul := 1.0
	for rest != "" {
		found := false
		for _, m := range multipliers {
			if strings.HasPrefix(rest, m.word) {
				mul *= m.mul
				rest = rest[len(m.word):]
				found = true
				break
			}
		}
		if !found || mul > 1e15 {
			break
		}
	}
	v := n * mul
	if rest != "" {
		if mul == 1 {
			return 0, bad
		}
		r, err := parseScaled(rest, orig)
		if err != nil || r >= mul {
			return 0, bad
		}
		v += r
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, &ParseError{Input: orig, Kind: ErrTooLarge}
	}
	return v, nil
}

// leadingNumber reads an ASCII decimal ("1.5") or a Chinese numeral
// ("一亿二千万", "十八") at the start of t.
func leadingNumber(t string) (float64, string, bool) {
	i := 0
	dot := false
	for i < len(t) && (t[i] >= '0' && t[i] <= '9' || t[i] == '.' && !dot) {
		if t[i] == '.' {
			dot = true
		}
		i++
	}
	if i > 0 {
		if i > maxDigits || t[:i] == "." {
			return 0, t, false
		}
		v, err := strconv.ParseFloat(strings.TrimSuffix(t[:i], "."), 64)
		if err != nil {
			return 0, t, false
		}
		return v, t[i:], true
	}
	return chineseNumber(t)
}

var cnDigits = map[rune]float64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
var cnUnits = map[rune]float64{'十': 10, '百': 100, '千': 1000}

// chineseNumber parses a Chinese numeral prefix, 万 and 亿 included.
func chineseNumber(t string) (float64, string, bool) {
	var total, section, num float64
	seen := false
	end := len(t)
	for i, r := range t {
		if d, ok := cnDigits[r]; ok {
			num, seen = d, true
			continue
		}
		if u, ok := cnUnits[r]; ok {
			if num == 0 {
				num = 1
			}
			section += num * u
			num, seen = 0, true
			continue
		}
		if seen && r == '万' {
			section = (section + num) * 1e4
			total += section
			section, num = 0, 0
			continue
		}
		if seen && r == '亿' {
			total = (total + section + num) * 1e8
			section, num = 0, 0
			continue
		}
		end = i
		break
	}
	if !seen {
		return 0, t, false
	}
	return total + section + num, t[end:], true
}

// FormatAmount writes a in the founder's language so that ParseAmount reads
// it back: "1.53亿美元" or "$153M".
func FormatAmount(a Amount, lang string) string {
	v := a.Value
	if lang == "zh" {
		unit := ""
		switch {
		case v >= 1e8:
			v, unit = v/1e8, "亿"
		case v >= 1e4:
			v, unit = v/1e4, "万"
		}
		cur := map[string]string{"USD": "美元", "CNY": "元"}[a.Currency]
		return trimFloat(v) + unit + cur
	}
	unit := ""
	switch {
	case v >= 1e9:
		v, unit = v/1e9, "B"
	case v >= 1e6:
		v, unit = v/1e6, "M"
	case v >= 1e4:
		v, unit = v/1e3, "K"
	}
	switch a.Currency {
	case "USD":
		return "$" + trimFloat(v) + unit
	case "CNY":
		return "¥" + trimFloat(v) + unit
	}
	return trimFloat(v) + unit
}

func trimFloat(v float64) string {
	s := strconv.FormatFloat(v, 'f', 4, 64)
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}

// FormatMonths writes a duration for people: "18个月" or "18 months".
func FormatMonths(m float64, lang string) string {
	if lang == "zh" {
		return trimFloat(m) + "个月"
	}
	if m == 1 {
		return "1 month"
	}
	return fmt.Sprintf("%s months", trimFloat(m))
}
