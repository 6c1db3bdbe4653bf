package situation

// choiceCue sets a profile field when its word appears in a clause that
// states a fact. negated is the value when a negation word stands just
// before it ("" to set nothing; value "" sets something only when negated);
// needs is a marker that must also appear in the clause (or, with sentence,
// the sentence; with anywhere, a clause that states in any message of the
// conversation); near one that must stand on a word next to it (nearWords);
// company asks for the company speaking (we, 我们, not 我) in the sentence.
type choiceCue struct {
	words    []string
	field    string
	value    string
	negated  string
	needs    mark
	near     mark
	sentence bool
	anywhere bool
	company  bool
}

// nearWords: how many words (a Han character, or an ASCII word) may stand
// between a choice word and the word its near marker is on.
const nearWords = 3

var choiceCues = []choiceCue{
	// Open weights say nothing of a paid version: model_strategy
	// "open-source" (open, none paid) needs the founder to say that nothing
	// is paid for, or to ask how to make money; "我们没有开源" is closed.
	{field: FieldOpenWeights, value: "true", words: openWords},
	{field: "model_strategy", negated: "closed", words: openWords},
	{field: "model_strategy", value: "open-source", needs: fUnpaid, anywhere: true, words: openWords},
	{field: "model_strategy", value: "open-core", words: []string{"open core", "open-core", "社区版", "开源版", "商业版", "community edition", "开源加付费", "开源+付费"}},
	{field: "model_strategy", value: "closed", words: []string{"闭源", "不开源", "没开源", "closed source", "closed-source", "proprietary model", "closed model"}},
	{field: "model_strategy", value: "third-party", words: []string{"调用api", "调用 api", "调api", "套壳", "wrapper", "gpt wrapper", "openai api", "third-party model", "third party model", "用别人的模型", "基于gpt", "基于 gpt"}},
	// Using a vendor's model: "用GPT-4 API", "building on the GPT-4 API".
	{field: "model_strategy", value: "third-party", near: fVendor, company: true, words: []string{
		"api", "apis", "接口", "调用", "基于", "接入", "用", "使用", "built on", "building on", "build on", "based on", "on top of", "wrap", "wraps", "wrapping"}},
	// Not training one's own model: "不训练自己的模型", "we don't train our own model".
	{field: "model_strategy", negated: "third-party", words: []string{
		"训练自己的模型", "训练自己的大模型", "自己训练模型", "自己训模型", "自研模型", "自研大模型", "自己的模型", "自己的大模型",
		"train our own model", "train our own models", "training our own model", "our own model", "our own models", "train a model", "train models"}},
	{field: "scenario", value: "text-to-image", words: []string{
		"文生图", "生图", "图像生成", "图片生成", "ai绘画", "ai 绘画", "ai绘图", "ai作图", "text-to-image", "text to image", "image generation", "image generator", "image gen", "midjourney competitor", "stable diffusion"}},
	{field: "scenario", value: "code-assistant", words: []string{
		"code assistant", "coding assistant", "code assist", "coding copilot", "code copilot", "copilot", "code generation", "代码助手", "代码辅助", "编程助手", "代码生成", "ai编程", "ai 编程", "写代码的"}},
	{field: "scenario", value: "agent", words: []string{"agent", "agents", "ai agent", "智能体", "agent platform"}},
	{field: "scenario", value: "general-chat", words: []string{"chatbot", "聊天机器人", "陪聊", "ai伴侣", "companion app", "chat app", "对话机器人", "聊天应用"}},
	{field: "scenario", value: "office", words: []string{"办公", "office assistant", "文档助手", "会议纪要", "ppt"}},
	{field: "scenario", value: "vertical-industry", words: verticalWords},
	{field: "model_scope", value: "vertical", words: append([]string{"专业大模型"}, verticalWords...)},
	{field: "model_scope", value: "general", words: []string{"通用大模型", "通用模型", "基座模型", "基础大模型", "千亿参数", "千亿级", "foundation model", "general model", "general-purpose model", "general purpose model"}},
	{field: "customers", value: "enterprise", words: []string{
		"to b", "tob", "b端", "b2b", "面向企业", "企业客户", "给企业", "做企业", "企业级", "私有化部署", "政企", "给政府", "政府项目", "给银行", "银行客户", "大客户", "甲方",
		"enterprise", "enterprises", "enterprise clients", "enterprise customers", "businesses", "big client", "b2b deals",
		"on-prem", "on-premise", "on-premises", "on prem", "私有部署"}},
	// Businesses named as the founder's clients: "our customers are law
	// firms", "给钢铁厂做大模型", "for logistics companies".
	{field: "customers", value: "enterprise", near: fClient, company: true, words: businessNouns},
	{field: "customers", value: "consumer", words: []string{
		"to c", "toc", "c端", "b2c", "消费者", "个人用户", "普通用户", "面向用户", "consumer", "consumers", "for consumers", "consumer app"}},
	{field: "customers", value: "both", words: []string{"b端和c端都", "b端c端都", "to b 和 to c", "both consumers and businesses", "both b2b and b2c"}},
	{field: "parent_company", value: "true", negated: "false", words: []string{
		"母公司", "背靠", "集团背景", "大厂投资", "大厂背书", "战略投资", "战略股东", "输血", "parent company", "corporate parent", "strategic investor",
		"backed by a big", "backed by big", "backed by a large", "backed by a corporate", "backed by a group"}},
	{field: "cloud_bills_overdue", value: "true", negated: "false", needs: fBill, words: []string{
		"拖欠", "欠费", "欠了", "欠着", "逾期", "付不起", "交不起", "没付", "停服", "断供", "催款", "overdue", "behind on", "unpaid", "owe", "owing", "cut us off", "late on", "can't pay", "cannot pay", "past due"}},
	{field: "cloud_bills_overdue", value: "true", negated: "false", words: []string{"云账单拖欠", "云费用拖欠", "拖欠云", "欠云厂商", "cloud bills overdue", "cloud bill overdue", "overdue cloud"}},
	{field: "competes_with_platform_giants", value: "true", negated: "false", needs: fGiant, sentence: true, words: competeWords},
	// Competing with phone and PC makers, who ship on-device models free:
	// a local model does the founder's job.
	{field: "on_device_substitutable", value: "yes", negated: "no", needs: fDevice, sentence: true, words: competeWords},
	{field: "gpu_access", value: "constrained", needs: fGPU, words: []string{
		"买不到", "买不起", "拿不到", "抢不到", "不够", "限购", "禁运", "can't get", "cannot get", "can't buy", "can't afford", "shortage", "short on", "not enough"}},
	{field: "gpu_access", value: "constrained", words: []string{"缺卡", "没卡", "卡不够", "算力不够", "算力紧张", "出口管制", "export control", "export controls", "gpu shortage"}},
	{field: "gpu_access", value: "rented", needs: fGPU, words: []string{"租", "租了", "租用", "rent", "rented", "renting", "rental"}},
	{field: "gpu_access", value: "rented", words: []string{"租卡", "租算力", "租用算力", "云上算力", "cloud gpus", "rent gpus", "rented gpus", "rent compute"}},
	{field: "gpu_access", value: "own", words: []string{"自建机房", "自建集群", "自有算力", "自己的卡", "own cluster", "our own gpus"}},
	{field: "hallucination_tolerance", value: "low", words: []string{
		"怕幻觉", "不能有幻觉", "不能出错", "零容错", "百分之百准确", "100%准确", "100% 准确", "幻觉问题", "投诉幻觉",
		"complaining about hallucinations", "can't tolerate hallucination", "cannot tolerate hallucination", "no hallucinations", "100% accurate", "zero tolerance", "human in the loop",
		"human-in-the-loop", "人盯着", "人工审核", "人工复核", "人工校对", "人工兜底", "human review", "manual review"}},
	// "they hate hallucinations", "客户受不了幻觉".
	{field: "hallucination_tolerance", value: "low", needs: fAverse, words: []string{
		"幻觉", "hallucination", "hallucinations", "hallucinate", "hallucinates", "hallucinating", "瞎编", "胡编"}},
	{field: "customer_digital_maturity", value: "low", words: []string{
		"数字化都没", "信息化都没", "连数字化", "连信息化", "数字化程度低", "数字化水平低", "not digital", "still on paper", "paper-based"}},
	// "客户数字化程度很低", "low digital maturity".
	{field: "customer_digital_maturity", value: "low", needs: fLow, words: []string{
		"数字化", "信息化", "数字化程度", "数字化水平", "信息化程度", "信息化水平", "digital maturity", "digitally", "digitization", "digitalization", "digitisation", "digitized", "digitised"}},
	{field: "marketing_visibility", value: "low", words: []string{
		"不做宣传", "没有宣传", "不宣传", "没声量", "没有声量", "很低调", "没人知道", "没有人知道", "知名度低", "stealth", "zero marketing", "no marketing",
		"don't market", "nobody knows", "no one knows", "nobody outside", "nobody has heard", "no one has heard",
		"低调", "low profile", "low-profile", "keep a low profile", "keep quiet", "stay quiet", "藏在深闺"}},
	// Money without a figure: a funding fact (Value true).
	{field: FieldRaised, value: "true", words: []string{
		"lots of funding", "a lot of funding", "plenty of funding", "well funded", "well-funded", "plenty of cash", "lots of cash", "lots of money", "flush with cash",
		"just raised", "recently raised", "钱很多", "不缺钱", "资金充足", "资金充裕", "刚融了", "刚融", "刚完成融资", "刚拿到融资", "融了很多"}},
	// Losses or profit said in words: annual_loss true or false.
	{field: FieldAnnualLoss, value: "true", negated: "false", words: []string{
		"亏损严重", "严重亏损", "亏得厉害", "亏得很厉害", "一直亏", "一直在亏", "在亏钱", "亏钱", "还在亏", "不赚钱", "没有盈利", "还没盈利", "未盈利",
		"losing money", "lose money", "losing a lot", "loss-making", "in the red", "unprofitable", "bleeding money"}},
	{field: FieldAnnualLoss, value: "false", negated: "true", words: []string{
		"已经盈利", "实现盈利", "盈利了", "开始盈利", "在盈利", "赚钱了", "profitable", "in the black", "making a profit", "turned a profit"}},
	{field: FieldAnnualRevenue, value: "0", words: noRevenueWords},
	// Nobody pays: a state, no count to compute with (paying_users false).
	{field: FieldPayingUsers, value: "false", words: noPayersWords},
}

// openWords say the model's weights are open.
var openWords = []string{
	"开源", "开源了", "已开源", "权重开源", "开源模型", "open source", "open-source", "open sourced", "open-sourced", "open-sourcing", "open sourcing",
	"open weights", "open-weight", "weights are open", "weights away", "give our weights away"}

// verticalWords name a model made for one industry: the use case and the
// model's scope at once.
var verticalWords = []string{"行业大模型", "行业模型", "垂直", "垂类", "vertical", "domain-specific", "医疗大模型", "法律大模型", "金融大模型", "教育大模型", "工业大模型"}

// noRevenueWords say that the company earns nothing yet.
var noRevenueWords = []string{
	"没有收入", "零收入", "收入为零", "收入是零", "收入几乎是零", "收入几乎为零", "一分钱没赚", "一分钱都没赚", "没赚到钱", "没赚过钱", "no revenue", "zero revenue", "pre-revenue"}

// noPayersWords say that nobody pays yet.
var noPayersWords = []string{
	"没有付费用户", "没有付费客户", "没有一个付费", "没人付费", "没有人付费", "没人买单", "no paying customers", "no paying users", "nobody pays", "no one pays", "nobody is paying"}

// competeWords say the founder competes with someone named in the sentence.
var competeWords = []string{
	"竞争", "竞品", "对手", "对标", "正面", "抢", "碾压", "夹在", "夹缝", "下场", "挤压", "同质化", "做同样", "抄",
	"compete", "competes", "competing", "competitor", "competitors", "crush", "crushes", "squeeze", "up against", "head to head", "head-on", "copy us"}

// businessNouns are clients that are businesses, read as enterprise
// customers beside a word saying they are the founder's clients (fClient).
var businessNouns = []string{
	"企业", "公司", "律所", "律师事务所", "银行", "医院", "工厂", "钢铁厂", "车企", "券商", "保险公司", "政府", "机构", "商家", "卖家", "电商卖家", "品牌方", "学校", "高校", "厂家", "制造业",
	"companies", "firms", "law firms", "banks", "hospitals", "clinics", "factories", "manufacturers", "retailers", "merchants", "sellers", "insurers", "brands", "governments", "agencies", "schools", "universities", "smbs", "smes"}

// objectMarks stand right before a company the founder names as a rival
// ("和vivo、OPPO竞争", "compete with OpenAI"); listMarks join more names to
// it. Such a name does not make the sentence about that company.
var (
	objectMarks = []string{"和", "跟", "与", "同", "对标", "with", "against", "vs", "vs.", "versus", "than"}
	listMarks   = []string{"、", ",", "和", "与", "及", "或", "and", "or", "/", "&"}
)
