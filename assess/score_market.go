package assess

import "fmt"

// Anchors the market and open-source rules rest on, verbatim in the article.
const (
	qStability   = "Stability AI 2023年总预计成本为1.53亿美元,但预计收入仅为1100万美元"
	qSequoia     = "2023年,各家AI公司在英伟达GPU上已经大手大脚花去500亿美元,但由此产生的收入才有30亿美元"
	qNoMarket    = "技术行,市场不行,投资人也不会认可"
	qVisibility  = "没有足够的声量去助威市场的开拓"
	qMarketHard  = "技术不好做但市场更难做"
	qNoPaidStep  = "没有走通从开源迈向闭源的商业一步"
	qOpenForOpen = "开源是为了能够引导向可商业化的闭源,不能为了开源而开源"
	qOpenCore    = "智谱的选择是开源先行,开源与闭源同时存在"
	qDoorOpener  = "开源其实只是大模型企业用于敲开客户大门的一块敲门砖"
	qLlama       = "Meta的Llama 2在2023年7月宣布开源,并且可直接商用"
	qClosedPaid  = "走通了商业化之路,才能去畅谈未来"
	qConvert     = "只要客户用习惯自己的开源模型"
	qPaidService = "而商业版本可以提供更多的服务"
	qPriced      = "云端私有化本地私有化最高价格"
)

// marketRules: "未必死于技术不行一定死于市场不行". Revenue far below cost is
// what made investors leave Stability AI (1.53亿 cost vs 1100万美元 revenue,
// ~13.9x) and is the whole industry's problem (Sequoia: 500亿 GPU spend vs
// 30亿 revenue, ~16.7x). Points grow with log(cost/revenue): 70 at
// Stability AI's ratio, 80 at most.
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
					return Finding{Points: 80, Refs: refs, Action: qStability, Text: txt(
						fmt.Sprintf("还没有收入,成本却有 %s:比 Stability AI 的 1.53亿美元成本对 1100万美元收入(%s)和行业 500亿美元对 30亿美元(%s)还要糟。", money(p, cost, "zh"), st, in),
						fmt.Sprintf("No revenue yet against a cost of %s: worse than Stability AI's $153M cost on $11M revenue (%s) and the industry's $50B on $3B (%s).", money(p, cost, "en"), st, in))}, true
				}
				r := cost / rev
				if r <= 1 {
					return favour(txt(
						fmt.Sprintf("收入覆盖了成本(成本/收入 %s,由你们的数字算出),不同于 Stability AI 的 %s。", ratio(r), st),
						fmt.Sprintf("Revenue covers cost (cost/revenue %s, computed from your figures), unlike Stability AI's %s.", ratio(r), st)), refs[:2]...), true
				}
				cmpZH, cmpEN := "低于", "below"
				if r >= f.StabilityRatio() {
					cmpZH, cmpEN = "不低于", "at or beyond"
				}
				return Finding{Points: logPoints(r, f.StabilityRatio(), 70, 5, 80), Refs: refs, Action: qStability, Text: txt(
					fmt.Sprintf("成本是收入的 %s(由你们的 %s 对 %s 算出),%s Stability AI 2023 年的 %s(1.53亿美元对 1100万美元);行业是 %s(500亿美元对 30亿美元)。", ratio(r), money(p, cost, "zh"), money(p, rev, "zh"), cmpZH, st, in),
					fmt.Sprintf("Cost is %s revenue (computed from your %s vs %s), %s Stability AI's 2023 %s ($153M vs $11M); the industry's is %s ($50B vs $3B).", ratio(r), money(p, cost, "en"), money(p, rev, "en"), cmpEN, st, in))}, true
			},
		},
		{
			ID: "market.visibility", Mode: "market", Inputs: []string{"marketing_visibility"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				switch p.MarketingVisibility {
				case "low":
					return Finding{Points: 15, Refs: []Ref{quote(qVisibility), quote(qNoMarket)}, Action: qMarketHard, Text: txt(
						"市场声量低:文章说没有足够的声量去助威市场的开拓,仅有技术优势不够,投资人也不会认可。",
						"Little market visibility: the article warns that a technical edge alone does not sell, and investors back markets, not technology.")}, true
				case "high":
					return favour(txt(
						"市场声量高:文章说技术优势还需要声量去开拓市场,这一点你们已经有了。",
						"High market visibility: the article says a technical edge needs a voice in the market, and you have one."), quote(qVisibility)), true
				}
				return Finding{}, false
			},
		},
	}
}

// openSourceRules: "死于开源还是死于从开源向闭源的惊险一跳". Open source works
// as a door-opener only when a paid, closed product follows (智谱); Stability
// AI never made that step.
func openSourceRules() []Rule {
	openish := func(p Profile) bool { return !knownNot(p.ModelStrategy, "open-source", "open-core") }
	return []Rule{
		{
			ID: "open-source.no-paid-path", Mode: "open-source", Inputs: []string{"model_strategy"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				switch p.ModelStrategy {
				case "open-source":
					return Finding{Points: 45, Refs: []Ref{quote(qNoPaidStep), quote(qOpenForOpen)}, Action: qOpenCore, Text: txt(
						"纯开源、没有付费的闭源产品:这正是 Stability AI 没有走通的“从开源迈向闭源的商业一步”。",
						"Open source with no paid closed product: the very step from open to closed that Stability AI never made.")}, true
				case "open-core":
					return Finding{Points: 15, Refs: []Ref{quote(qOpenCore), quote(qDoorOpener)}, Action: qConvert, Text: txt(
						"开源加付费版本,与智谱“开源与闭源同时存在”的路线相同;风险在于付费转化是否真的发生。",
						"Open core, like Zhipu's open and closed side by side; the risk is whether users actually convert to paid.")}, true
				case "closed", "third-party":
					return favour(txt(
						"不靠开源获客,付费路径直接,开源转闭源的“惊险一跳”与你们无关。",
						"You do not rely on open source to win users; the paid path is direct, so the open-to-closed leap does not apply."), quote(qClosedPaid)), true
				}
				return Finding{}, false
			},
		},
		{
			ID: "open-source.not-converting", Mode: "open-source", Inputs: []string{"model_strategy", "annual_cost", "annual_revenue"},
			Applies: openish,
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if p.AnnualCost == nil || p.AnnualRevenue == nil || (p.ModelStrategy != "open-source" && p.ModelStrategy != "open-core") {
					return Finding{}, false
				}
				cost, rev := *p.AnnualCost, *p.AnnualRevenue
				if rev*3 > cost {
					return Finding{}, false
				}
				pts := 30
				if rev > 0 {
					pts = logPoints(cost/rev, f.StabilityRatio(), 25, 10, 30)
				}
				return Finding{Points: pts, Refs: []Ref{bench("stability-revenue-2023", qStability), quote(qNoPaidStep)}, Action: qPriced, Text: txt(
					"开源带来了用户,却没有变成收入:收入不到成本的三分之一,和 Stability AI 一样。",
					"Open source brings users but not revenue: revenue is under a third of cost, as at Stability AI.")}, true
			},
		},
		{
			ID: "open-source.giant-free", Mode: "open-source", Inputs: []string{"model_strategy", "customers"},
			Applies: func(p Profile) bool {
				return !knownNot(p.ModelStrategy, "open-source") && !knownNot(p.Customers, "consumer", "both")
			},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if p.ModelStrategy != "open-source" || !servesConsumers(p) {
					return Finding{}, false
				}
				return Finding{Points: 10, Refs: []Ref{quote(qLlama)}, Action: qPaidService, Text: txt(
					"面向消费者的开源产品还要和巨头免费、可商用的开源模型(如 Llama 2)竞争。",
					"A consumer open-source product also competes with giants' free, commercially usable open models such as Llama 2.")}, true
			},
		},
	}
}
