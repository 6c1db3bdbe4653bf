package assess

import "fmt"

// Anchors the market and open-source rules rest on, verbatim in the article.
const (
	qStability   = "Stability AI 2023年总预计成本为1.53亿美元,但预计收入仅为1100万美元"
	qSequoia     = "2023年,各家AI公司在英伟达GPU上已经大手大脚花去500亿美元,但由此产生的收入才有30亿美元"
	qNoMarket    = "技术行,市场不行,投资人也不会认可"
	qVisibility  = "没有足够的声量去助威市场的开拓"
	qNoPaidStep  = "没有走通从开源迈向闭源的商业一步"
	qOpenForOpen = "开源是为了能够引导向可商业化的闭源,不能为了开源而开源"
	qOpenCore    = "智谱的选择是开源先行,开源与闭源同时存在"
	qDoorOpener  = "开源其实只是大模型企业用于敲开客户大门的一块敲门砖"
	qLlama       = "Meta的Llama 2在2023年7月宣布开源,并且可直接商用"
	qClosedPaid  = "走通了商业化之路,才能去畅谈未来"
)

// marketRules: "未必死于技术不行一定死于市场不行". Revenue far below cost is
// what made investors leave Stability AI (1.53亿 cost vs 1100万美元 revenue,
// ~13.9x) and is the whole industry's problem (Sequoia: 500亿 GPU spend vs
// 30亿 revenue, ~16.7x).
func marketRules() []Rule {
	return []Rule{
		{
			ID: "market.cost-revenue", Mode: "market", Inputs: []string{"annual_cost", "annual_revenue"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if p.AnnualCost == nil || p.AnnualRevenue == nil {
					return Finding{}, false
				}
				cost, rev := *p.AnnualCost, *p.AnnualRevenue
				refs := []Ref{bench("stability-cost-2023", qStability), bench("stability-revenue-2023", qStability),
					bench("sequoia-gpu-spend-2023", qSequoia), bench("sequoia-ai-revenue-2023", qSequoia)}
				st, in := ratio(f.StabilityRatio()), ratio(f.IndustryRatio())
				if rev == 0 {
					if cost == 0 {
						return Finding{}, false
					}
					return Finding{Points: 75, Refs: refs, Text: txt(
						fmt.Sprintf("还没有收入,成本却有 %s:比 Stability AI 的 1.53亿美元成本对 1100万美元收入(%s)和行业 500亿美元对 30亿美元(%s)还要糟。", money(p, cost, "zh"), st, in),
						fmt.Sprintf("No revenue yet against a cost of %s: worse than Stability AI's $153M cost on $11M revenue (%s) and the industry's $50B on $3B (%s).", money(p, cost, "en"), st, in))}, true
				}
				r := cost / rev
				var pts int
				switch {
				case r >= 10:
					pts = 70
				case r >= 3:
					pts = 45
				case r > 1:
					pts = 20
				default:
					return Finding{Points: 0, Refs: refs[:2], Text: txt(
						fmt.Sprintf("收入覆盖了成本(成本/收入 %s),不同于 Stability AI 的 %s。", ratio(r), st),
						fmt.Sprintf("Revenue covers cost (cost/revenue %s), unlike Stability AI's %s.", ratio(r), st))}, true
				}
				return Finding{Points: pts, Refs: refs, Text: txt(
					fmt.Sprintf("成本是收入的 %s(%s 对 %s);Stability AI 2023 年是 %s(1.53亿美元对 1100万美元),行业是 %s(500亿美元对 30亿美元)。", ratio(r), money(p, cost, "zh"), money(p, rev, "zh"), st, in),
					fmt.Sprintf("Cost is %s revenue (%s vs %s); Stability AI's 2023 was %s ($153M vs $11M), the industry's %s ($50B vs $3B).", ratio(r), money(p, cost, "en"), money(p, rev, "en"), st, in))}, true
			},
		},
		{
			ID: "market.visibility", Mode: "market", Inputs: []string{"marketing_visibility"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				pts := map[string]int{"low": 15, "medium": 5}[p.MarketingVisibility]
				if pts == 0 {
					return Finding{}, false
				}
				return Finding{Points: pts, Refs: []Ref{quote(qVisibility), quote(qNoMarket)}, Text: txt(
					"市场声量不足:文章说技术优势也怕“巷子深”,没有声量就难以开拓市场。",
					"Little market visibility: the article warns that a technical edge alone does not sell, and investors back markets, not technology.")}, true
			},
		},
	}
}

// openSourceRules: "死于开源还是死于从开源向闭源的惊险一跳". Open source works
// as a door-opener only when a paid, closed product follows (智谱); Stability
// AI never made that step.
func openSourceRules() []Rule {
	return []Rule{
		{
			ID: "open-source.no-paid-path", Mode: "open-source", Inputs: []string{"model_strategy"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				switch p.ModelStrategy {
				case "open-source":
					return Finding{Points: 45, Refs: []Ref{quote(qNoPaidStep), quote(qOpenForOpen)}, Text: txt(
						"纯开源、没有付费的闭源产品:这正是 Stability AI 没有走通的“从开源迈向闭源的商业一步”。",
						"Open source with no paid closed product: the very step from open to closed that Stability AI never made.")}, true
				case "open-core":
					return Finding{Points: 15, Refs: []Ref{quote(qOpenCore), quote(qDoorOpener)}, Text: txt(
						"开源加付费版本,与智谱“开源与闭源同时存在”的路线相同;风险在于付费转化是否真的发生。",
						"Open core, like Zhipu's open and closed side by side; the risk is whether users actually convert to paid.")}, true
				case "closed", "third-party":
					return Finding{Points: 0, Refs: []Ref{quote(qClosedPaid)}, Text: txt(
						"不依赖开源获客,付费路径清楚,开源转闭源的风险低。",
						"Not relying on open source to win users; the paid path is direct, so the open-to-closed leap does not apply.")}, true
				}
				return Finding{}, false
			},
		},
		{
			ID: "open-source.not-converting", Mode: "open-source", Inputs: []string{"model_strategy", "annual_cost", "annual_revenue"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if p.AnnualCost == nil || p.AnnualRevenue == nil || (p.ModelStrategy != "open-source" && p.ModelStrategy != "open-core") {
					return Finding{}, false
				}
				if *p.AnnualRevenue*3 > *p.AnnualCost {
					return Finding{}, false
				}
				return Finding{Points: 25, Refs: []Ref{bench("stability-revenue-2023", qStability), quote(qNoPaidStep)}, Text: txt(
					"开源带来了用户,却没有变成收入:收入不到成本的三分之一,和 Stability AI 一样。",
					"Open source brings users but not revenue: revenue is under a third of cost, as at Stability AI.")}, true
			},
		},
		{
			ID: "open-source.giant-free", Mode: "open-source", Inputs: []string{"model_strategy", "customers"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if p.ModelStrategy != "open-source" || (p.Customers != "consumer" && p.Customers != "both") {
					return Finding{}, false
				}
				return Finding{Points: 10, Refs: []Ref{quote(qLlama)}, Text: txt(
					"面向消费者的开源产品还要和巨头免费、可商用的开源模型(如 Llama 2)竞争。",
					"A consumer open-source product also competes with giants' free, commercially usable open models such as Llama 2.")}, true
			},
		},
	}
}
