package situation

import (
	"fmt"

	"github.com/premortem/premortem/knowledge"
)

// runwayComparison sets the founder's runway (computed from cash and
// monthly spend, else as they said it) beside the article's "前期一两年亏损,
// 本就是大模型行业的常态": a runway shorter than the usual loss-making years.
// When the runway they said and the one their numbers give disagree, the
// said one is kept and both are shown.
func (r *Reader) runwayComparison(b basis) (Comparison, bool) {
	m, stated := b.val[FieldRunway]
	if _, ok := b.facts[FieldRunway]; !ok {
		stated = false
	}
	bm, tail := r.article.lossYears, r.article.lossTail
	if bm == nil || b.runway <= 0 && !stated {
		return Comparison{}, false
	}
	c := Comparison{Kind: CompareRunway, Benchmark: bm.ID, Article: r.article.lossMonths, Unit: "months"}
	var f figs
	var sum knowledge.Text // "cash X / monthly burn Y = Z"
	if b.runway > 0 {
		spend := spendLabels[b.spendBy]
		sum = knowledge.Text{
			ZH: fmt.Sprintf("现金 %s / %s%s = %s", f.add(money(b.cur, b.val[FieldCash], "zh")), spend.ZH, f.add(money(b.cur, b.monthly, "zh")), f.add(months(b.runway, "zh"))),
			EN: fmt.Sprintf("cash %s / %s%s = %s", f.add(money(b.cur, b.val[FieldCash], "en")), spend.EN, f.add(money(b.cur, b.monthly, "en")), f.add(months(b.runway, "en")))}
	}
	switch {
	case b.runway > 0 && !b.disputed[FieldRunway]:
		c.Theirs = b.runway
		c.Text = knowledge.Text{ZH: ComputedOpening.ZH + sum.ZH + tail.ZH, EN: ComputedOpening.EN + sum.EN + tail.EN}
	case stated && b.runway > 0:
		c.Theirs = m
		c.Text = knowledge.Text{
			ZH: fmt.Sprintf("你说现金还能撑 %s,但按你给的数字计算 %s,两者不一致", f.add(months(m, "zh")), sum.ZH) + tail.ZH,
			EN: fmt.Sprintf("You said %s of runway, but computed from your numbers, %s; they disagree", f.add(months(m, "en")), sum.EN) + tail.EN}
	case stated:
		c.Theirs = m
		c.Text = knowledge.Text{
			ZH: fmt.Sprintf("你说现金还能撑 %s", f.add(months(m, "zh"))) + tail.ZH,
			EN: fmt.Sprintf("You said %s of runway", f.add(months(m, "en"))) + tail.EN}
	default:
		return Comparison{}, false
	}
	c.Figures = f
	return c, true
}

// spendLabels name the monthly spend a runway is computed from, by
// basis.spendBy.
var spendLabels = map[string]knowledge.Text{
	"burn": {ZH: "每月烧 ", EN: "monthly burn "},
	"cost": {ZH: "每月成本 ", EN: "monthly cost "},
	"net":  {ZH: "每月净支出(成本 − 收入)", EN: "monthly net spend (cost − revenue) "},
	"loss": {ZH: "每月亏损 ", EN: "monthly loss "},
}
