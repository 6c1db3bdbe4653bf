package situation

import (
	"fmt"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/knowledge"
)

// priceComparison: price x paying users x 12 as yearly revenue, beside the
// article's consumer arithmetic ("10万级的付费用户数才能做出几千万的营收").
func (r *Reader) priceComparison(b basis, price, users float64) (Comparison, bool) {
	bm, ok := r.benchmark(benchConsumerRevenue)
	if !ok || bm.Value <= 0 || b.cur == "" {
		return Comparison{}, false
	}
	var f figs
	sum := knowledge.Text{
		ZH: fmt.Sprintf("%s 个付费用户 × 每月 %s × 12 = 每年 %s", count(users, "zh"), f.add(money(b.cur, price, "zh")), f.add(money(b.cur, b.revenue, "zh"))),
		EN: fmt.Sprintf("%s paying users × %s a month × 12 = %s a year", count(users, "en"), f.add(money(b.cur, price, "en")), f.add(money(b.cur, b.revenue, "en")))}
	return revenueComparison(b, ComparePriceRevenue, bm, sum, f, "it takes 100,000-level paying users to make tens of millions of yuan"), true
}

// contractComparison: price per customer x customers as yearly revenue,
// beside the article's "做B端,拿到几个项目就能做到几千万营收".
func (r *Reader) contractComparison(b basis, customers float64) (Comparison, bool) {
	bm, ok := r.benchmark(benchProjectRevenue)
	if !ok || bm.Value <= 0 || b.cur == "" || b.revenue <= 0 {
		return Comparison{}, false
	}
	price := b.val[FieldCustomerPrice]
	var f figs
	sum := knowledge.Text{
		ZH: fmt.Sprintf("%s 个客户 × 每个客户每年 %s = 每年 %s", count(customers, "zh"), f.add(money(b.cur, price, "zh")), f.add(money(b.cur, b.revenue, "zh"))),
		EN: fmt.Sprintf("%s customers × %s a year each = %s a year", count(customers, "en"), f.add(money(b.cur, price, "en")), f.add(money(b.cur, b.revenue, "en")))}
	return revenueComparison(b, CompareContract, bm, sum, f, "a few enterprise projects can bring tens of millions of yuan"), true
}

// revenueComparison sets the yearly revenue the founder's numbers give
// (sum says how; f holds its figures) beside benchmark bm, converted to
// its currency when needed; says is what the article says, in English.
func revenueComparison(b basis, kind string, bm *knowledge.Benchmark, sum knowledge.Text, f figs, says string) Comparison {
	theirs := convert(b.revenue, b.cur, bm.Currency)
	zh, en := ComputedOpening.ZH+sum.ZH, ComputedOpening.EN+sum.EN
	if b.cur != bm.Currency {
		// The rate is an assumption of ours, not the article's: say so.
		rateZH, rateEN := f.add(fmt.Sprintf("%g 元", assess.CNYPerUSD)), f.add(fmt.Sprintf("¥%g", assess.CNYPerUSD))
		zh += fmt.Sprintf("(按假定汇率 1 美元 = %s 约合 %s)", rateZH, f.add(money(bm.Currency, theirs, "zh")))
		en += fmt.Sprintf(" (about %s at an assumed $1 = %s)", f.add(money(bm.Currency, theirs, "en")), rateEN)
	}
	return Comparison{Kind: kind, Benchmark: bm.ID, Theirs: round1(theirs), Article: bm.Value, Unit: bm.Currency + "/year", Figures: f, Text: knowledge.Text{
		ZH: zh + fmt.Sprintf(";文章说“%s”。", bm.Citation.Quote),
		EN: en + fmt.Sprintf("; the article says %s (“%s”).", says, bm.Citation.Quote)}}
}
