package assess

import "fmt"

// Anchors for the capital and on-device rules, verbatim in the article.
const (
	qOverdue     = "它拖欠了亚马逊的付款,亚马逊AWS曾一度威胁要撤销对未付账单的访问权"
	qNoMoney     = "关键是不能缺钱"
	qTwoYears    = "只要不缺钱,短期三两年内"
	qParent      = "大部分背后都还有一个可以输血的母公司"
	qParentLimit = "一两亿美元的前期投资,一般还是能够支持"
	qStrategic   = "阿里、腾讯、字节等巨头在五家独角兽的投资上"
	qGPU         = "缺卡,被行业渲染得过分可怕了"
	qRentGPU     = "国内也不是不能购买替代卡或者租用算力"
	qPower       = "未来,或许还会有大模型企业,会不得不为电费折腰"
	qLocalFree   = "端侧大模型使用本地算力,长期也不会收费"
	qLocalRun    = "可以运行十亿、甚至百亿级别参数的大模型,还需要使用付费的云端大模型吗"
	qCloudBetter = "反倒是基于云端算力的一些大模型APP、官网,在手机、电脑上的表现会更好"
	qPaidTier    = "在C端终将有一天要走向收费"
)

// capitalRules: "未必死于缺卡一定死于缺钱". Money decides: Stability AI's
// unpaid AWS, Google and CoreWeave bills; a parent that can carry 一两亿美元
// of losses buys time; GPUs matter less than electricity. Runway points
// fall linearly from 35 (no cash) to nothing at the article's 三两年.
func capitalRules() []Rule {
	return []Rule{
		{
			ID: "capital.cloud-bills", Mode: "capital", Inputs: []string{"cloud_bills_overdue"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				switch {
				case isTrue(p.CloudBillsOverdue):
					return Finding{Points: 35, Refs: []Ref{quote(qOverdue)}, Action: qNoMoney, Text: txt(
						"云服务账单已经逾期:这正是 Stability AI 崩溃前的信号,它拖欠了亚马逊、谷歌和 CoreWeave 的云费用。",
						"Cloud bills are overdue: the signal before Stability AI's collapse, which owed AWS, Google and CoreWeave.")}, true
				case isFalse(p.CloudBillsOverdue):
					return favour(txt(
						"云账单按时付清:没有出现 Stability AI 拖欠云费用那样的信号。",
						"Cloud bills are paid: none of the arrears that preceded Stability AI's collapse."), quote(qOverdue)), true
				}
				return Finding{}, false
			},
		},
		{
			ID: "capital.runway", Mode: "capital", Inputs: []string{"runway_months"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if p.RunwayMonths == nil {
					return Finding{}, false
				}
				m, horizon := *p.RunwayMonths, 12*f.BreakoutYears
				if m >= horizon {
					return favour(txt(
						fmt.Sprintf("现金还能撑 %s:文章说只要不缺钱,三两年内就有机会跑出来。", FormatMonths(m, "zh")),
						fmt.Sprintf("%s of runway: the article says that without money trouble, two or three years is enough to break through.", FormatMonths(m, "en"))),
						bench("unicorn-breakout-years", qTwoYears)), true
				}
				zh := fmt.Sprintf("现金能撑 %s,短于文章说的不缺钱就能跑出来的“三两年”;缺卡不致命,缺钱才致命。", FormatMonths(m, "zh"))
				en := fmt.Sprintf("%s of runway, short of the two or three years the article gives well-funded companies; money, not GPUs, decides who survives.", FormatMonths(m, "en"))
				if m < 6 {
					zh = fmt.Sprintf("现金只够 %s:文章的结论是缺卡不致命,缺钱才致命。", FormatMonths(m, "zh"))
					en = fmt.Sprintf("Cash for only %s: the article's conclusion is that money, not GPUs, decides who survives.", FormatMonths(m, "en"))
				}
				return Finding{Points: towards(m/horizon, 5, 35), Refs: []Ref{quote(qNoMoney), bench("unicorn-breakout-years", qTwoYears)}, Action: qNoMoney, Text: txt(zh, en)}, true
			},
		},
		{
			ID: "capital.parent", Mode: "capital", Inputs: []string{"parent_company", "annual_cost", "annual_revenue", "currency"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if p.ParentCompany == nil {
					return Finding{}, false
				}
				profitable := p.AnnualCost != nil && p.AnnualRevenue != nil && *p.AnnualRevenue >= *p.AnnualCost
				if !*p.ParentCompany {
					if profitable {
						return Finding{}, false
					}
					return Finding{Points: 15, Refs: []Ref{quote(qParent)}, Action: qStrategic, Text: txt(
						"没有能输血的母公司或战略股东:文章说中国大多数大模型企业背后都有一个可以输血的母公司。",
						"No parent or strategic investor to carry losses: most Chinese model companies, the article says, have a parent that can transfuse money.")}, true
				}
				if p.AnnualCost != nil && p.AnnualRevenue != nil && !profitable {
					if loss, ok := usd(p, *p.AnnualCost-*p.AnnualRevenue); ok && loss > 2e8 {
						return Finding{Points: 10, Refs: []Ref{bench("parent-company-funding", qParentLimit)}, Action: qStrategic, Text: txt(
							fmt.Sprintf("有母公司,但年亏损约 %s(由你们的数字算出),超出文章说母公司一般能支持的一两亿美元。", FormatAmount(Amount{Value: loss, Currency: "USD"}, "zh")),
							fmt.Sprintf("A parent, but a yearly loss of about %s (computed from your figures) exceeds the $100-200M the article says a parent can usually carry.", FormatAmount(Amount{Value: loss, Currency: "USD"}, "en")))}, true
					}
				}
				f2 := favour(txt(
					"有能承担亏损的母公司或战略股东:一两亿美元的前期投资一般能撑住,找错方向也有切换的时间。",
					"A parent or strategic investor can carry losses: $100-200M of early investment is usually covered, leaving time to switch course."),
					quote(qParent), bench("parent-company-funding", qParentLimit))
				f2.Points = -10
				return f2, true
			},
		},
		{
			ID: "capital.compute", Mode: "capital", Inputs: []string{"gpu_access"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				switch p.GPUAccess {
				case "constrained":
					return Finding{Points: 5, Refs: []Ref{quote(qGPU), quote(qRentGPU)}, Action: qRentGPU, Text: txt(
						"算力受限:文章说缺卡不可怕,可以用替代卡或租用算力,关键是不能缺钱。",
						"Compute is constrained: the article says a GPU shortage is survivable with substitute cards or rented compute; money is what matters.")}, true
				case "own":
					return Finding{Points: 5, Refs: []Ref{quote(qPower)}, Action: qPower, Text: txt(
						"自建算力:文章提醒下一个约束是电,训练和推理的耗电会几何级上升。",
						"Own compute: the article warns that electricity is the next limit as training and inference power grows.")}, true
				}
				return Finding{}, false
			},
		},
	}
}

// onDeviceRules: "会输给AI PC吗". Local ~10B models on PCs and phones will
// never charge; today they are weaker than the cloud, but for how long?
func onDeviceRules() []Rule {
	return []Rule{
		{
			ID: "on-device.substitution", Mode: "on-device", Inputs: []string{"on_device_substitutable"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				switch p.OnDeviceSubstitutable {
				case "yes":
					return Finding{Points: 50, Refs: []Ref{bench("on-device-params", qLocalRun), quote(qLocalFree)}, Action: qCloudBetter, Text: txt(
						"本地十亿、百亿级模型就能完成这项工作:AI PC 和手机的端侧大模型长期也不会收费。",
						"A local 1-10B model can already do this job: on-device models on AI PCs and phones will never charge.")}, true
				case "partly":
					return Finding{Points: 25, Refs: []Ref{bench("on-device-params", qLocalRun), quote(qCloudBetter)}, Action: qCloudBetter, Text: txt(
						"端侧模型能部分替代:目前云端效果更好,但端侧一旦优化,差距会缩小。",
						"On-device models can partly replace you: the cloud is better today, but the gap closes as local models improve.")}, true
				case "no":
					return favour(txt(
						"端侧模型难以替代:你们依赖云端算力的效果优势。",
						"Hard to replace on device: the job depends on cloud-scale compute."), quote(qCloudBetter)), true
				}
				return Finding{}, false
			},
		},
		{
			ID: "on-device.consumers", Mode: "on-device", Inputs: []string{"on_device_substitutable", "customers"},
			Applies: func(p Profile) bool {
				return mayServeConsumers(p) && !knownNot(p.OnDeviceSubstitutable, "yes", "partly")
			},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if !servesConsumers(p) || (p.OnDeviceSubstitutable != "yes" && p.OnDeviceSubstitutable != "partly") {
					return Finding{}, false
				}
				return Finding{Points: 15, Refs: []Ref{quote(qLocalFree)}, Action: qPaidTier, Text: txt(
					"面向消费者时,免费的本地模型直接抢走付费意愿。",
					"For consumers, a free local model takes away the reason to pay.")}, true
			},
		},
	}
}
