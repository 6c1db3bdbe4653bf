package situation

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/premortem/premortem/assess"
)

func TestIntent(t *testing.T) {
	r := testReader(t)
	tests := []struct {
		name, q       string
		kind, dilemma string
	}{
		{"biggest risk zh", "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?", IntentThreat, ""},
		{"biggest risk en", "what is the biggest risk for my AI startup?", IntentThreat, ""},
		{"will it kill us", "we're in stealth and do zero marketing, is that gonna kill us?", IntentThreat, ""},
		{"GPUs or cash", "We've got 64 A800s... should our next raise mostly go into more GPUs?", IntentDecision, "capital"},
		{"short of cards or cash", "缺卡和缺钱哪个更要命?", IntentDecision, "capital"},
		{"open or closed zh", "开源还是闭源?", IntentDecision, "open-source"},
		{"open or closed en", "should we open source our base model or keep it closed?", IntentDecision, "open-source"},
		{"to B or to C", "to B 还是 to C,哪个更容易活下来?", IntentDecision, "segment"},
		{"consumer or enterprise en", "consumers won't pay for our app, should we switch to enterprise?", IntentDecision, "segment"},
		{"general or vertical", "我们要不要自己训一个千亿参数的通用大模型?", IntentDecision, "generality"},
		{"general vs vertical en", "general foundation model vs vertical model for legal, which one should a startup build?", IntentDecision, "generality"},
		{"which use case", "做代码助手是不是比做聊天机器人靠谱?", IntentDecision, "scenario"},
		{"worth learning from a case", "美图做大模型的思路值得我们学习吗?", IntentDecision, "scenario"},
		{"AI PC", "ai pc 对做大模型应用的公司是利好还是利空", IntentDecision, "on-device"},
		{"rent or buy", "do we need our own GPUs or is renting fine?", IntentDecision, "capital"},
		{"figure zh", "C端要多少付费用户才能做到几千万营收?", IntentFigure, ""},
		{"figure en", "how much did Stability spend vs what it earned in 2023?", IntentFigure, ""},
		{"how long", "没有大厂投资,也没有母公司输血,我们能撑多久", IntentFigure, ""},
		{"follow-up", "具体该怎么做?", IntentHowTo, ""},
		{"what should I do", "monthly burn is 3M usd, cash in bank 15M, what should i do", IntentHowTo, ""},
		{"how do we make money", "we give our weights away, how do we make money?", IntentHowTo, ""},
		{"statement", "ARR 才 1M, burn 2M 每月", IntentOther, ""},
		{"still is not or", "我们还是没有付费客户", IntentOther, ""},
		{"or in a statement", "we have 5 or 6 engineers.", IntentOther, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := r.Read(tt.q).Intent
			if in.Kind != tt.kind || in.Dilemma != tt.dilemma {
				t.Errorf("Read(%q).Intent = %+v, want kind %q dilemma %q", tt.q, in, tt.kind, tt.dilemma)
			}
			if tt.kind != IntentOther && !strings.Contains(strings.ToLower(tt.q), strings.ToLower(in.Cue)) {
				t.Errorf("cue %q is not the question's words", in.Cue)
			}
		})
	}
}

func TestCases(t *testing.T) {
	r := testReader(t)
	got := r.Read("美图和 Midjourney 的做法,Kimi 能学吗?").Cases
	if diff := cmp.Diff([]string{"meitu", "midjourney", "moonshot-kimi"}, got); diff != "" {
		t.Errorf("cases (-want +got):\n%s", diff)
	}
}

// TestWhy checks that the rules that fire are the ones the founder's words
// give inputs for, and that mitigations are kept apart from risks.
func TestWhy(t *testing.T) {
	r := testReader(t)
	tests := []struct {
		name        string
		q           string
		risks       []string // rule IDs that must fire as risks
		mitigations []string
		never       []string // rule IDs that must not fire
	}{
		{"README example", "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?",
			[]string{"scenario.crowdedness", "capital.runway"}, nil, []string{"capital.cloud-bills", "open-source.no-paid-path"}},
		{"open weights and no paid path", "We open-sourced our weights. How do we make money now?", []string{"open-source.no-paid-path"}, nil, nil},
		{"open weights, no paid version", "我们开源了权重,但没有付费版本", []string{"open-source.no-paid-path"}, nil, nil},
		{"open weights beside an enterprise edition", "我们开源了权重,同时卖企业版", nil, nil, []string{"open-source.no-paid-path"}},
		{"nobody pays is no paying users", "我们做C端的,产品很好但是没人买单", []string{"segment.paying-users"}, nil, nil},
		{"cloud vendor is no overdue bill", "我们的服务部署在阿里云上,钱还能烧一年", []string{"capital.runway"}, nil, []string{"capital.cloud-bills"}},
		{"cost revenue", "ARR 才 1M, burn 2M 每月", []string{"market.cost-revenue"}, nil, []string{"capital.runway", "capital.cloud-bills"}},
		{"overdue bill", "our aws bill is overdue and they're threatening to cut us off", []string{"capital.cloud-bills"}, nil, []string{"capital.runway"}},
		{"parent mitigates", "我们有母公司输血", nil, []string{"capital.parent"}, nil},
		{"code assistant is already the clear demand", "我们做 code assistant 的 SaaS,面向企业", nil, []string{"scenario.crowdedness", "segment.consumer-habit"}, []string{"segment.paying-users"}},
		{"nothing said", "明天北京天气怎么样", nil, nil, []string{"capital.runway", "market.cost-revenue"}},
	}
	inputs := map[string][]string{}
	for _, rule := range assess.Rules() {
		inputs[rule.ID] = rule.Inputs
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := r.Read(tt.q)
			var risks, mitigations []string
			for _, m := range s.Why {
				for _, f := range m.Risks {
					risks = append(risks, f.Rule)
					if f.Points <= 0 {
						t.Errorf("risk %s has %d points", f.Rule, f.Points)
					}
				}
				for _, f := range m.Mitigations {
					mitigations = append(mitigations, f.Rule)
					if f.Points > 0 {
						t.Errorf("mitigation %s has %d points", f.Rule, f.Points)
					}
				}
				for _, f := range append(m.Risks, m.Mitigations...) {
					if f.Text.ZH == "" || f.Text.EN == "" || len(f.Citations) == 0 {
						t.Errorf("finding %s lacks a language or a citation: %+v", f.Rule, f)
					}
					if !slices.ContainsFunc(inputs[f.Rule], func(in string) bool { return s.Profile.Answered(in) && in != "currency" }) {
						t.Errorf("rule %s fired but the founder gave none of %v", f.Rule, inputs[f.Rule])
					}
				}
			}
			for _, id := range tt.risks {
				if !slices.Contains(risks, id) {
					t.Errorf("risk %s did not fire; risks %v", id, risks)
				}
			}
			for _, id := range tt.mitigations {
				if !slices.Contains(mitigations, id) {
					t.Errorf("mitigation %s did not fire; mitigations %v", id, mitigations)
				}
			}
			for _, id := range tt.never {
				if slices.Contains(risks, id) || slices.Contains(mitigations, id) {
					t.Errorf("rule %s fired on %q", id, tt.q)
				}
			}
		})
	}
}

func TestComparisons(t *testing.T) {
	r := testReader(t)
	tests := []struct {
		name   string
		q      string
		kinds  []string
		theirs []float64
		zh     []string // words the Chinese texts must hold
		en     []string
	}{
		{"cost revenue", "ARR 才 1M, burn 2M 每月", []string{CompareCostRevenue, CompareIndustry}, []float64{24, 24},
			[]string{"按你给的数字计算", "2400万美元", "100万美元", "24 倍", "13.9 倍", "1.53亿美元", "1100万美元", "16.7 倍", "500亿美元", "30亿美元"},
			[]string{"Computed from your numbers", "$24M", "$1M", "24x", "13.9x", "$153M", "$11M", "16.7x"}},
		{"runway from cash", "账上还有3000万, 每月烧500万", []string{CompareRunway}, []float64{6},
			[]string{"按你给的数字计算", "3000万元", "500万元", "6个月", "前期一两年亏损,本就是大模型行业的常态"},
			[]string{"Computed from your numbers", "¥30M", "¥5M", "6 months"}},
		{"runway from cash and loss", "账上 3000 万, 每个月亏 300 万", []string{CompareRunway}, []float64{10},
			[]string{"每月亏损 300万元", "10个月"}, []string{"monthly loss ¥3M", "10 months"}},
		{"runway stated", "钱还能烧一年", []string{CompareRunway}, []float64{12}, []string{"12个月"}, []string{"12 months"}},
		{"paying users and price", "2000 个付费用户, 每月 30 块", []string{ComparePayingUsers, ComparePriceRevenue}, []float64{2000, 720000},
			[]string{"2000 个付费用户", "10万级", "2%", "30元", "72万元", "10万级的付费用户数才能做出几千万的营收"},
			[]string{"2,000 paying users", "2%", "¥30", "¥720K"}},
		{"price in dollars", "20k paying users at $20/month", []string{ComparePayingUsers, ComparePriceRevenue}, []float64{20000, 3456e4},
			[]string{"480万美元", "3456万元"}, []string{"$4.8M", "¥34.56M"}},
		{"enterprise users are no consumers", "我们面向企业, 200 个付费客户", nil, nil, nil, nil},
		{"no revenue makes no multiple", "收入几乎是零, 每月烧500万", nil, nil, nil, nil},
		{"nothing to compare", "我们是做开源文生图的", nil, nil, nil, nil},
		{"nobody pays is no count", "我们做C端订阅,每月30块,没人买单", nil, nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := r.Read(tt.q)
			var kinds []string
			var theirs []float64
			for _, c := range s.Comparisons {
				kinds, theirs = append(kinds, c.Kind), append(theirs, c.Theirs)
				if _, ok := r.kb.Benchmark(c.Benchmark); !ok {
					t.Errorf("comparison %s names unknown benchmark %q", c.Kind, c.Benchmark)
				}
				for _, f := range c.Figures {
					if !strings.Contains(c.Text.ZH, f) && !strings.Contains(c.Text.EN, f) {
						t.Errorf("figure %q is in neither text of %s", f, c.Kind)
					}
				}
			}
			if diff := cmp.Diff(tt.kinds, kinds); diff != "" {
				t.Errorf("kinds (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.theirs, theirs); diff != "" {
				t.Errorf("theirs (-want +got):\n%s", diff)
			}
			zh, en := "", ""
			for _, c := range s.Comparisons {
				zh, en = zh+c.Text.ZH, en+c.Text.EN
			}
			for _, w := range tt.zh {
				if !strings.Contains(zh, w) {
					t.Errorf("Chinese texts lack %q:\n%s", w, zh)
				}
			}
			for _, w := range tt.en {
				if !strings.Contains(en, w) {
					t.Errorf("English texts lack %q:\n%s", w, en)
				}
			}
		})
	}
}

// TestArticleRatios: the article's multiples come from the knowledge base.
func TestArticleRatios(t *testing.T) {
	r := testReader(t)
	s := r.Read("ARR 才 1M, burn 2M 每月")
	cost, _ := r.kb.Benchmark(benchStabilityCost)
	rev, _ := r.kb.Benchmark(benchStabilityRevenue)
	if len(s.Comparisons) == 0 || math.Abs(s.Comparisons[0].Article-round1(cost.Value/rev.Value)) > 1e-9 {
		t.Errorf("Stability ratio = %+v, want %.1f from the knowledge base", s.Comparisons, cost.Value/rev.Value)
	}
}

func TestComputed(t *testing.T) {
	r := testReader(t)
	s := r.Read("ARR 才 1M, burn 2M 每月, 账上还有 10M")
	got := s.Computed()
	for _, want := range []string{"24 倍", "24x", "2400万美元", "$24M", "13.9 倍", "5个月", "5 months"} {
		if !slices.Contains(got, want) {
			t.Errorf("Computed() lacks %q: %q", want, got)
		}
	}
	// The findings' figures are there too (market.cost-revenue writes "24.0x").
	if !slices.Contains(got, "24.0x") {
		t.Errorf("Computed() lacks the finding's 24.0x: %q", got)
	}
}

func TestView(t *testing.T) {
	r := testReader(t)
	v := r.Read("明天北京天气怎么样").View("en")
	if v.Facts == nil || v.Comparisons == nil || len(v.Facts)+len(v.Comparisons) != 0 {
		t.Errorf("View of an off-topic question = %+v, want empty non-nil lists", v)
	}
	v = r.Read("ARR 才 1M, burn 2M 每月").View("zh")
	if len(v.Comparisons) != 2 || !strings.HasPrefix(v.Comparisons[0].Text, "按你给的数字计算") || v.Comparisons[0].Benchmark != benchStabilityCost {
		t.Errorf("View(zh) = %+v", v)
	}
}

func TestNilKnowledge(t *testing.T) {
	s := NewReader(nil).Read("ARR 才 1M, burn 2M 每月, 2000 个付费用户")
	if len(s.Facts) != 3 {
		t.Errorf("facts without a knowledge base = %+v", s.Facts)
	}
	for _, c := range s.Comparisons {
		if c.Kind != CompareCostRevenue && c.Kind != CompareIndustry {
			t.Errorf("comparison %s made without its benchmark", c.Kind)
		}
	}
}
