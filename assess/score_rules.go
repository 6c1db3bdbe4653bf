package assess

import (
	"fmt"
	"math"
	"slices"

	"github.com/premortem/premortem/knowledge"
)

// CNYPerUSD converts yuan to dollars where a rule compares an amount with a
// dollar figure from the article; the rate is rough on purpose (2024).
const CNYPerUSD = 7.2

// Rules returns every scoring rule, grouped by mode in the article's order.
// Each rule's doc comment says which passage grounds it.
func Rules() []Rule {
	var rs []Rule
	rs = append(rs, marketRules()...)
	rs = append(rs, openSourceRules()...)
	rs = append(rs, scenarioRules()...)
	rs = append(rs, generalityRules()...)
	rs = append(rs, segmentRules()...)
	rs = append(rs, capitalRules()...)
	rs = append(rs, onDeviceRules()...)
	return rs
}

func txt(zh, en string) knowledge.Text { return knowledge.Text{ZH: zh, EN: en} }

func bench(id, phrase string) Ref { return Ref{Benchmark: id, Phrase: phrase} }

func quote(phrase string) Ref { return Ref{Phrase: phrase} }

// favour is a finding in the founder's favour: no points, listed apart.
func favour(text knowledge.Text, refs ...Ref) Finding {
	return Finding{Text: text, Refs: refs, Favour: true}
}

func isTrue(b *bool) bool  { return b != nil && *b }
func isFalse(b *bool) bool { return b != nil && !*b }

// usd returns v in US dollars, or ok=false when the currency is unknown.
func usd(p Profile, v float64) (float64, bool) {
	switch p.Currency {
	case "USD":
		return v, true
	case "CNY":
		return v / CNYPerUSD, true
	}
	return 0, false
}

// cny returns v in yuan, or ok=false when the currency is unknown.
func cny(p Profile, v float64) (float64, bool) {
	switch p.Currency {
	case "USD":
		return v * CNYPerUSD, true
	case "CNY":
		return v, true
	}
	return 0, false
}

// towards scales points with the distance travelled towards a benchmark:
// share 0 (nothing yet) gives hi, share 1 (there) gives lo, linearly.
func towards(share float64, lo, hi int) int {
	share = min(1, max(0, share))
	return int(math.Round(float64(hi) - share*float64(hi-lo)))
}

// logPoints gives pts at x == ref and grows with log(x) from 0 at x == 1,
// clamped to lo..hi: a ratio twice as far from 1 adds the same points again.
func logPoints(x, ref float64, pts, lo, hi int) int {
	if x <= 1 {
		return lo
	}
	v := float64(pts) * math.Log(x) / math.Log(ref)
	return min(hi, max(lo, int(math.Round(v))))
}

// ratio formats x as "13.9x".
func ratio(x float64) string { return fmt.Sprintf("%.1fx", x) }

// percent formats a share as "2%" (or "0.5%" under one percent).
func percent(share float64) string {
	if share < 0.01 {
		return fmt.Sprintf("%.1f%%", 100*share)
	}
	return fmt.Sprintf("%.0f%%", 100*share)
}

// money formats v in the profile's currency for a reason.
func money(p Profile, v float64, lang string) string {
	return FormatAmount(Amount{Value: v, Currency: p.Currency}, lang)
}

// knownNot reports whether a choice field is answered with none of values.
func knownNot(v string, values ...string) bool { return v != "" && !slices.Contains(values, v) }
