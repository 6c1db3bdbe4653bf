package situation

import (
	"fmt"

	"github.com/premortem/premortem/knowledge"
)

// Benchmarks the comparisons use, by knowledge-base ID.
const (
	benchStabilityCost    = "stability-cost-2023"
	benchStabilityRevenue = "stability-revenue-2023"
	benchIndustrySpend    = "sequoia-gpu-spend-2023"
	benchIndustryRevenue  = "sequoia-ai-revenue-2023"
	benchPayingUsers      = "consumer-paying-users"
	benchConsumerRevenue  = "consumer-revenue-target"
	benchLossYears        = "early-loss-years"
	benchProjectRevenue   = "b2b-project-revenue"
)

// ComputedOpening opens a comparison's text when the figure it shows is
// computed from the founder's numbers; a writer showing several says it once.
var ComputedOpening = knowledge.Text{ZH: "按你给的数字计算:", EN: "Computed from your numbers: "}

// compare sets the founder's numbers beside the article's benchmarks. Each
// comparison needs every number it uses from the founder; none is made up.
func (r *Reader) compare(b basis) []Comparison {
	out := []Comparison{}
	cost, hasCost := b.val[FieldAnnualCost]
	rev, hasRev := b.val[FieldAnnualRevenue]
	revFrom := ""
	if !hasRev && b.revenue > 0 {
		rev, hasRev, revFrom = b.revenue, true, b.revenueBy
	}
	if hasCost && hasRev && cost > 0 && rev > 0 {
		out = append(out, r.costComparisons(b, cost, rev, revFrom)...)
	}
	if c, ok := r.runwayComparison(b); ok {
		out = append(out, c)
	}
	users, hasUsers := b.val[FieldPayingUsers]
	if b.revenueBy == "contract" {
		if c, ok := r.contractComparison(b, users); ok {
			out = append(out, c)
		}
		return out // customers paying by contract are no consumers
	}
	if hasUsers && users > 0 && b.profile.Customers != "enterprise" {
		if c, ok := r.usersComparison(users); ok {
			out = append(out, c)
		}
	}
	if price, ok := b.val[FieldMonthlyPrice]; ok && hasUsers && b.revenue > 0 {
		if c, ok := r.priceComparison(b, price, users); ok {
			out = append(out, c)
		}
	}
	return out
}

// figs collects the figures a comparison's text shows as they are written
// into it.
type figs []string

func (f *figs) add(s string) string {
	*f = append(*f, s)
	return s
}

// costComparisons: cost/revenue beside Stability AI's and the industry's.
func (r *Reader) costComparisons(b basis, cost, rev float64, revFrom string) []Comparison {
	x := cost / rev
	var f, g figs
	costZH := "每年成本 " + f.add(money(b.cur, cost, "zh"))
	costEN := "yearly cost " + f.add(money(b.cur, cost, "en"))
	if b.facts[FieldAnnualCost].period == periodMonth {
		costZH += "(每月 " + f.add(money(b.cur, cost/12, "zh")) + " × 12)"
		costEN += " (" + f.add(money(b.cur, cost/12, "en")) + " a month × 12)"
	}
	revZH, revEN := f.add(money(b.cur, rev, "zh")), f.add(money(b.cur, rev, "en"))
	switch revFrom {
	case "price":
		revZH += "(价格 × 付费用户 × 12)"
		revEN += " (price × paying users × 12)"
	case "contract":
		revZH += "(每个客户的价格 × 客户数)"
		revEN += " (price per customer × customers)"
	}
	st, in := r.article.stability, r.article.industry
	stability := Comparison{Kind: CompareCostRevenue, Benchmark: benchStabilityCost, Theirs: round1(x), Article: round1(st.x), Unit: "x", Text: knowledge.Text{
		ZH: ComputedOpening.ZH + fmt.Sprintf("%s / 收入 %s = %s;Stability AI 2023 年是 %s(%s / %s)。",
			costZH, revZH, f.add(ratio(x)+" 倍"), f.add(st.times.ZH), f.add(st.cost.ZH), f.add(st.revenue.ZH)),
		EN: ComputedOpening.EN + fmt.Sprintf("%s / revenue %s = %s; Stability AI's 2023 was %s (%s / %s).",
			costEN, revEN, f.add(ratio(x)+"x"), f.add(st.times.EN), f.add(st.cost.EN), f.add(st.revenue.EN))}}
	stability.Figures = f
	industry := Comparison{Kind: CompareIndustry, Benchmark: benchIndustrySpend, Theirs: round1(x), Article: round1(in.x), Unit: "x", Text: knowledge.Text{
		ZH: ComputedOpening.ZH + fmt.Sprintf("成本是收入的 %s;红杉资本统计的全行业是 %s(GPU 花费 %s / 收入 %s)。",
			g.add(ratio(x)+" 倍"), g.add(in.times.ZH), g.add(in.cost.ZH), g.add(in.revenue.ZH)),
		EN: ComputedOpening.EN + fmt.Sprintf("cost is %s revenue; the industry's, per Sequoia, is %s (%s GPU spend / %s revenue).",
			g.add(ratio(x)+"x"), g.add(in.times.EN), g.add(in.cost.EN), g.add(in.revenue.EN))}}
	industry.Figures = g
	return []Comparison{stability, industry}
}

// articleSide is the article's half of the comparisons, written once by
// NewReader: its figures and quotes are the same for every question.
type articleSide struct {
	stability, industry multiple
	lossYears           *knowledge.Benchmark // the usual loss-making years; nil without knowledge
	lossMonths          float64              // the same, in months
	lossTail            knowledge.Text       // what the article says of them, closing a runway comparison
}

// multiple is one of the article's cost/revenue multiples as the
// comparisons write it.
type multiple struct {
	x             float64
	times         knowledge.Text // "13.9 倍", "13.9x"
	cost, revenue knowledge.Text // the figures it is computed from
}

func (r *Reader) articleSide() articleSide {
	mult := func(costID string, cost float64, revID string, rev float64) multiple {
		x := cost / rev
		return multiple{x: x, times: knowledge.Text{ZH: ratio(x) + " 倍", EN: ratio(x) + "x"}, cost: r.figure(costID, cost), revenue: r.figure(revID, rev)}
	}
	a := articleSide{
		stability: mult(benchStabilityCost, r.facts.StabilityCost, benchStabilityRevenue, r.facts.StabilityRevenue),
		industry:  mult(benchIndustrySpend, r.facts.IndustrySpend, benchIndustryRevenue, r.facts.IndustryRevenue),
	}
	if bm, ok := r.benchmark(benchLossYears); ok && bm.Value > 0 {
		a.lossYears, a.lossMonths = bm, bm.Value
		if bm.Unit == "years" {
			a.lossMonths *= 12
		}
		a.lossTail = knowledge.Text{
			ZH: fmt.Sprintf(";文章说“%s”。", bm.Citation.Quote),
			EN: fmt.Sprintf("; the article calls a year or two of early losses normal for a model company (“%s”).", bm.Citation.Quote)}
	}
	return a
}

// figure is a benchmark as the article writes it (zh) and as an English
// reader writes it; fallback is its value when the knowledge base lacks it.
func (r *Reader) figure(id string, fallback float64) knowledge.Text {
	if bm, ok := r.benchmark(id); ok {
		return knowledge.Text{ZH: bm.Text, EN: money(bm.Currency, bm.Value, "en")}
	}
	return knowledge.Text{ZH: money("USD", fallback, "zh"), EN: money("USD", fallback, "en")}
}

// benchmark returns a benchmark of the knowledge base.
func (r *Reader) benchmark(id string) (*knowledge.Benchmark, bool) {
	if r.kb == nil {
		return nil, false
	}
	return r.kb.Benchmark(id)
}

func (r *Reader) usersComparison(users float64) (Comparison, bool) {
	bm, ok := r.benchmark(benchPayingUsers)
	if !ok || bm.Value <= 0 {
		return Comparison{}, false
	}
	c := Comparison{Kind: ComparePayingUsers, Benchmark: bm.ID, Theirs: users, Article: bm.Value, Unit: "users", Figures: []string{bm.Text}}
	if users >= bm.Value {
		c.Text = knowledge.Text{
			ZH: fmt.Sprintf("你有 %s 个付费用户,已达到文章所说的“%s”。", count(users, "zh"), bm.Text),
			EN: fmt.Sprintf("Your %s paying users reach the article's “%s” (%s).", count(users, "en"), bm.Text, count(bm.Value, "en"))}
		return c, true
	}
	pct := percent(users / bm.Value)
	c.Figures = append(c.Figures, pct)
	c.Text = knowledge.Text{
		ZH: ComputedOpening.ZH + fmt.Sprintf("%s 个付费用户是文章所说“%s”的 %s。", count(users, "zh"), bm.Text, pct),
		EN: ComputedOpening.EN + fmt.Sprintf("%s paying users is %s of the article's “%s” (%s).", count(users, "en"), pct, bm.Text, count(bm.Value, "en"))}
	return c, true
}
