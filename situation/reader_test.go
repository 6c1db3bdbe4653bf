package situation

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func fact(field string, value any, unit, text string) Fact {
	return Fact{Field: field, Value: value, Unit: unit, Text: text}
}

func earlier(f Fact) Fact { f.Earlier = true; return f }

// TestReadFacts covers every way of stating a fact the product promises to
// read, in Chinese, English and both mixed, and the clauses that state none.
func TestReadFacts(t *testing.T) {
	r := testReader(t)
	tests := []struct {
		name    string
		q       string
		history []string
		want    []Fact
	}{
		// Costs, revenue, cash.
		{"burn monthly mixed", "burn 2M 每月", nil, []Fact{fact("annual_cost", 2e6, "USD/month", "burn 2M 每月")}},
		{"burn monthly zh", "每月烧500万", nil, []Fact{fact("annual_cost", 5e6, "CNY/month", "每月烧500万")}},
		{"burn yearly en", "we have $3m burn a year", nil, []Fact{fact("annual_cost", 3e6, "USD/year", "$3m burn a year")}},
		{"burn one month zh", "团队 8 个人,一个月烧 200 万,合理吗", nil, []Fact{fact("annual_cost", 2e6, "CNY/month", "一个月烧 200 万")}},
		{"ARR", "ARR 1M", nil, []Fact{fact("annual_revenue", 1e6, "USD/year", "ARR 1M")}},
		{"yearly revenue zh", "年收入800万", nil, []Fact{fact("annual_revenue", 8e6, "CNY/year", "年收入800万")}},
		{"monthly revenue zh", "月收入 20 万", nil, []Fact{fact("annual_revenue", 2e5, "CNY/month", "月收入 20 万")}},
		{"revenue en", "revenue last year was about $1.2M", nil, []Fact{fact("annual_revenue", 1.2e6, "USD/year", "revenue last year was about $1.2M")}},
		{"no revenue", "产品做出来半年了,收入几乎是零", nil, []Fact{fact("annual_revenue", 0.0, "year", "收入几乎是零")}},
		{"cash and burn zh", "账上还有3000万, 每月烧500万", nil, []Fact{
			fact("cash", 3e7, "CNY", "账上还有3000万"), fact("annual_cost", 5e6, "CNY/month", "每月烧500万")}},
		{"cash and burn en", "monthly burn is 3M usd, cash in bank 15M, what should i do", nil, []Fact{
			fact("annual_cost", 3e6, "USD/month", "monthly burn is 3M usd"), fact("cash", 1.5e7, "USD", "cash in bank 15M")}},
		{"GPU bill inherits the month", "我们的 GPU 账单每个月 80 万,收入才 20 万", nil, []Fact{
			fact("annual_cost", 8e5, "CNY/month", "账单每个月 80 万"), fact("annual_revenue", 2e5, "CNY/month", "收入才 20 万")}},
		{"raised and loss", "融了 5000 万 A 轮,每个月亏 300 万", nil, []Fact{
			fact("raised", 5e7, "CNY", "融了 5000 万"), fact("annual_loss", 3e6, "CNY/month", "每个月亏 300 万")}},
		{"chained numeral", "1亿5000万 的成本, 收入 1500万", nil, []Fact{
			fact("annual_cost", 1.5e8, "CNY/year", "1亿5000万 的成本"), fact("annual_revenue", 1.5e7, "CNY/year", "收入 1500万")}},
		{"ARR and burn in one clause", "1M ARR 2M burn", nil, []Fact{
			fact("annual_revenue", 1e6, "USD/year", "1M ARR"), fact("annual_cost", 2e6, "USD/month", "2M burn")}},

		// Runway.
		{"runway burn a year", "钱还能烧一年", nil, []Fact{fact("runway_months", 12.0, "months", "还能烧一年")}},
		{"runway left zh", "还剩 9 个月", nil, []Fact{fact("runway_months", 9.0, "months", "还剩 9 个月")}},
		{"runway en", "18 months of runway", nil, []Fact{fact("runway_months", 18.0, "months", "18 months of runway")}},
		{"runway year and a half", "还能撑一年半", nil, []Fact{fact("runway_months", 18.0, "months", "还能撑一年半")}},
		{"runway half a year", "账上只剩半年现金", nil, []Fact{fact("runway_months", 6.0, "months", "只剩半年")}},
		{"runway range", "runway 6-9 个月", nil, []Fact{fact("runway_months", 6.0, "months", "runway 6-9 个月")}},
		{"duration without runway word", "产品做出来半年了", nil, []Fact{}},

		// Users, price, GPUs.
		{"paying users and price zh", "2000 个付费用户, 每月 30 块", nil, []Fact{
			fact("paying_users", 2000.0, "users", "2000 个付费用户"), fact("monthly_price", 30.0, "CNY/month", "每月 30 块")}},
		{"paying users and price en", "20k paying users at $20/month", nil, []Fact{
			fact("paying_users", 2e4, "users", "20k paying users"), fact("monthly_price", 20.0, "USD/month", "$20/month")}},
		{"no paying customers", "我们拿了好几个技术大奖,可就是没有付费客户", nil, []Fact{fact("paying_users", false, "", "没有付费客户")}},
		{"GPUs zh", "我们有 64 张 A800", nil, []Fact{fact("gpus", 64.0, "A800", "64 张 A800"), fact("gpu_access", "own", "", "64 张 A800")}},
		{"GPUs en rented", "we rented 64 H100s", nil, []Fact{fact("gpus", 64.0, "H100", "64 H100s"), fact("gpu_access", "rented", "", "64 H100s")}},
		{"GPUs by model number", "8 块 4090", nil, []Fact{fact("gpus", 8.0, "4090", "8 块 4090"), fact("gpu_access", "own", "", "8 块 4090")}},
		{"GPUs rented, said after", "我们有 1000 张卡,都是租的", nil, []Fact{fact("gpus", 1000.0, "GPU", "1000 张卡"), fact("gpu_access", "rented", "", "1000 张卡")}},
		{"GPUs constrained", "买不到H100,我们是不是就完了?", nil, []Fact{fact("gpu_access", "constrained", "", "买不到H100")}},

		// Choices and flags.
		{"open weights zh", "权重开源了", nil, []Fact{fact(FieldOpenWeights, true, "", "权重开源")}},
		{"open weights, nothing paid", "我们开源了权重,但没有付费版本", nil, []Fact{
			fact(FieldOpenWeights, true, "", "开源了"), fact("model_strategy", "open-source", "", "开源了权重,但没有付费")}},
		{"open weights and a paid edition", "我们开源了权重,同时卖企业版", nil, []Fact{fact(FieldOpenWeights, true, "", "开源了")}},
		{"open weights, how to make money", "We open-sourced our weights. How do we make money now?", nil, []Fact{
			fact(FieldOpenWeights, true, "", "open-sourced"), fact("model_strategy", "open-source", "", "open-sourced")}},
		{"open weights, nothing paid later", "现在怎么变现?", []string{"我们开源了权重"}, []Fact{
			earlier(fact(FieldOpenWeights, true, "", "开源了")), earlier(fact("model_strategy", "open-source", "", "开源了"))}},
		{"free is someone else's", "Meta 免费放出 Llama,我们的模型也开源了", nil, []Fact{fact(FieldOpenWeights, true, "", "开源了")}},
		{"nobody pays", "我们的产品很好但是没人买单", nil, []Fact{fact("paying_users", false, "", "没人买单")}},
		{"open sourced en", "we open-sourced our model last year", nil, []Fact{fact(FieldOpenWeights, true, "", "open-sourced")}},
		{"not open source", "我们没有开源", nil, []Fact{fact("model_strategy", "closed", "", "没有开源")}},
		{"to B", "我们是做 to B 的", nil, []Fact{fact("customers", "enterprise", "", "to B")}},
		{"enterprise zh", "我们面向企业", nil, []Fact{fact("customers", "enterprise", "", "面向企业")}},
		{"consumers en", "consumers won't pay for our app, should we switch to enterprise?", nil, []Fact{fact("customers", "consumer", "", "consumers")}},
		{"C端", "我们做C端", nil, []Fact{fact("customers", "consumer", "", "C端")}},
		{"both segments", "我们 to B 也做 C端", nil, []Fact{fact("customers", "both", "", "to B 也做 C端")}},
		{"text to image", "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?", nil, []Fact{
			fact(FieldOpenWeights, true, "", "开源"), fact("scenario", "text-to-image", "", "文生图"), fact("runway_months", 12.0, "months", "还能烧一年")}},
		{"code assistant SaaS", "我们做 code assistant 的 SaaS,面向企业", nil, []Fact{
			fact("scenario", "code-assistant", "", "code assistant"), fact("customers", "enterprise", "", "面向企业")}},
		{"agent", "我们想做 AI agent,能自动执行任务那种,这个方向能变现吗", nil, []Fact{fact("scenario", "agent", "", "AI agent")}},
		{"vertical zh", "做医疗垂直大模型,行业数据不够怎么办?", nil, []Fact{
			fact("scenario", "vertical-industry", "", "垂直"), fact("model_scope", "vertical", "", "垂直")}},
		{"parent company zh", "我们有母公司输血", nil, []Fact{fact("parent_company", true, "", "母公司")}},
		{"parent company en", "we're backed by a big group", nil, []Fact{fact("parent_company", true, "", "backed by a big")}},
		{"no parent", "没有大厂投资,也没有母公司输血,我们能撑多久", nil, []Fact{fact("parent_company", false, "", "没有大厂投资")}},
		{"cloud bills zh", "我们云账单拖欠了两个月", nil, []Fact{fact("cloud_bills_overdue", true, "", "云账单拖欠")}},
		{"cloud vendor on the bill", "AWS 账单逾期了", nil, []Fact{fact("cloud_bills_overdue", true, "", "AWS 账单逾期")}},
		{"cloud bills en", "we're behind on our AWS bill", nil, []Fact{fact("cloud_bills_overdue", true, "", "behind on our AWS bill")}},
		{"giants", "阿里云、百度千帆都在做行业赋能,我们这种小公司夹在中间怎么活", nil, []Fact{fact("competes_with_platform_giants", true, "", "夹在")}},
		{"hallucination", "甲方要求百分之百准确", nil, []Fact{fact("customers", "enterprise", "", "甲方"), fact("hallucination_tolerance", "low", "", "百分之百准确")}},
		{"visibility", "nobody outside our discord knows our product exists", nil, []Fact{fact("marketing_visibility", "low", "", "nobody outside")}},

		// Clauses that state nothing about the founder.
		{"cloud vendor named", "我们的服务部署在 Alibaba Cloud 上,钱还能烧一年", nil, []Fact{fact("runway_months", 12.0, "months", "还能烧一年")}},
		{"decision open or closed", "should we open source our base model or keep it closed?", nil, []Fact{}},
		{"question about a market", "文生图这个赛道还有机会吗?感觉被 Midjourney 垄断了", nil, []Fact{}},
		{"the article's numbers", "Stability AI 2023年总成本1.53亿美元,收入1100万美元", nil, []Fact{}},
		{"a case written as its name", "Stability 2023 年成本 1.53 亿美元", nil, []Fact{}},
		{"an everyday word, not the case", "stability matters to us, 每月烧 500 万", nil, []Fact{fact("annual_cost", 5e6, "CNY/month", "每月烧 500 万")}},
		{"hypothetical", "如果每月烧500万,能撑多久", nil, []Fact{}},
		{"both sides of a dilemma", "开源先行然后再闭源收费,这条路走得通吗?", nil, []Fact{}},
		{"market talk", "agents are hot, should we pivot our chatbot into an agent platform?", nil, []Fact{}},
		{"still not or", "我们还是没有付费客户", nil, []Fact{fact("paying_users", false, "", "没有付费客户")}},
		{"team and ranks", "we r an llm startup w/ 10 ppl, top 3 in our niche, 7B model", nil, []Fact{}},

		// Conversation.
		{"history facts", "具体该怎么做?", []string{"我们是做开源文生图的,钱还能烧一年"}, []Fact{
			earlier(fact(FieldOpenWeights, true, "", "开源")), earlier(fact("scenario", "text-to-image", "", "文生图")),
			earlier(fact("runway_months", 12.0, "months", "还能烧一年"))}},
		{"question wins over history", "现在只能撑 6 个月了", []string{"钱还能烧一年", "我们做文生图"}, []Fact{
			fact("runway_months", 6.0, "months", "能撑 6 个月"), earlier(fact("scenario", "text-to-image", "", "文生图"))}},
		{"history currency", "每月烧 300", []string{"ARR 才 1M"}, []Fact{
			fact("annual_cost", 300.0, "USD/month", "每月烧 300"), earlier(fact("annual_revenue", 1e6, "USD/year", "ARR 才 1M"))}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := r.Read(tt.q, tt.history...)
			if diff := cmp.Diff(tt.want, s.Facts); diff != "" {
				t.Errorf("Read(%q) facts (-want +got):\n%s", tt.q, diff)
			}
		})
	}
}

// TestReadProfile checks the profile the facts make, derived fields included.
func TestReadProfile(t *testing.T) {
	r := testReader(t)
	s := r.Read("账上还有3000万, 每月烧500万, 2000 个付费用户, 每月 30 块, 我们做 C端 文生图")
	p := s.Profile
	num := func(v *float64) float64 {
		if v == nil {
			return -1
		}
		return *v
	}
	got := map[string]any{
		"currency": p.Currency, "annual_cost": num(p.AnnualCost), "runway": num(p.RunwayMonths), "revenue": num(p.AnnualRevenue),
		"users": num(p.PayingUsers), "price": num(p.MonthlyPrice), "customers": p.Customers, "scenario": p.Scenario,
	}
	want := map[string]any{
		"currency": "CNY", "annual_cost": 6e7, "runway": 6.0, "revenue": 720000.0,
		"users": 2000.0, "price": 30.0, "customers": "consumer", "scenario": "text-to-image",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("profile (-want +got):\n%s", diff)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("profile does not validate: %v", err)
	}
}

// TestReadNotes covers what cannot be read: it is said, never guessed.
func TestReadNotes(t *testing.T) {
	r := testReader(t)
	tests := []struct {
		name   string
		q      string
		notes  []string // kinds
		inputs []string
		facts  []string // fields
	}{
		{"conflicting runway", "runway 6 months,财务说还能撑一年半", []string{NoteConflict}, []string{"还能撑一年半"}, []string{"runway_months"}},
		{"conflicting revenue", "年收入800万, 月收入 20 万", []string{NoteConflict}, []string{"月收入 20 万"}, []string{"annual_revenue"}},
		{"negative", "burn -2M 每月", []string{NoteInvalid}, []string{"-2M"}, nil},
		{"absurd", "ARR 3000000000000000 USD", []string{NoteInvalid}, []string{"3000000000000000 USD"}, nil},
		{"absurd after a year of months", "每月烧 9000000000000 美元", []string{NoteInvalid}, []string{"9000000000000 美元"}, nil},
		{"unknown units", "我们有 500 个 zorb, 每月 3000 个 blip, 12 quux", []string{NoteUnit, NoteUnit, NoteUnit}, []string{"500", "3000", "12"}, nil},
		{"amount without a meaning", "每月 500万", []string{NoteUnit}, []string{"500万"}, nil},
		{"two currencies", "ARR 100万, burn 2M 每月", []string{NoteCurrency}, []string{""}, []string{"annual_revenue", "annual_cost"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := r.Read(tt.q)
			var kinds, inputs, fields []string
			for _, n := range s.Unread {
				kinds, inputs = append(kinds, n.Kind), append(inputs, n.Input)
				if n.Text.ZH == "" || n.Text.EN == "" {
					t.Errorf("note %+v lacks a language", n)
				}
			}
			for _, f := range s.Facts {
				fields = append(fields, f.Field)
			}
			if diff := cmp.Diff(tt.notes, kinds); diff != "" {
				t.Errorf("note kinds (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.inputs, inputs); diff != "" {
				t.Errorf("note inputs (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.facts, fields); diff != "" {
				t.Errorf("facts (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadLongPaste(t *testing.T) {
	r := testReader(t)
	line := "我们每月烧500万,ARR 1M,还有一些别的情况需要说明,比如 300 个 zorb。"
	for _, tt := range []struct {
		name      string
		runes     int
		truncated bool
	}{{"4000 characters", 4000, false}, {"20000 characters", 20000, true}} {
		t.Run(tt.name, func(t *testing.T) {
			long := string([]rune(strings.Repeat(line, tt.runes/len([]rune(line))+1))[:tt.runes])
			s := r.Read(long)
			if got := slices.ContainsFunc(s.Unread, func(n Note) bool { return n.Kind == NoteTruncated }); got != tt.truncated {
				t.Errorf("truncation noted = %v, want %v (%d bytes)", got, tt.truncated, len(long))
			}
			if len(s.Unread) > maxNotes+1 {
				t.Errorf("%d notes, want at most %d", len(s.Unread), maxNotes+1)
			}
			if _, ok := s.Fact("annual_cost"); !ok {
				t.Errorf("the paste's first numbers were not read: %+v", s.Facts)
			}
		})
	}
}

// TestReadConcurrent reads from many goroutines at once (run with -race).
func TestReadConcurrent(t *testing.T) {
	r := testReader(t)
	done := make(chan Situation, 8)
	for i := range 8 {
		go func() { done <- r.Read(benchQuestions[i%len(benchQuestions)]) }()
	}
	for range 8 {
		<-done
	}
}
