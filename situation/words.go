package situation

// Every word the reader knows, in one place: the words about numbers here,
// the words that set profile choices in words_choices.go, those about
// clauses and questions in words_clauses.go. Words
// are matched lower-cased as exact character sequences; a word that begins
// or ends with an ASCII letter or digit must stand alone there ("arr" is not
// found in "array").
// Case names come from the knowledge base, not from here.

// amountCue says what a number next to it is: an amount or a count field,
// the period the word itself carries ("ARR" is yearly), the period to assume
// when none is written, and whether the amount is a net burn rate.
type amountCue struct {
	words  []string
	field  string
	period string
	def    string
	burn   bool
}

var amountCues = []amountCue{
	{field: FieldAnnualCost, def: periodMonth, burn: true, words: []string{
		"burn", "burning", "burn rate", "monthly burn", "net burn", "烧", "烧钱", "烧掉", "每月烧"}},
	{field: FieldAnnualCost, period: periodMonth, burn: true, words: []string{"月烧", "月均烧"}},
	{field: FieldAnnualCost, def: periodYear, words: []string{
		"cost", "costs", "spend", "spending", "expenses", "opex", "成本", "总成本", "支出", "开销", "开支", "花费", "费用", "运营成本", "花"}},
	{field: FieldAnnualCost, def: periodMonth, words: []string{"账单", "bill", "bills", "cloud bill", "算力费", "服务器费用", "云费用", "gpu bill", "inference costs"}},
	{field: FieldAnnualCost, period: periodMonth, words: []string{"月成本", "月支出", "月开销", "月开支", "月花费"}},
	{field: FieldAnnualCost, period: periodYear, words: []string{"年成本", "年支出", "年开销", "年开支", "年花费"}},
	{field: FieldSpent, def: periodTotal, words: []string{"烧了", "花了", "已经烧", "已经花", "spent", "burned through", "burnt through", "burned", "burnt"}},
	{field: FieldAnnualLoss, def: periodYear, words: []string{"亏", "亏损", "亏了", "亏钱", "loss", "losses", "losing"}},
	{field: FieldAnnualRevenue, def: periodYear, words: []string{
		"收入", "营收", "流水", "销售额", "营业额", "进账", "赚", "赚了", "revenue", "revenues", "sales", "income", "earn", "earned", "earning", "we make", "we make money", "bookings"}},
	{field: FieldAnnualRevenue, period: periodYear, words: []string{"arr", "run rate", "run-rate", "年收入", "年营收", "年流水", "全年收入", "annual revenue"}},
	{field: FieldAnnualRevenue, period: periodMonth, words: []string{"mrr", "月收入", "月营收", "月流水", "monthly revenue"}},
	{field: FieldCash, words: []string{
		"账上", "账面上", "cash in bank", "cash in the bank", "账户上", "账户里", "现金", "手上", "手里", "银行里", "存款", "还剩", "只剩", "剩下", "剩", "储备", "cash", "in the bank", "in bank", "on hand", "left", "reserves", "of runway"}},
	{field: FieldMonthlyPrice, def: periodMonth, words: []string{
		"收费", "定价", "价格", "售价", "订阅", "订阅费", "会员", "会员费", "客单价", "每人", "每个用户", "每用户",
		"price", "priced", "pricing", "charge", "charges", "charging", "subscription", "per user", "per seat", "a seat", "per head"}},
	{field: FieldMonthlyPrice, def: periodYear, words: perCustomer},
	{field: FieldMonthlyPrice, period: periodMonth, words: []string{"月费", "包月"}},
	{field: FieldMonthlyPrice, period: periodYear, words: []string{"年费", "包年"}},
	{field: FieldRaised, words: []string{"融资", "融了", "刚融了", "刚融", "拿了", "拿到", "投了", "raised", "raise", "just raised", "recently raised", "funding", "round"}},
	{field: FieldPayingUsers, words: []string{"付费用户", "付费客户", "付费会员", "paying users", "paying customers", "paid users", "paying subscribers", "subscribers"}},
	{field: FieldGPUs, words: []string{"gpu", "gpus", "显卡", "算力卡"}},
}

// runwayCues turn a duration next to them into months of runway.
var runwayCues = []string{
	"runway", "跑道", "烧", "还能烧", "能烧", "撑", "能撑", "还能撑", "撑到", "活", "还能活", "剩", "还剩", "只剩", "剩下",
	"够烧", "够用", "够", "left", "last", "lasts", "survive", "burn for", "of cash", "of runway", "现金流",
}

// runwayAfter: words for what a duration measures, after it even in
// Chinese: "还有4个月现金", "8个月的跑道".
var runwayAfter = []string{"现金", "的现金", "的钱", "的资金", "跑道", "的跑道", "的现金流"}

// perCustomer: a price per customer, seat of a contract or project, which a
// business pays by the year ("1.2M RMB per year per customer", "每家客户每年
// 50万"): kept as a price per customer, not a consumer's monthly fee.
var perCustomer = []string{"per customer", "per client", "each customer", "each client", "per contract", "per project", "per deal",
	"每个客户", "每家客户", "每客户", "每个项目", "每家"}

// periodCues say how often an amount next to them recurs.
var periodCues = map[string][]string{
	periodMonth: {"每月", "每个月", "一个月", "1个月", "月均", "月度", "/月", "/个月", "per month", "a month", "/month", "/mo", "monthly", "each month", "every month"},
	periodYear:  {"每年", "一年", "1年", "/年", "全年", "年度", "年化", "今年", "去年", "per year", "a year", "/year", "/yr", "yearly", "annual", "annually", "per annum", "this year", "last year", "each year"},
}

// Words right after a number that say what it counts. Counters (个, 张...)
// between the number and the word are skipped.
var (
	// Seats, licences and subscribers are paying users.
	payingUnits = []string{"付费用户", "付费客户", "付费会员", "个付费用户", "paying users", "paying customers", "paid users", "paying subscribers", "paying members", "subscribers", "paid subscribers",
		"seats", "seat", "paid seats", "paying seats", "licenses", "licences", "paid licenses", "paid licences", "席位", "付费席位", "付费账号"}
	// peopleUnits count people: a team's, unless a word for users stands
	// before the number ("付费用户3000人").
	peopleUnits = []string{"人", "ppl", "people", "persons"}
	// customerUnits: a business's customers pay it; they count as paying
	// users, in Unit "customers".
	customerUnits = []string{"客户", "clients", "customers", "企业客户", "大客户", "enterprise customers", "enterprise clients", "paying clients", "businesses"}
	userUnits     = []string{"用户", "月活", "日活", "users", "mau", "dau", "active users"}
	gpuUnits      = []string{"gpu", "gpus", "卡", "显卡", "算力卡", "a100", "a800", "h100", "h800", "h20", "h200", "b200", "l40", "l40s", "4090", "3090", "v100", "910b", "昇腾", "nvidia", "英伟达"}
	// benignUnits: counts and measures the reader does not use, so a number
	// before them is neither a fact nor "unread".
	benignUnits = []string{
		"员工", "工程师", "employees", "engineers", "%", "倍", "x", "×", "star", "stars", "星", "颗星", "下载", "downloads", "粉丝", "followers",
		"参数", "params", "parameters", "billion parameters", "模型", "model", "models", "tokens", "token", "次", "天", "days", "day", "小时", "hours", "周", "weeks", "week",
		"家", "项目", "projects", "个项目", "城市", "国家", "行", "篇", "页", "轮", "年前", "years ago", "months ago", "个月前", "岁",
		"gw", "mw", "kwh", "mwh", "度电", "亿次", "元素", "vc", "vcs", "投资人", "investors", "家机构",
	}
	// benignPrefixes: words right before a number that make it a rank, a
	// version or a count of something else.
	benignPrefixes = []string{"第", "top", "前", "排名", "数量超过", "数量达到", "市场规模", "market size", "rank", "no.", "#", "star", "stars", "版本", "version", "参数量", "参数", "增长", "growth", "同比", "环比", "毛利", "margin", "margins", "估值", "valuation", "valued at"}
	// counters sit between a number and what it counts.
	counters = []string{"个", "张", "块", "台", "位", "名", "家", "片", "x", "×", "*", "of"}
)
