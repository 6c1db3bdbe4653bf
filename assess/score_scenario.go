package assess

// Anchors for the scenario and generality rules, verbatim in the article.
const (
	qWrongScenario = "死了的或者投资人失去信心的大模型企业,基本都是找错了场景"
	qT2IBlocked    = "靠C端付费盈利,就基本被堵死了这条路"
	qMidjourney    = "Midjourney等巨头又基本垄断了主要市场"
	qCodeShare     = "大概占整个付费意愿里面50%以上的场景"
	qAgentCost     = "要不然每个任务还需要一个单独的指令下达人员,对企业来说也就不能节省成本"
	qAgentParts    = "增加规划(Planning)、记忆(Memory)、工具(Tools)等组件"
	qClearDemand   = "美图一开始就是有明确的需求和场景来反推模型的研发"
	qNoTarget      = "不知道要给谁用的模型"
	qSwitchFast    = "找错场景赶紧切换"
	qBuildOnOpen   = "创业者可以基于开源模型做开发还可以走"
	qGeneralCost   = "通用大模型都是投入巨大的"
	qVerticalData  = "专业大模型都是缺乏贯通行业的优质数据的"
	qPosition      = "通用大模型做C端,或者赋能垂直大模型"
	qAliyun        = "全国80%的科技企业和超过一半的AI大模型公司跑在阿里云上"
	qVolcano       = "国内大模型领域,七成以上已是火山引擎客户"
	qGiantsPlay    = "巨头既做赋能自己也下场做大模型,如何和生态伙伴相处"
	qGiantsToo     = "你百度赋能行业,我阿里、字节同样能做到"
)

// scenarioRules: "死于找错了场景?". Text-to-image is crowded and consumer
// payment there is "基本被堵死"; code assistance is over half of the
// willingness to pay; agents are a monetisation path with more to build;
// clear demand should drive the model (美图).
func scenarioRules() []Rule {
	return []Rule{
		{
			ID: "scenario.crowdedness", Mode: "scenario", Inputs: []string{"scenario"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				switch p.Scenario {
				case "text-to-image":
					return Finding{Points: 40, Refs: []Ref{quote(qMidjourney), quote(qWrongScenario), bench("code-assist-pay-share", qCodeShare)}, Action: qBuildOnOpen, Text: txt(
						"文生图赛道拥挤:Midjourney 等巨头基本垄断了主要市场,Stability AI 也没有跑通;相比之下代码辅助占付费意愿的 50%以上。",
						"Text-to-image is crowded: Midjourney and other giants hold the main market and Stability AI did not make it; code assistance, by contrast, is over 50% of willingness to pay.")}, true
				case "general-chat":
					return Finding{Points: 35, Refs: []Ref{quote(qNoTarget), quote(qWrongScenario)}, Action: qClearDemand, Text: txt(
						"通用聊天没有明确场景:美图 CEO 警告不要做“不知道要给谁用的模型”。",
						"General chat has no clear use case: Meitu's CEO warns against a model nobody knows who it is for.")}, true
				case "other":
					return Finding{Points: 25, Refs: []Ref{quote(qClearDemand), quote(qWrongScenario)}, Action: qClearDemand, Text: txt(
						"场景尚不明确:文章说失败的大模型企业基本都是找错了场景,应像美图一样由明确需求反推模型。",
						"The use case is not yet clear: the article says the companies that failed mostly picked the wrong scenario; work back from a clear demand, as Meitu does.")}, true
				case "office":
					return Finding{Points: 20, Refs: []Ref{quote(qWrongScenario)}, Action: qClearDemand, Text: txt(
						"办公辅助需求明确,但大厂(如商汤小浣熊)同样在做,需要清楚的差异点。",
						"Office assistance is a clear need, but large players ship it too; you need a clear difference.")}, true
				case "agent", "vertical-industry":
					return Finding{Points: 15, Refs: []Ref{quote(qAgentParts), quote(qAgentCost)}, Action: qAgentParts, Text: txt(
						"Agent 与行业落地被视为变现的重要道路,但需要在大模型之上补齐规划、记忆、工具等组件,才能替企业省下人力。",
						"Agents and industry deployments are seen as a way to monetise, but they need planning, memory and tools on top of the model before they save a company any labour.")}, true
				case "code-assistant":
					return favour(txt(
						"代码辅助是需求最明确的场景,占整个付费意愿的 50%以上。",
						"Code assistance is the clearest demand, over 50% of all willingness to pay."), bench("code-assist-pay-share", qCodeShare)), true
				}
				return Finding{}, false
			},
		},
		{
			ID: "scenario.consumer-image", Mode: "scenario", Inputs: []string{"scenario", "customers"},
			Applies: func(p Profile) bool {
				return !knownNot(p.Scenario, "text-to-image") && !knownNot(p.Customers, "consumer", "both")
			},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if p.Scenario != "text-to-image" || !servesConsumers(p) {
					return Finding{}, false
				}
				return Finding{Points: 20, Refs: []Ref{quote(qT2IBlocked)}, Action: qSwitchFast, Text: txt(
					"想做 Midjourney 那样的文生图、靠 C 端付费盈利,文章说这条路“基本被堵死”。",
					"A Midjourney-like text-to-image product paid for by consumers is, in the article's words, a road that is basically blocked.")}, true
			},
		},
	}
}

// generalityRules: "死于通用还是死于专业". General models cost enormously and
// sit beside the platform giants (阿里云 hosts 80% of tech companies, 火山引擎
// over 70% of the model makers); vertical models lack industry data.
func generalityRules() []Rule {
	return []Rule{
		{
			ID: "generality.scope", Mode: "generality", Inputs: []string{"model_scope", "model_strategy"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				switch {
				case p.ModelScope == "general" && p.ModelStrategy == "third-party":
					return Finding{Points: 15, Refs: []Ref{quote(qGiantsPlay)}, Action: qGiantsToo, Text: txt(
						"通用产品建在第三方模型上:不必承担千亿级训练投入,但提供模型的巨头随时可以自己下场做同样的产品。",
						"A general product on third-party models: no 100B-parameter training bill, but the giants who supply the model can ship the same product themselves.")}, true
				case p.ModelScope == "general":
					return Finding{Points: 30, Refs: []Ref{quote(qGeneralCost)}, Action: qPosition, Text: txt(
						"做通用大模型(千亿参数级)投入巨大,正面对着百度、阿里、讯飞等巨头。",
						"A general model (100B+ parameters) needs enormous investment and faces Baidu, Alibaba and iFlytek head on.")}, true
				case p.ModelScope == "vertical":
					return Finding{Points: 15, Refs: []Ref{quote(qVerticalData)}, Action: qVerticalData, Text: txt(
						"垂直模型的难点是数据:文章说专业大模型都缺乏贯通行业的优质数据。",
						"A vertical model's hard part is data: the article says vertical models lack quality data that spans the industry.")}, true
				}
				return Finding{}, false
			},
		},
		{
			ID: "generality.platform-giants", Mode: "generality", Inputs: []string{"competes_with_platform_giants"},
			Eval: func(p Profile, f Facts) (Finding, bool) {
				if p.CompetesWithGiants == nil {
					return Finding{}, false
				}
				if !*p.CompetesWithGiants {
					return favour(txt(
						"不与平台巨头正面竞争:巨头既做赋能也下场,你们避开了正面交锋。",
						"Not competing head on with the platform giants, who both supply and compete."), quote(qGiantsPlay)), true
				}
				return Finding{Points: 35, Refs: []Ref{bench("alibaba-cloud-tech-share", qAliyun), bench("volcano-llm-share", qVolcano), quote(qGiantsPlay)}, Action: qGiantsToo, Text: txt(
					"与平台巨头同场竞争:全国 80% 的科技企业跑在阿里云上,国内大模型领域七成以上是火山引擎客户,巨头既做赋能也亲自下场。",
					"Competing with the platform giants: 80% of China's tech companies run on Alibaba Cloud and over 70% of model makers are Volcano Engine customers; the giants both supply and compete.")}, true
			},
		},
	}
}
