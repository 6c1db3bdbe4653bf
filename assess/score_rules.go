package assess

import (
	"fmt"

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

// ratio formats x as "13.9x".
func ratio(x float64) string { return fmt.Sprintf("%.1fx", x) }

// money formats v in the profile's currency for a reason.
func money(p Profile, v float64, lang string) string {
	return FormatAmount(Amount{Value: v, Currency: p.Currency}, lang)
}
