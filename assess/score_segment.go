package assess

import "fmt"

// Anchors for the segment rules, verbatim in the article.
const (
	qPayingUsers = "10万级的付费用户数才能做出几千万的营收"
	qNoPayHabit  = "中国用户很难习惯对软件付费"
	qBProjects   = "做B端,拿到几个项目就能做到几千万营收"
	qHallucinate = "来个幻觉问题,怎么办"
	qDigital     = "客户连信息化、数字化都还没有完全适应"
	qHeavier     = "客户发现投入越来越重"
	qSqueeze     = "大模型创业,也更容易死亡在这种夹缝之中"
)

func servesConsumers(p Profile) bool   { return p.Customers == "consumer" || p.Customers == "both" }
func servesEnterprises(p Profile) bool { return p.Customers == "enterprise" || p.Customers == "both" }

// segmentRules: "死于B端还是死于C端?". Consumers pay tens of yuan a month, so
// "10万级的付费用户数才能做出几千万的营收"; enterprises pay for projects but
// fear hallucinations and are often not yet digital.
func segmentRules() []Rule {
	return []Rule{
		{
			ID: "segment.consumer-habit", Mode: "segment", Inputs: []string{"customers"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				switch {
				case servesConsumers(p):
					return Finding{Points: 20, Refs: []Ref{quote(qNoPayHabit)}, Text: txt(
						"面向消费者收费难:文章说中国用户很难习惯对软件付费。",
						"Consumers rarely pay: the article notes that Chinese users are hard to get used to paying for software.")}, true
				case p.Customers == "enterprise":
					return Finding{Points: 0, Refs: []Ref{bench("b2b-project-revenue", qBProjects)}, Text: txt(
						"面向企业:拿到几个项目就能做到几千万营收。",
						"Enterprise customers: a few projects can bring tens of millions of yuan.")}, true
				}
				return Finding{}, false
			},
		},
		{
			ID: "segment.paying-users", Mode: "segment", Inputs: []string{"customers", "paying_users"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if !servesConsumers(p) || p.PayingUsers == nil {
					return Finding{}, false
				}
				n := *p.PayingUsers
				refs := []Ref{bench("consumer-paying-users", qPayingUsers), bench("consumer-revenue-target", qPayingUsers)}
				if n >= f.ConsumerPayingUsers {
					return Finding{Points: 0, Refs: refs, Text: txt(
						fmt.Sprintf("已有 %.0f 个付费用户,达到文章说的“10万级”门槛。", n),
						fmt.Sprintf("%.0f paying users: at the article's 100,000 scale needed for tens of millions of yuan.", n))}, true
				}
				return Finding{Points: 25, Refs: refs, Text: txt(
					fmt.Sprintf("只有 %.0f 个付费用户;文章说要 10万级的付费用户数才能做出几千万的营收。", n),
					fmt.Sprintf("Only %.0f paying users; the article says it takes around 100,000 paying users to make tens of millions of yuan.", n))}, true
			},
		},
		{
			ID: "segment.hallucination", Mode: "segment", Inputs: []string{"customers", "hallucination_tolerance"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				pts := map[string]int{"low": 20, "medium": 8}[p.HallucinationTolerance]
				if !servesEnterprises(p) || pts == 0 {
					return Finding{}, false
				}
				return Finding{Points: pts, Refs: []Ref{quote(qHallucinate), quote(qHeavier)}, Text: txt(
					"企业客户对幻觉容忍度不高:需要更多人机协同,客户会发现投入越来越重。",
					"Enterprise customers tolerate few hallucinations: that means more human review, and customers find the project ever heavier.")}, true
			},
		},
		{
			ID: "segment.digital-maturity", Mode: "segment", Inputs: []string{"customers", "customer_digital_maturity"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				pts := map[string]int{"low": 20, "medium": 8}[p.CustomerDigitalMaturity]
				if !servesEnterprises(p) || pts == 0 {
					return Finding{}, false
				}
				return Finding{Points: pts, Refs: []Ref{quote(qDigital)}, Text: txt(
					"客户数字化程度不高:文章说很多 B 端客户连信息化、数字化都还没有完全适应,更不要说大模型。",
					"Customers are not very digital yet: many enterprises have not adapted to IT and digitisation, let alone a large model.")}, true
			},
		},
		{
			ID: "segment.squeeze", Mode: "segment", Inputs: []string{"customers"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if p.Customers != "both" {
					return Finding{}, false
				}
				return Finding{Points: 10, Refs: []Ref{quote(qSqueeze)}, Text: txt(
					"同时做 B 端和 C 端:B 端不好做、C 端不好收费,容易死在夹缝之中。",
					"Serving both: enterprises are hard and consumers will not pay, and companies die in the gap between.")}, true
			},
		},
	}
}
