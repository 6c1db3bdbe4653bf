package assess

import "fmt"

// Anchors for the segment rules, verbatim in the article.
const (
	qPayingUsers = "10万级的付费用户数才能做出几千万的营收"
	qPrice       = "一个月几十块一年几百块"
	qNoPayHabit  = "中国用户很难习惯对软件付费"
	qFreeSpirit  = "网友们依然习惯免费精神,能够持续付费的就只有B端了"
	qChatNoRev   = "哪怕国内率先对C端收费的通用大模型,也没有公布相关的营收"
	qBProjects   = "做B端,拿到几个项目就能做到几千万营收"
	qHallucinate = "来个幻觉问题,怎么办"
	qHumanLoop   = "那就需要更多的人机协同"
	qDigital     = "客户连信息化、数字化都还没有完全适应"
	qGoodB       = "帮助企业私有化部署大模型"
	qHeavier     = "客户发现投入越来越重"
	qSqueeze     = "大模型创业,也更容易死亡在这种夹缝之中"
)

func servesConsumers(p Profile) bool   { return p.Customers == "consumer" || p.Customers == "both" }
func servesEnterprises(p Profile) bool { return p.Customers == "enterprise" || p.Customers == "both" }

// mayServeConsumers is false only once customers is known to be enterprise.
func mayServeConsumers(p Profile) bool { return !knownNot(p.Customers, "consumer", "both") }

// mayServeEnterprises is false only once customers is known to be consumer.
func mayServeEnterprises(p Profile) bool { return !knownNot(p.Customers, "enterprise", "both") }

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
					return Finding{Points: 20, Refs: []Ref{quote(qNoPayHabit), quote(qFreeSpirit)}, Action: qPayingUsers, Text: txt(
						"面向消费者收费难:文章说中国用户很难习惯对软件付费,网友依然习惯免费。",
						"Consumers rarely pay: the article notes that Chinese users are hard to get used to paying for software and still expect things free.")}, true
				case p.Customers == "enterprise":
					return favour(txt(
						"面向企业:文章说做 B 端拿到几个项目就能做到几千万营收。",
						"Enterprise customers: the article says a few projects can bring tens of millions of yuan."), bench("b2b-project-revenue", qBProjects)), true
				}
				return Finding{}, false
			},
		},
		{
			ID: "segment.paying-users", Mode: "segment", Inputs: []string{"customers", "paying_users"},
			Applies: mayServeConsumers,
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if !servesConsumers(p) || p.PayingUsers == nil {
					return Finding{}, false
				}
				n := *p.PayingUsers
				refs := []Ref{bench("consumer-paying-users", qPayingUsers), bench("consumer-revenue-target", qPayingUsers)}
				if n >= f.ConsumerPayingUsers {
					return favour(txt(
						fmt.Sprintf("已有 %.0f 个付费用户,达到文章说的“10万级”门槛。", n),
						fmt.Sprintf("%.0f paying users: at the article's 100,000 scale needed for tens of millions of yuan.", n)), refs...), true
				}
				share := n / f.ConsumerPayingUsers
				zh := fmt.Sprintf("%.0f 个付费用户,只有文章说的“10万级”的 %s(计算值):10万级的付费用户数才能做出几千万的营收。", n, percent(share))
				en := fmt.Sprintf("%.0f paying users, %s of the article's 100,000 (computed): it takes around 100,000 paying users to make tens of millions of yuan.", n, percent(share))
				if n == 0 {
					zh = "还没有付费用户:文章说 10万级的付费用户数才能做出几千万的营收。"
					en = "No paying users yet: the article says it takes around 100,000 paying users to make tens of millions of yuan."
				}
				if p.MonthlyPrice != nil && n > 0 {
					year := *p.MonthlyPrice * 12 * n
					zh += fmt.Sprintf("按月费 %s 算,一年约 %s(计算:月费×付费用户×12)。", money(p, *p.MonthlyPrice, "zh"), money(p, year, "zh"))
					en += fmt.Sprintf(" At %s a month that is about %s a year (computed: price x payers x 12).", money(p, *p.MonthlyPrice, "en"), money(p, year, "en"))
				}
				return Finding{Points: towards(share, 5, 40), Refs: refs, Action: qPayingUsers, Text: txt(zh, en)}, true
			},
		},
		{
			ID: "segment.price", Mode: "segment", Inputs: []string{"customers", "monthly_price", "currency"},
			Applies: mayServeConsumers,
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if !servesConsumers(p) || p.MonthlyPrice == nil {
					return Finding{}, false
				}
				refs := []Ref{bench("consumer-price-month", qPrice)}
				if *p.MonthlyPrice == 0 {
					return Finding{Points: 15, Refs: refs, Action: qPayingUsers, Text: txt(
						"还没有收费:文章的算术是一个月几十块、10万级付费用户,才有几千万的营收。",
						"You do not charge yet: the article's arithmetic is tens of yuan a month from about 100,000 payers for tens of millions of yuan.")}, true
				}
				price, ok := cny(p, *p.MonthlyPrice)
				if !ok || price >= f.ConsumerPriceMonth/2 {
					return Finding{}, false
				}
				return Finding{Points: 10, Refs: refs, Action: qPayingUsers, Text: txt(
					fmt.Sprintf("月费 %s 低于文章说的“一个月几十块”:同样的营收需要更多付费用户。", money(p, *p.MonthlyPrice, "zh")),
					fmt.Sprintf("%s a month is below the article's tens of yuan a month: the same revenue needs even more payers.", money(p, *p.MonthlyPrice, "en")))}, true
			},
		},
		{
			ID: "segment.consumer-chat", Mode: "segment", Inputs: []string{"customers", "scenario"},
			Applies: func(p Profile) bool { return mayServeConsumers(p) && !knownNot(p.Scenario, "general-chat") },
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if !servesConsumers(p) || p.Scenario != "general-chat" {
					return Finding{}, false
				}
				return Finding{Points: 10, Refs: []Ref{quote(qChatNoRev)}, Action: qPayingUsers, Text: txt(
					"向个人收费的通用聊天:文章说哪怕国内率先对 C 端收费的通用大模型,也没有公布相关的营收。",
					"Charging consumers for general chat: the article notes that even the first Chinese general models to charge consumers have published no revenue.")}, true
			},
		},
		{
			ID: "segment.hallucination", Mode: "segment", Inputs: []string{"customers", "hallucination_tolerance"},
			Applies: mayServeEnterprises,
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if !servesEnterprises(p) {
					return Finding{}, false
				}
				if p.HallucinationTolerance == "high" {
					return favour(txt(
						"客户能容忍模型偶尔出错:幻觉带来的人机协同成本较低。",
						"Your customers tolerate the odd mistake, so hallucinations cost less human review."), quote(qHumanLoop)), true
				}
				pts := map[string]int{"low": 20, "medium": 8}[p.HallucinationTolerance]
				if pts == 0 {
					return Finding{}, false
				}
				return Finding{Points: pts, Refs: []Ref{quote(qHallucinate), quote(qHeavier)}, Action: qHumanLoop, Text: txt(
					"企业客户对幻觉容忍度不高:需要更多人机协同,客户会发现投入越来越重。",
					"Enterprise customers tolerate few hallucinations: that means more human review, and customers find the project ever heavier.")}, true
			},
		},
		{
			ID: "segment.digital-maturity", Mode: "segment", Inputs: []string{"customers", "customer_digital_maturity"},
			Applies: mayServeEnterprises,
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if !servesEnterprises(p) {
					return Finding{}, false
				}
				if p.CustomerDigitalMaturity == "high" {
					return favour(txt(
						"客户数字化程度高:文章说在金融、工业、协同办公等领域帮助企业私有化部署大模型看起来是个好生意。",
						"Your customers are digitally mature: the article calls private deployments for finance, industry and collaboration software a good business."), quote(qGoodB)), true
				}
				pts := map[string]int{"low": 20, "medium": 8}[p.CustomerDigitalMaturity]
				if pts == 0 {
					return Finding{}, false
				}
				return Finding{Points: pts, Refs: []Ref{quote(qDigital)}, Action: qGoodB, Text: txt(
					"客户数字化程度不高:文章说很多 B 端客户连信息化、数字化都还没有完全适应,更不要说大模型。",
					"Customers are not very digital yet: many enterprises have not adapted to IT and digitisation, let alone a large model.")}, true
			},
		},
		{
			ID: "segment.squeeze", Mode: "segment", Inputs: []string{"customers"},
			Applies: func(p Profile) bool { return !knownNot(p.Customers, "both") },
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if p.Customers != "both" {
					return Finding{}, false
				}
				return Finding{Points: 10, Refs: []Ref{quote(qSqueeze)}, Action: qBProjects, Text: txt(
					"同时做 B 端和 C 端:B 端不好做、C 端不好收费,容易死在夹缝之中。",
					"Serving both: enterprises are hard and consumers will not pay, and companies die in the gap between.")}, true
			},
		},
	}
}
