package situation

// choiceCue sets a profile field when its word appears in a clause that
// states a fact. negated is the value when a negation word stands just
// before it ("" to set nothing); needs is a marker that must also appear in
// the clause (or, with sentence, the sentence).
type choiceCue struct {
	words    []string
	field    string
	value    string
	negated  string
	needs    mark
	sentence bool
}

var choiceCues = []choiceCue{
	{field: "model_strategy", value: "open-source", negated: "closed", words: []string{
		"开源", "开源了", "已开源", "权重开源", "开源模型", "open source", "open-source", "open sourced", "open-sourced", "open-sourcing", "open sourcing", "open weights", "open-weight", "weights are open", "weights away", "give our weights away"}},
	{field: "model_strategy", value: "open-core", words: []string{"open core", "open-core", "社区版", "开源版", "商业版", "community edition", "开源加付费", "开源+付费"}},
	{field: "model_strategy", value: "closed", words: []string{"闭源", "不开源", "没开源", "closed source", "closed-source", "proprietary model", "closed model"}},
	{field: "model_strategy", value: "third-party", words: []string{"调用api", "调用 api", "调api", "套壳", "wrapper", "gpt wrapper", "openai api", "third-party model", "third party model", "用别人的模型", "基于gpt", "基于 gpt"}},
	{field: "scenario", value: "text-to-image", words: []string{
		"文生图", "生图", "图像生成", "图片生成", "ai绘画", "ai 绘画", "ai绘图", "ai作图", "text-to-image", "text to image", "image generation", "image generator", "image gen", "midjourney competitor", "stable diffusion"}},
	{field: "scenario", value: "code-assistant", words: []string{
		"code assistant", "coding assistant", "code assist", "coding copilot", "code copilot", "copilot", "code generation", "代码助手", "代码辅助", "编程助手", "代码生成", "ai编程", "ai 编程", "写代码的"}},
	{field: "scenario", value: "agent", words: []string{"agent", "agents", "ai agent", "智能体", "agent platform"}},
	{field: "scenario", value: "general-chat", words: []string{"chatbot", "聊天机器人", "陪聊", "ai伴侣", "companion app", "chat app", "对话机器人", "聊天应用"}},
	{field: "scenario", value: "office", words: []string{"办公", "office assistant", "文档助手", "会议纪要", "ppt"}},
	{field: "scenario", value: "vertical-industry", words: []string{"行业大模型", "行业模型", "垂直", "垂类", "vertical", "domain-specific", "医疗大模型", "法律大模型", "金融大模型", "教育大模型", "工业大模型"}},
	{field: "model_scope", value: "vertical", words: []string{"行业大模型", "行业模型", "垂直", "垂类", "vertical", "domain-specific", "专业大模型", "医疗大模型", "法律大模型", "金融大模型", "教育大模型", "工业大模型"}},
	{field: "model_scope", value: "general", words: []string{"通用大模型", "通用模型", "基座模型", "基础大模型", "千亿参数", "千亿级", "foundation model", "general model", "general-purpose model", "general purpose model"}},
	{field: "customers", value: "enterprise", words: []string{
		"to b", "tob", "b端", "b2b", "面向企业", "企业客户", "给企业", "做企业", "企业级", "私有化部署", "政企", "给政府", "政府项目", "给银行", "银行客户", "大客户", "甲方",
		"enterprise", "enterprises", "enterprise clients", "enterprise customers", "businesses", "big client", "b2b deals"}},
	{field: "customers", value: "consumer", words: []string{
		"to c", "toc", "c端", "b2c", "消费者", "个人用户", "普通用户", "面向用户", "consumer", "consumers", "for consumers", "consumer app"}},
	{field: "customers", value: "both", words: []string{"b端和c端都", "b端c端都", "to b 和 to c", "both consumers and businesses", "both b2b and b2c"}},
	{field: "parent_company", value: "true", negated: "false", words: []string{
		"母公司", "背靠", "集团背景", "大厂投资", "大厂背书", "战略投资", "战略股东", "输血", "parent company", "corporate parent", "strategic investor",
		"backed by a big", "backed by big", "backed by a large", "backed by a corporate", "backed by a group"}},
	{field: "cloud_bills_overdue", value: "true", negated: "false", needs: fBill, words: []string{
		"拖欠", "欠费", "欠了", "欠着", "逾期", "付不起", "交不起", "没付", "停服", "断供", "催款", "overdue", "behind on", "unpaid", "owe", "owing", "cut us off", "late on", "can't pay", "cannot pay", "past due"}},
	{field: "cloud_bills_overdue", value: "true", negated: "false", words: []string{"云账单拖欠", "云费用拖欠", "拖欠云", "欠云厂商", "cloud bills overdue", "cloud bill overdue", "overdue cloud"}},
	{field: "competes_with_platform_giants", value: "true", negated: "false", needs: fGiant, sentence: true, words: []string{
		"竞争", "竞品", "对手", "正面", "抢", "碾压", "夹在", "夹缝", "下场", "挤压", "同质化", "做同样", "抄",
		"compete", "competes", "competing", "competitor", "competitors", "crush", "crushes", "squeeze", "up against", "head to head", "head-on", "copy us"}},
	{field: "gpu_access", value: "constrained", needs: fGPU, words: []string{
		"买不到", "买不起", "拿不到", "抢不到", "不够", "限购", "禁运", "can't get", "cannot get", "can't buy", "can't afford", "shortage", "short on", "not enough"}},
	{field: "gpu_access", value: "constrained", words: []string{"缺卡", "没卡", "卡不够", "算力不够", "算力紧张", "出口管制", "export control", "export controls", "gpu shortage"}},
	{field: "gpu_access", value: "rented", needs: fGPU, words: []string{"租", "租了", "租用", "rent", "rented", "renting", "rental"}},
	{field: "gpu_access", value: "rented", words: []string{"租卡", "租算力", "租用算力", "云上算力", "cloud gpus", "rent gpus", "rented gpus", "rent compute"}},
	{field: "gpu_access", value: "own", words: []string{"自建机房", "自建集群", "自有算力", "自己的卡", "own cluster", "our own gpus"}},
	{field: "hallucination_tolerance", value: "low", words: []string{
		"怕幻觉", "不能有幻觉", "不能出错", "零容错", "百分之百准确", "100%准确", "100% 准确", "幻觉问题", "投诉幻觉",
		"complaining about hallucinations", "can't tolerate hallucination", "cannot tolerate hallucination", "no hallucinations", "100% accurate", "zero tolerance", "human in the loop"}},
	{field: "customer_digital_maturity", value: "low", words: []string{
		"数字化都没", "信息化都没", "连数字化", "连信息化", "数字化程度低", "数字化水平低", "not digital", "still on paper", "paper-based"}},
	{field: "marketing_visibility", value: "low", words: []string{
		"不做宣传", "没有宣传", "不宣传", "没声量", "没有声量", "很低调", "没人知道", "没有人知道", "知名度低", "stealth", "zero marketing", "no marketing",
		"don't market", "nobody knows", "no one knows", "nobody outside", "nobody has heard", "no one has heard"}},
	{field: FieldAnnualRevenue, value: "0", words: []string{
		"没有收入", "零收入", "收入为零", "收入是零", "收入几乎是零", "收入几乎为零", "一分钱没赚", "一分钱都没赚", "没赚到钱", "没赚过钱", "no revenue", "zero revenue", "pre-revenue"}},
	{field: FieldPayingUsers, value: "0", words: []string{
		"没有付费用户", "没有付费客户", "没有一个付费", "没人付费", "没有人付费", "没人买单", "no paying customers", "no paying users", "nobody pays", "no one pays", "nobody is paying"}},
}

// decisionWords weigh options: a clause with one states no fact, and a
// question with one asks for a decision.
var decisionWords = []string{"还是", "要不要", "该不该", "应不应该", "是否应该", "是否该", "值得", "值不值", "哪个好", "哪个更", "选哪", "怎么选", "是不是比", "是不是该",
	"是不是应该", "比较好", "好不好", "可不可以", "可以吗", "行不行", "走得通", "靠谱吗", "有没有必要", "或者",
	"有机会吗", "有前途吗", "可行吗", "行得通吗", "能活吗", "能不能", "做起来吗", "能变现吗", "viable", "make sense", "makes sense", "good business",
	"should we", "should i", "should our", "should", "shall we", "better than", "better business", "worth it", "is it worth", "good idea", "which one", "whether"}

// Markers: words whose presence changes how a clause is read.
var markers = map[mark][]string{
	fQuestion: {"?", "吗", "呢", "什么", "怎么", "如何", "多少", "多久", "哪", "能不能", "会不会", "有没有", "是不是",
		"how", "what", "why", "when", "which", "who", "where", "is it", "are we", "can we", "could we", "do we", "does"},
	fDecision:     append([]string{"vs", "vs.", "versus"}, decisionWords...),
	fHypothetical: {"如果", "假如", "假设", "万一", "要是", "if", "what if", "suppose", "imagine"},
	fWorld:        {"很火", "火了", "风口", "趋势", "都在做", "都在搞", "都在用", "大家都", "are hot", "is hot", "trend", "trending", "everyone", "hype"},
	fFirstPerson:  {"我们", "我", "咱们", "我司", "本公司", "我们的", "we", "we're", "we've", "we'd", "our", "ours", "us", "i", "i'm", "i've", "my", "me"},
	fNegation:     {"不", "没", "没有", "无", "不是", "并不", "从不", "no", "not", "never", "zero", "without", "don't", "doesn't", "didn't", "isn't", "aren't", "haven't", "no longer"},
	fSplit:        {"但是", "但", "可是", "不过", "然而", "可就是", " but ", " however", " although"},
	fBill:         {"账单", "云费用", "云服务费", "服务器费用", "算力费", "云厂商", "云服务", "阿里云", "腾讯云", "华为云", "百度云", "火山引擎", "bill", "bills", "invoice", "invoices", "aws", "azure", "gcp", "google cloud", "cloud provider"},
	fGiant:        {"巨头", "大厂", "平台巨头", "互联网大厂", "阿里", "阿里云", "百度", "千帆", "字节", "火山引擎", "腾讯", "华为", "讯飞", "科大讯飞", "big tech", "giants", "platform giants", "hyperscalers", "alibaba", "baidu", "bytedance", "tencent", "huawei", "google", "microsoft", "amazon"},
	fGPU:          gpuUnits,
	fRent:         {"租", "租了", "租用", "租的", "rent", "rented", "renting", "rental"},
}

// stillAfter: "还是" followed by these means "still", not "or".
var stillAfter = []string{"没", "不", "很", "挺", "一样", "那样", "在", "会", "有", "要", "觉得"}

// Intent cues. A question's kind is the first of threat, decision, figure
// and how-to that has a cue in it; "or" counts for a decision only in a
// question that has no other cue.
var intentCues = map[string][]string{
	IntentThreat: {"what if", "会不会被", "被替代", "被淘汰", "kill our", "eat us", "dead end", "死路", "最大的风险", "最大风险", "风险是什么", "什么风险", "哪些风险", "有啥风险", "风险", "最容易死", "死在哪", "会不会死", "会死吗", "最该担心", "最需要警惕",
		"担心什么", "要担心", "算问题吗", "是不是就完了", "完了吗", "致命", "biggest risk", "biggest threat", "main risk", "risks", "risk", "worry about", "should i worry",
		"should we worry", "kill us", "gonna kill", "going to kill", "are we dead", "what could go wrong", "worry abt"},
	IntentDecision: decisionWords,
	IntentFigure:   {"多少", "多久", "几成", "比例", "占比", "多大", "how much", "how many", "how long", "what percentage", "what share", "how big"},
	IntentHowTo: {"怎么办", "咋办", "咋整", "怎么整", "怎么搞", "怎么做", "该怎么", "如何", "怎样", "怎么赚钱", "怎么活", "怎么才能", "具体", "下一步", "接下来", "建议", "how do", "how can", "how to",
		"how should", "what should i do", "what should we do", "what do we do", "what to do", "next step", "next steps", "advice", "tips", "what are we missing",
		"where should", "what should", "what shud"},
}

// weakDecision: a decision cue only in a sentence that asks, and only when
// no other cue is found ("how much did it spend vs earn" asks a figure).
var weakDecision = []string{"or", "vs", "vs.", "versus"}

// fieldModes: the failure mode a profile field informs, for the dilemma a
// choice word votes for.
var fieldModes = map[string]string{
	"scenario": "scenario", "customers": "segment", "model_strategy": "open-source", "model_scope": "generality",
	"gpu_access": "capital", "parent_company": "capital", "cloud_bills_overdue": "capital", "competes_with_platform_giants": "generality",
	"hallucination_tolerance": "segment", "customer_digital_maturity": "segment", "marketing_visibility": "market",
}

// dilemmaWords name the dilemma a decision is about, by failure mode: each
// fate is one dilemma the article takes a side on. A choice word also votes
// for the dilemma of its field's mode (fieldModes).
var dilemmaWords = map[string][]string{
	"capital":     {"gpu", "gpus", "显卡", "卡", "算力", "买卡", "缺卡", "缺钱", "h100", "a800", "a100", "cash", "现金", "融资", "raise", "runway", "钱"},
	"open-source": {"开源", "闭源", "open source", "open-source", "closed", "keep it closed", "weights", "权重", "license", "商用"},
	"segment":     {"b端", "c端", "to b", "to c", "tob", "toc", "b2b", "b2c", "enterprise", "consumer", "consumers", "企业", "消费者", "单子", "客户"},
	"generality":  {"通用", "垂直", "general", "vertical", "foundation model", "千亿参数", "行业大模型", "专业"},
	"scenario":    {"场景", "use case", "scenario", "文生图", "代码", "code", "coding", "copilot", "agent", "chatbot", "聊天", "pivot", "方向", "赛道", "image generator", "需求"},
	"on-device":   {"ai pc", "端侧", "on-device", "on device", "local model", "本地", "手机厂商", "apple", "iphone", "laptop", "笔记本"},
}

// unpaidWords say that an open model earns nothing yet, or ask how it
// could: beside open weights they make model_strategy "open-source" (open,
// no paid version).
var unpaidWords = []string{
	"怎么赚钱", "如何赚钱", "怎么挣钱", "怎么变现", "如何变现", "怎么商业化", "如何商业化", "没有收入", "没收入", "零收入",
	"免费", "不收费", "没有付费", "没付费", "没有商业版", "没有闭源",
	"make money", "monetiz", "monetis", "no revenue", "zero revenue", "for free", "free to use", "no paid", "nothing paid", "earn nothing",
}
