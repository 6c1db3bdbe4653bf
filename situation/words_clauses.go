package situation

import "slices"

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
	fFirstPerson:  {"我", "i", "i'm", "i've", "my", "me"},
	fFirstPerson | fWe: append([]string{"我们", "咱们", "我司", "本公司", "我们的", "we", "we're", "we've", "we'd", "our", "ours", "us"},
		premiseWords...),
	fNegation: {"不", "没", "没有", "无", "不是", "并不", "从不", "no", "not", "never", "zero", "without", "don't", "doesn't", "didn't", "isn't", "aren't", "haven't", "no longer"},
	fSplit:    {"但是", "但", "可是", "不过", "然而", "可就是", " but ", " however", " although"},
	fBill:     {"账单", "云费用", "云服务费", "服务器费用", "算力费", "云厂商", "云服务", "阿里云", "腾讯云", "华为云", "百度云", "火山引擎", "bill", "bills", "invoice", "invoices", "aws", "azure", "gcp", "google cloud", "cloud provider"},
	fGiant:    {"巨头", "大厂", "平台巨头", "互联网大厂", "阿里", "阿里云", "百度", "千帆", "字节", "火山引擎", "腾讯", "华为", "讯飞", "科大讯飞", "big tech", "giants", "platform giants", "hyperscalers", "alibaba", "baidu", "bytedance", "tencent", "huawei", "google", "microsoft", "amazon"},
	fGPU:      gpuUnits,
	fRent:     {"租", "租了", "租用", "租的", "rent", "rented", "renting", "rental"},
	fCompete:  append([]string{"vs", "vs.", "versus", "against"}, competeWords...),
	fPlan: {"need", "needs", "need to", "planning", "plan to", "plans to", "planned", "want", "want to", "wants", "would like", "hope to", "aim to", "aiming",
		"target", "goal", "to buy", "will buy", "going to buy", "buying", "will have", "going to have", "expect", "expected", "projected", "forecast",
		"要买", "想买", "想要", "想融", "要融", "打算", "计划", "准备", "需要", "目标", "希望", "预计", "预期"},
	fVendor: {"gpt", "gpt-4", "gpt-4o", "gpt-3.5", "gpt-4 turbo", "chatgpt", "openai", "openai's", "claude", "anthropic", "gemini", "文心一言", "文心", "通义千问", "通义", "豆包"},
	fDevice: {"vivo", "oppo", "小米", "xiaomi", "荣耀", "三星", "samsung", "苹果", "apple", "华为", "huawei", "联想", "lenovo", "英特尔", "intel", "amd", "高通", "qualcomm",
		"手机厂商", "终端厂商", "phone makers", "device makers", "pc makers", "ai pc", "ai pcs"},
	fClient: {"客户", "customers", "customer", "clients", "client", "for", "给", "帮", "帮助", "服务", "面向", "sell to", "selling to", "sells to", "serve", "serves", "serving", "卖给"},
	fLow:    {"低", "很低", "较低", "偏低", "比较低", "不高", "差", "很差", "落后", "薄弱", "跟不上", "low", "poor", "weak", "lagging", "barely", "hardly", "not very"},
	fAverse: {"hate", "hates", "can't stand", "cannot stand", "can't tolerate", "won't tolerate", "don't tolerate", "intolerant", "afraid of", "fear", "fears", "worried about",
		"complain", "complains", "受不了", "不能接受", "无法接受", "接受不了", "不接受", "怕", "讨厌", "零容忍", "投诉", "不允许", "担心", "最怕", "反感"},
	fPerCustomer: perCustomer,
	fUnpaid:      slices.Concat(unpaidWords, noPayersWords, noRevenueWords),
}

// premiseWords give the founder's own figures as a premise ("how long do we
// have if we have $40M cash"): first person, not a supposition.
var premiseWords = []string{"if we have", "if we've got", "if we still have", "if i have", "given we have", "given that we have", "since we have",
	"如果我们有", "如果我们还有", "假如我们有", "要是我们有"}

// plainWords mean nothing here; they hide the shorter words inside them
// ("不低" is not low; "主要是" holds no "要是", if).
var plainWords = []string{"不低", "不差", "差不多", "差距", "低估", "哪怕", "计划书", "主要", "重要"}

// possessionFields are choices that say what the founder has, which a need
// or plan does not ("打算自建机房").
var possessionFields = []string{"gpu_access", "parent_company", "cloud_bills_overdue", FieldRaised}

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
	"scenario": "scenario", "customers": "segment", "model_strategy": "open-source", FieldOpenWeights: "open-source", "model_scope": "generality",
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

// unpaidWords say that nothing is paid for, or ask how it could be; beside
// open weights they make model_strategy "open-source" (open, no paid
// version), as noPayersWords and noRevenueWords do.
var unpaidWords = []string{
	"怎么赚钱", "如何赚钱", "怎么挣钱", "怎么变现", "如何变现", "怎么商业化", "如何商业化", "没收入", "一分钱没拿到",
	"免费", "不收费", "没有付费", "没付费", "没有商业版", "没有闭源",
	"make money", "we make money", "making money", "earn money", "monetize", "monetise", "monetizing", "monetising", "monetization", "monetisation",
	"for free", "free to use", "no paid", "nothing paid", "earn nothing",
}
