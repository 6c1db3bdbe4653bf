package situation

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// readCase is a question with the facts, profile values and notes it must
// give. profile maps a profile field to its value as Profile.Value writes
// it ("" for unset); notes are kinds, in order.
type readCase struct {
	name    string
	q       string
	history []string
	want    []Fact
	profile map[string]string
	notes   []string
}

func runReadCases(t *testing.T, tests []readCase) {
	t.Helper()
	r := testReader(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := r.Read(tt.q, tt.history...)
			if tt.want != nil {
				if diff := cmp.Diff(tt.want, s.Facts); diff != "" {
					t.Errorf("Read(%q) facts (-want +got):\n%s", tt.q, diff)
				}
			}
			for field, want := range tt.profile {
				if got := s.Profile.Value(field); got != want {
					t.Errorf("Read(%q) profile %s = %q, want %q", tt.q, field, got, want)
				}
			}
			kinds := []string{}
			for _, n := range s.Unread {
				kinds = append(kinds, n.Kind)
			}
			if diff := cmp.Diff(append([]string{}, tt.notes...), kinds); diff != "" {
				t.Errorf("Read(%q) notes (-want +got):\n%s\n%+v", tt.q, diff, s.Unread)
			}
			if err := s.Profile.Validate(); err != nil {
				t.Errorf("profile does not validate: %v", err)
			}
		})
	}
}

// TestReadFoundersNumbers: the founder's numbers are read even when the
// sentence compares with a company or gives them as a premise; a Chinese
// duration before what it measures is runway; a price per customer is kept
// by the year and times the customers makes revenue.
func TestReadFoundersNumbers(t *testing.T) {
	runReadCases(t, []readCase{
		{name: "compares with a company", q: "Our annual cost is $153M and revenue $11M, same as Stability. How long do we have if we have $40M cash?",
			want:    []Fact{fact("annual_cost", 153e6, "USD/year", "annual cost is $153M"), fact("annual_revenue", 11e6, "USD/year", "revenue $11M"), fact("cash", 40e6, "USD", "$40M cash")},
			profile: map[string]string{"runway_months": "3.4"}},
		{name: "the company's clause is not the founder's", q: "Our cost is $2M a month, Stability's was $153M a year",
			want: []Fact{fact("annual_cost", 2e6, "USD/month", "cost is $2M a month")}},
		{name: "a supposition states nothing", q: "如果每月烧500万,能撑多久", want: []Fact{}},
		{name: "months of cash", q: "我们拖欠了阿里云三个月的账单,还有4个月现金,怎么办?",
			want:    []Fact{fact("cloud_bills_overdue", true, "", "拖欠了阿里云三个月的账单"), fact("runway_months", 4.0, "months", "4个月现金")},
			profile: map[string]string{"runway_months": "4"}},
		{name: "months of runway after", q: "我们还有8个月的跑道", want: []Fact{fact("runway_months", 8.0, "months", "8个月的跑道")}},
		{name: "yearly price per customer", q: "We are a 10B vertical model for finance, customers want on-prem, we charge 1.2M RMB per year per customer, have 4 customers. Enough?",
			want: []Fact{fact("scenario", "vertical-industry", "", "vertical"), fact("model_scope", "vertical", "", "vertical"), fact("customers", "enterprise", "", "on-prem"),
				fact(FieldCustomerPrice, 1.2e6, "CNY/year", "charge 1.2M RMB per year"), fact("paying_users", 4.0, "customers", "4 customers")},
			profile: map[string]string{"monthly_price": "", "annual_revenue": "4800000", "paying_users": "4", "customers": "enterprise"}},
		{name: "enterprise yearly fee", q: "我们给银行做私有化部署,年费 200 万,有 3 个客户",
			want:    []Fact{fact("customers", "enterprise", "", "给银行"), fact(FieldCustomerPrice, 2e6, "CNY/year", "年费 200 万"), fact("paying_users", 3.0, "customers", "3 个客户")},
			profile: map[string]string{"monthly_price": "", "annual_revenue": "6000000"}},
		{name: "consumer yearly fee stays a monthly price", q: "我们是C端产品,年费 199 元",
			want:    []Fact{fact("customers", "consumer", "", "C端"), fact("monthly_price", 199.0, "CNY/year", "年费 199 元")},
			profile: map[string]string{"monthly_price": "16.583333333333332"}},
	})
}

// TestReadContractRevenue: customers x price per customer is a computed
// yearly revenue, compared with the article's B端 figure, and no consumer
// comparison is made.
func TestReadContractRevenue(t *testing.T) {
	r := testReader(t)
	s := r.Read("we charge 1.2M RMB per year per customer, have 4 customers")
	var kinds []string
	for _, c := range s.Comparisons {
		kinds = append(kinds, c.Kind)
	}
	if diff := cmp.Diff([]string{CompareContract}, kinds); diff != "" {
		t.Fatalf("comparisons (-want +got):\n%s", diff)
	}
	c := s.Comparisons[0]
	if c.Theirs != 4.8e6 || c.Benchmark != benchProjectRevenue || !strings.HasPrefix(c.Text.EN, "Computed from your numbers") || !strings.Contains(c.Text.ZH, "480万元") {
		t.Errorf("contract comparison = %+v", c)
	}
}

// TestReadPriceAndCount: seats, licences and subscribers are paying users,
// and a price beside a count is no conflict.
func TestReadPriceAndCount(t *testing.T) {
	runReadCases(t, []readCase{
		{name: "seats", q: "We charge $20 per seat per month and have 1,500 paying seats",
			want:    []Fact{fact("monthly_price", 20.0, "USD/month", "charge $20 per seat per month"), fact("paying_users", 1500.0, "users", "1,500 paying seats")},
			profile: map[string]string{"annual_revenue": "360000"}},
		{name: "licences", q: "We sell 500 licences at ¥99/month",
			want: []Fact{fact("paying_users", 500.0, "users", "500 licences"), fact("monthly_price", 99.0, "CNY/month", "¥99/month")}},
		{name: "customers", q: "3 enterprise customers", want: []Fact{fact("paying_users", 3.0, "customers", "3 enterprise customers"), fact("customers", "enterprise", "", "enterprise customers")}},
	})
}

// TestReadContradictions: numbers that disagree with each other or with
// the founder's words are noted, the stated runway or the figures kept, and
// no mitigation rests on what is disputed.
func TestReadContradictions(t *testing.T) {
	runReadCases(t, []readCase{
		{name: "runway against cash and burn", q: "Our runway is 2 years, burn $1M per month, cash $5M.",
			profile: map[string]string{"runway_months": "24"}, notes: []string{NoteConflict}},
		{name: "runway that agrees", q: "runway 6 months, cash $3M, burn $500k a month", profile: map[string]string{"runway_months": "6"}},
		{name: "an earlier runway yields to new numbers", q: "账上还有3000万, 每月烧500万", history: []string{"钱还能烧一年"},
			profile: map[string]string{"runway_months": "6"}},
		{name: "losses against revenue above cost", q: "我们年收入1000万美元,年成本100万美元,但是亏损严重",
			want:  []Fact{fact("annual_revenue", 1e7, "USD/year", "年收入1000万美元"), fact("annual_cost", 1e6, "USD/year", "年成本100万美元"), fact("annual_loss", true, "", "亏损严重")},
			notes: []string{NoteConflict}},
		{name: "profit against cost above revenue", q: "We're profitable: cost $5M a year, revenue $1M a year", notes: []string{NoteConflict}},
		{name: "losses that agree", q: "年收入100万,年成本1000万,一直在亏钱"},
		{name: "a figure and words for one fact", q: "我们钱很多,刚融了 5000 万", want: []Fact{fact("raised", 5e7, "CNY", "刚融了 5000 万")}},
	})
	r := testReader(t)
	for _, q := range []string{"Our runway is 2 years, burn $1M per month, cash $5M.", "我们年收入1000万美元,年成本100万美元,但是亏损严重"} {
		s := r.Read(q)
		for _, m := range s.Why {
			for _, f := range m.Mitigations {
				if f.Rule == "capital.runway" || f.Rule == "market.cost-revenue" {
					t.Errorf("Read(%q): mitigation %s rests on a disputed figure", q, f.Rule)
				}
			}
		}
	}
	s := r.Read("Our runway is 2 years, burn $1M per month, cash $5M.")
	if len(s.Comparisons) != 1 || s.Comparisons[0].Theirs != 24 || !strings.Contains(s.Comparisons[0].Text.EN, "5 months") || !strings.Contains(s.Comparisons[0].Text.EN, "disagree") {
		t.Errorf("runway comparison = %+v", s.Comparisons)
	}
	if n := s.Unread[0]; n.Input != "runway is 2 years" || !strings.Contains(n.Text.EN, "Using what you said") {
		t.Errorf("note = %+v", n)
	}
}

// TestReadNotPossessed: a need, plan or question is not possession; a
// negated "own model" and a vendor's API are a third-party model.
func TestReadNotPossessed(t *testing.T) {
	runReadCases(t, []readCase{
		{name: "need GPUs", q: "Should we buy GPUs or rent them? We have $30M raised and need about 500 H100s for training.",
			want: []Fact{fact("raised", 3e7, "USD", "$30M raised")}, profile: map[string]string{"gpu_access": ""}},
		{name: "planning a cluster", q: "Is electricity going to be a problem for us? We're planning a 10,000 GPU training cluster.", want: []Fact{}},
		{name: "going to buy zh", q: "我们打算买 1000 张卡", want: []Fact{}},
		{name: "having GPUs", q: "我们有 64 张 A800", want: []Fact{fact("gpus", 64.0, "A800", "64 张 A800"), fact("gpu_access", "own", "", "64 张 A800")}},
		{name: "a vendor's API, not training", q: "我们公司用GPT-4 API做一个垂直医疗问答,不训练自己的模型,最大风险是?",
			profile: map[string]string{"model_strategy": "third-party"}},
		{name: "not our own model", q: "我们不训练自己的模型", want: []Fact{fact("model_strategy", "third-party", "", "不训练自己的模型")}},
		{name: "our own model says nothing", q: "我们训练自己的模型", want: []Fact{}},
		{name: "building on an API", q: "we're building on the GPT-4 API", profile: map[string]string{"model_strategy": "third-party"}},
		{name: "a request is no company", q: "帮我用 ChatGPT 写一封辞职信", want: []Fact{}},
	})
}

// TestReadStatedSigns: signs the founder states in words.
func TestReadStatedSigns(t *testing.T) {
	runReadCases(t, []readCase{
		{name: "low digital maturity", q: "我们做to B私有化部署,给钢铁厂做大模型,客户数字化程度很低,该注意什么?",
			profile: map[string]string{"customers": "enterprise", "customer_digital_maturity": "low"}},
		{name: "not low", q: "我们的客户数字化程度不低", want: []Fact{}},
		{name: "they hate hallucinations", q: "B2B or B2C for a legal-document LLM startup? Our customers are law firms, they hate hallucinations.",
			want: []Fact{fact("customers", "enterprise", "", "customers are law firms"), fact("hallucination_tolerance", "low", "", "hate hallucinations")}},
		{name: "受不了幻觉", q: "我们的客户是律所,客户受不了幻觉",
			want: []Fact{fact("customers", "enterprise", "", "客户是律所"), fact("hallucination_tolerance", "low", "", "受不了幻觉")}},
		{name: "mainly businesses, no 要是 in 主要是", q: "开源先行还是直接闭源收费?我们的客户主要是企业。",
			want: []Fact{fact("customers", "enterprise", "", "客户主要是企业")}},
		{name: "clients named by what they are", q: "We build an AI agent for logistics companies", want: []Fact{
			fact("scenario", "agent", "", "AI agent"), fact("customers", "enterprise", "", "for logistics companies")}},
		{name: "competing with phone makers", q: "做手机端侧大模型,和vivo、OPPO竞争,前景如何?",
			want: []Fact{fact("on_device_substitutable", "yes", "", "和vivo、OPPO竞争")}},
		{name: "a rival named is not the subject", q: "跟百度阿里正面竞争,有没有机会?", profile: map[string]string{"competes_with_platform_giants": "true"}},
		{name: "the subject company stays foreign", q: "Midjourney 和 Stability AI 竞争,成本1.53亿美元", want: []Fact{}},
		{name: "lots of funding", q: "We're a MiniMax-like startup: lots of funding, low profile, few public products. Is staying quiet a risk?",
			want: []Fact{fact("raised", true, "", "lots of funding"), fact("marketing_visibility", "low", "", "low profile")}},
		{name: "钱很多", q: "我们钱很多", want: []Fact{fact("raised", true, "", "钱很多")}},
		{name: "human review", q: "我们做AI Agent,帮企业自动化流程,但是客户说每个任务还要人盯着,怎么办?",
			profile: map[string]string{"customers": "enterprise", "hallucination_tolerance": "low"}},
	})
}

// TestReadCurrency: Chinese text with no currency is in yuan; zero is in no
// currency; a model's size suggests none.
func TestReadCurrency(t *testing.T) {
	runReadCases(t, []readCase{
		{name: "no revenue needs no currency", q: "开源还是闭源?我们刚发布了一个7B的开源模型,GitHub上5000星,但还没有收入。",
			want: []Fact{fact(FieldOpenWeights, true, "", "开源模型"), fact("model_strategy", "open-source", "", "开源模型,GitHub上5000星,但还没有收入"),
				fact("annual_revenue", 0.0, "year", "没有收入")},
			profile: map[string]string{"currency": ""}},
		{name: "Chinese implies yuan", q: "每月烧 300", want: []Fact{fact("annual_cost", 300.0, "CNY/month", "每月烧 300")}, profile: map[string]string{"currency": "CNY"}},
		{name: "English implies nothing", q: "we burn 300 a month", want: []Fact{fact("annual_cost", 300.0, "month", "burn 300 a month")}},
		{name: "the conversation's currency first", q: "每月烧 300", history: []string{"ARR 才 1M"}, profile: map[string]string{"currency": "USD"}},
	})
}

// TestReadUnreadNotes: an amount out of range is said to be so whatever
// else is unclear; counts of things the reader does not use are no notes.
func TestReadUnreadNotes(t *testing.T) {
	runReadCases(t, []readCase{
		{name: "implausibly large with a unit", q: "We have 999999999999 trillion dollars of runway and 0 users, biggest risk?", notes: []string{NoteInvalid}},
		{name: "implausibly large alone", q: "3000000000000000 USD", notes: []string{NoteInvalid}},
		{name: "VCs met", q: "没人投了怎么办,连续见了30个VC都被拒", want: []Fact{}},
		{name: "stars", q: "GitHub上5000星", want: []Fact{}},
		{name: "a count of something unknown", q: "我们有 500 个 zorb", notes: []string{NoteUnit}},
		{name: "a repeated paste, one note", q: "卖家超过一千万。卖家超过一千万。卖家超过一千万。", notes: []string{NoteUnit}},
		{name: "a market's size", q: "电商卖家数量超过一千万,市场规模 500亿", want: []Fact{}},
		{name: "a team is not users", q: "团队30人", want: []Fact{}},
		{name: "paying users counted in people", q: "付费用户3000人", want: []Fact{fact("paying_users", 3000.0, "users", "付费用户3000人")}},
	})
}

// TestReadFactsAsSaid: a fact keeps the founder's figure and period; the
// profile holds it per year; a monthly and a yearly figure that agree are
// no conflict.
func TestReadFactsAsSaid(t *testing.T) {
	runReadCases(t, []readCase{
		{name: "monthly burn", q: "Burn is $2M a month", want: []Fact{fact("annual_cost", 2e6, "USD/month", "Burn is $2M a month")},
			profile: map[string]string{"annual_cost": "24000000"}},
		{name: "monthly and yearly agree", q: "burn 2M a month, annual cost 24M", want: []Fact{fact("annual_cost", 2e6, "USD/month", "burn 2M a month")}},
		{name: "monthly and yearly disagree", q: "我们每月收入50万元,每月成本30万元,但年成本是2000万元", notes: []string{NoteConflict}},
	})
	r := testReader(t)
	s := r.Read("Burn is $2M a month, $18M in the bank")
	if !slices.ContainsFunc(s.Comparisons, func(c Comparison) bool { return c.Kind == CompareRunway && c.Theirs == 9 }) {
		t.Errorf("runway from a monthly burn = %+v", s.Comparisons)
	}
}
