package situation

import (
	"fmt"

	"github.com/premortem/premortem/knowledge"
)

// runwayComparison sets the founder's runway (computed from cash and
// monthly spend, else as they said it) beside the article's "前期一两年亏损,
// 本就是大模型行业的常态": a runway shorter than the usual loss-making years.
func (r *Reader) runwayComparison(b basis) (Comparison, bool) {
	bm, ok := r.benchmark(benchLossYears)
	if !ok || bm.Value <= 0 {
		return Comparison{}, false
	}
	article := bm.Value
	if bm.Unit == "years" {
		article *= 12
	}
	c := Comparison{Kind: CompareRunway, Benchmark: bm.ID, Article: article, Unit: "months"}
	tail := knowledge.Text{
		ZH: fmt.Sprintf(";文章说“%s”。", bm.Citation.Quote),
		EN: fmt.Sprintf("; the article calls a year or two of early losses normal for a model company (“%s”).", bm.Citation.Quote)}
	if b.runway > 0 {
		cash := b.val[FieldCash]
		spend := map[string]knowledge.Text{
			"burn": {ZH: "每月烧 ", EN: "monthly burn "},
			"cost": {ZH: "每月成本 ", EN: "monthly cost "},
			"net":  {ZH: "每月净支出(成本 − 收入)", EN: "monthly net spend (cost − revenue) "},
			"loss": {ZH: "每月亏损 ", EN: "monthly loss "},
		}[b.spendBy]
		var f figs
		c.Theirs = b.runway
		c.Text = knowledge.Text{
			ZH: fmt.Sprintf("按你给的数字计算:现金 %s / %s%s = %s", f.add(money(b.cur, cash, "zh")), spend.ZH, f.add(money(b.cur, b.monthly, "zh")), f.add(months(b.runway, "zh"))) + tail.ZH,
			EN: fmt.Sprintf("Computed from your numbers: cash %s / %s%s = %s", f.add(money(b.cur, cash, "en")), spend.EN, f.add(money(b.cur, b.monthly, "en")), f.add(months(b.runway, "en"))) + tail.EN}
		c.Figures = f
		return c, true
	}
	m, ok := b.val[FieldRunway]
	if !ok {
		return Comparison{}, false
	}
	c.Theirs = m
	c.Figures = []string{months(m, "zh"), months(m, "en")}
	c.Text = knowledge.Text{
		ZH: fmt.Sprintf("你说现金还能撑 %s", months(m, "zh")) + tail.ZH,
		EN: fmt.Sprintf("You said %s of runway", months(m, "en")) + tail.EN}
	return c, true
}
