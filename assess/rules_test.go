package assess

import (
	"strings"
	"testing"

	"github.com/premortem/premortem/knowledge"
)

// TestRules checks every rule on named profiles: whether it fires and the
// points it adds.
func TestRules(t *testing.T) {
	facts := FactsFrom(nil)
	kb := testKB(t)
	entries := map[knowledge.Citation]bool{}
	for _, m := range kb.Modes {
		for _, cls := range [][]knowledge.Claim{m.Evidence, m.Signals, m.Actions} {
			for _, cl := range cls {
				for _, c := range cl.Citations {
					entries[c] = true
				}
			}
		}
	}
	for _, b := range kb.Benchmarks {
		entries[b.Citation] = true
	}
	for _, cs := range kb.Cases {
		for _, c := range cs.Citations {
			entries[c] = true
		}
	}
	usd := func(p Profile) Profile { p.Currency = "USD"; return p }
	tests := []struct {
		rule   string
		name   string
		p      Profile
		fires  bool
		points int
	}{
		{"market.cost-revenue", "unknown", Profile{AnnualCost: f64(1e6)}, false, 0},
		{"market.cost-revenue", "no revenue", Profile{AnnualCost: f64(1e6), AnnualRevenue: f64(0)}, true, 80},
		{"market.cost-revenue", "stability 13.9x", Profile{AnnualCost: f64(153e6), AnnualRevenue: f64(11e6)}, true, 70},
		{"market.cost-revenue", "20x", Profile{AnnualCost: f64(2e6), AnnualRevenue: f64(1e5)}, true, 80},
		{"market.cost-revenue", "5x", Profile{AnnualCost: f64(5e6), AnnualRevenue: f64(1e6)}, true, 43},
		{"market.cost-revenue", "1.5x", Profile{AnnualCost: f64(1.5e6), AnnualRevenue: f64(1e6)}, true, 11},
		{"market.cost-revenue", "profitable", Profile{AnnualCost: f64(1e6), AnnualRevenue: f64(2e6)}, true, 0},
		{"market.cost-revenue", "nothing at all", Profile{AnnualCost: f64(0), AnnualRevenue: f64(0)}, false, 0},
		{"market.visibility", "low", Profile{MarketingVisibility: "low"}, true, 15},
		{"market.visibility", "medium", Profile{MarketingVisibility: "medium"}, false, 0},
		{"market.visibility", "high", Profile{MarketingVisibility: "high"}, true, 0},
		{"open-source.no-paid-path", "open source", Profile{ModelStrategy: "open-source"}, true, 45},
		{"open-source.no-paid-path", "open core", Profile{ModelStrategy: "open-core"}, true, 15},
		{"open-source.no-paid-path", "closed", Profile{ModelStrategy: "closed"}, true, 0},
		{"open-source.no-paid-path", "unknown", Profile{}, false, 0},
		{"open-source.not-converting", "open, 1/10 revenue", Profile{ModelStrategy: "open-source", AnnualCost: f64(10), AnnualRevenue: f64(1)}, true, 22},
		{"open-source.not-converting", "open, no revenue", Profile{ModelStrategy: "open-source", AnnualCost: f64(10), AnnualRevenue: f64(0)}, true, 30},
		{"open-source.not-converting", "open, half revenue", Profile{ModelStrategy: "open-source", AnnualCost: f64(10), AnnualRevenue: f64(5)}, false, 0},
		{"open-source.not-converting", "closed", Profile{ModelStrategy: "closed", AnnualCost: f64(10), AnnualRevenue: f64(1)}, false, 0},
		{"open-source.giant-free", "open consumer", Profile{ModelStrategy: "open-source", Customers: "consumer"}, true, 10},
		{"open-source.giant-free", "open enterprise", Profile{ModelStrategy: "open-source", Customers: "enterprise"}, false, 0},
		{"scenario.crowdedness", "text-to-image", Profile{Scenario: "text-to-image"}, true, 40},
		{"scenario.crowdedness", "general chat", Profile{Scenario: "general-chat"}, true, 35},
		{"scenario.crowdedness", "other", Profile{Scenario: "other"}, true, 25},
		{"scenario.crowdedness", "office", Profile{Scenario: "office"}, true, 20},
		{"scenario.crowdedness", "agent", Profile{Scenario: "agent"}, true, 15},
		{"scenario.crowdedness", "code", Profile{Scenario: "code-assistant"}, true, 0},
		{"scenario.consumer-image", "consumer image", Profile{Scenario: "text-to-image", Customers: "consumer"}, true, 20},
		{"scenario.consumer-image", "b2b image", Profile{Scenario: "text-to-image", Customers: "enterprise"}, false, 0},
		{"generality.scope", "general", Profile{ModelScope: "general"}, true, 30},
		{"generality.scope", "general on third-party models", Profile{ModelScope: "general", ModelStrategy: "third-party"}, true, 15},
		{"generality.scope", "vertical", Profile{ModelScope: "vertical"}, true, 15},
		{"generality.platform-giants", "competes", Profile{CompetesWithGiants: yes()}, true, 35},
		{"generality.platform-giants", "does not", Profile{CompetesWithGiants: no()}, true, 0},
		{"segment.consumer-habit", "consumer", Profile{Customers: "consumer"}, true, 20},
		{"segment.consumer-habit", "enterprise", Profile{Customers: "enterprise"}, true, 0},
		{"segment.paying-users", "none", Profile{Customers: "consumer", PayingUsers: f64(0)}, true, 40},
		{"segment.paying-users", "2% of 10万", Profile{Customers: "consumer", PayingUsers: f64(2000)}, true, 39},
		{"segment.paying-users", "half", Profile{Customers: "consumer", PayingUsers: f64(5e4)}, true, 23},
		{"segment.paying-users", "90%", Profile{Customers: "consumer", PayingUsers: f64(9e4)}, true, 9},
		{"segment.paying-users", "enough", Profile{Customers: "both", PayingUsers: f64(2e5)}, true, 0},
		{"segment.paying-users", "enterprise", Profile{Customers: "enterprise", PayingUsers: f64(10)}, false, 0},
		{"segment.price", "free", Profile{Customers: "consumer", MonthlyPrice: f64(0)}, true, 15},
		{"segment.price", "cheap", Profile{Customers: "consumer", Currency: "CNY", MonthlyPrice: f64(6)}, true, 10},
		{"segment.price", "tens of yuan", Profile{Customers: "consumer", Currency: "USD", MonthlyPrice: f64(4)}, false, 0},
		{"segment.price", "no currency", Profile{Customers: "consumer", MonthlyPrice: f64(6)}, false, 0},
		{"segment.consumer-chat", "consumer chat", Profile{Customers: "consumer", Scenario: "general-chat"}, true, 10},
		{"segment.consumer-chat", "enterprise chat", Profile{Customers: "enterprise", Scenario: "general-chat"}, false, 0},
		{"segment.hallucination", "low", Profile{Customers: "enterprise", HallucinationTolerance: "low"}, true, 20},
		{"segment.hallucination", "medium", Profile{Customers: "both", HallucinationTolerance: "medium"}, true, 8},
		{"segment.hallucination", "high", Profile{Customers: "both", HallucinationTolerance: "high"}, true, 0},
		{"segment.hallucination", "consumer", Profile{Customers: "consumer", HallucinationTolerance: "low"}, false, 0},
		{"segment.digital-maturity", "low", Profile{Customers: "enterprise", CustomerDigitalMaturity: "low"}, true, 20},
		{"segment.digital-maturity", "high", Profile{Customers: "enterprise", CustomerDigitalMaturity: "high"}, true, 0},
		{"segment.squeeze", "both", Profile{Customers: "both"}, true, 10},
		{"capital.cloud-bills", "overdue", Profile{CloudBillsOverdue: yes()}, true, 35},
		{"capital.cloud-bills", "paid", Profile{CloudBillsOverdue: no()}, true, 0},
		{"capital.runway", "none", Profile{RunwayMonths: f64(0)}, true, 35},
		{"capital.runway", "3 months", Profile{RunwayMonths: f64(3)}, true, 31},
		{"capital.runway", "9 months", Profile{RunwayMonths: f64(9)}, true, 24},
		{"capital.runway", "18 months", Profile{RunwayMonths: f64(18)}, true, 13},
		{"capital.runway", "3 years", Profile{RunwayMonths: f64(36)}, true, 0},
		{"capital.parent", "none, losing", Profile{ParentCompany: no(), AnnualCost: f64(2), AnnualRevenue: f64(1)}, true, 15},
		{"capital.parent", "none, profitable", Profile{ParentCompany: no(), AnnualCost: f64(1), AnnualRevenue: f64(2)}, false, 0},
		{"capital.parent", "parent", Profile{ParentCompany: yes()}, true, -10},
		{"capital.parent", "parent, loss beyond 2亿美元", usd(Profile{ParentCompany: yes(), AnnualCost: f64(5e8), AnnualRevenue: f64(1e8)}), true, 10},
		{"capital.parent", "parent, loss in yuan within", Profile{Currency: "CNY", ParentCompany: yes(), AnnualCost: f64(5e8), AnnualRevenue: f64(1e8)}, true, -10},
		{"capital.compute", "constrained", Profile{GPUAccess: "constrained"}, true, 5},
		{"capital.compute", "own", Profile{GPUAccess: "own"}, true, 5},
		{"capital.compute", "rented", Profile{GPUAccess: "rented"}, false, 0},
		{"on-device.substitution", "yes", Profile{OnDeviceSubstitutable: "yes"}, true, 50},
		{"on-device.substitution", "partly", Profile{OnDeviceSubstitutable: "partly"}, true, 25},
		{"on-device.substitution", "no", Profile{OnDeviceSubstitutable: "no"}, true, 0},
		{"on-device.consumers", "consumer partly", Profile{Customers: "consumer", OnDeviceSubstitutable: "partly"}, true, 15},
		{"on-device.consumers", "enterprise", Profile{Customers: "enterprise", OnDeviceSubstitutable: "yes"}, false, 0},
	}
	rules := map[string]Rule{}
	for _, r := range Rules() {
		if _, dup := rules[r.ID]; dup {
			t.Fatalf("rule %s defined twice", r.ID)
		}
		rules[r.ID] = r
	}
	tested := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.rule+"/"+tt.name, func(t *testing.T) {
			r, ok := rules[tt.rule]
			if !ok {
				t.Fatalf("no rule %s", tt.rule)
			}
			tested[tt.rule] = true
			f, fired := r.Eval(tt.p, facts)
			if fired != tt.fires || f.Points != tt.points {
				t.Fatalf("fires=%v points=%d, want %v %d", fired, f.Points, tt.fires, tt.points)
			}
			if fired && (f.Text.ZH == "" || f.Text.EN == "" || len(f.Refs) == 0) {
				t.Errorf("reason lacks a language or a reference: %+v", f)
			}
			// A fact in the founder's favour adds no points and calls for no
			// action; a risk adds points and names the action it calls for.
			if fired && f.Favour != (f.Points <= 0) {
				t.Errorf("favour=%v with %d points", f.Favour, f.Points)
			}
			if fired && !f.Favour {
				mode, _ := kb.Mode(r.Mode)
				if f.Action == "" || actionIndex(mode.Actions, f.Action) < 0 {
					t.Errorf("action %q is not in a %s action's citation", f.Action, r.Mode)
				}
			}
			if fired && strings.Contains(f.Text.EN, "Only 0") {
				t.Errorf("reason reads %q", f.Text.EN)
			}
			for _, ref := range f.Refs {
				c, _, ok := citer{kb: kb}.resolve(ref)
				if !ok || !entries[c] {
					t.Errorf("ref %+v resolves to %+v, not a knowledge entry's citation", ref, c)
				}
				if ref.Benchmark != "" {
					if _, ok := kb.Benchmark(ref.Benchmark); !ok {
						t.Errorf("benchmark %q is not in the knowledge base", ref.Benchmark)
					}
				}
			}
		})
	}
	for id := range rules {
		if !tested[id] {
			t.Errorf("rule %s has no table test", id)
		}
	}
}

func TestLevel(t *testing.T) {
	for _, tt := range []struct {
		s    int
		want string
	}{{0, "low"}, {24, "low"}, {25, "medium"}, {49, "medium"}, {50, "high"}, {74, "high"}, {75, "critical"}, {100, "critical"}} {
		if got := Level(tt.s); got != tt.want {
			t.Errorf("Level(%d) = %s, want %s", tt.s, got, tt.want)
		}
	}
}
