package assess

import (
	"cmp"
	"math"
	"slices"
	"sync"

	"github.com/premortem/premortem/knowledge"
)

// ModeIDs are the seven failure modes in the article's order.
var ModeIDs = []string{"market", "open-source", "scenario", "generality", "segment", "capital", "on-device"}

// Levels are the score bands, lowest first; Level names the band of a score.
var Levels = []string{"low", "medium", "high", "critical"}

// Level names a score band: low under 25, medium under 50, high under 75,
// critical from 75.
func Level(score int) string {
	switch {
	case score < 25:
		return "low"
	case score < 50:
		return "medium"
	case score < 75:
		return "high"
	}
	return "critical"
}

// ExplainLevel is the lowest level whose fates every report explains with
// their reasons and first action.
const ExplainLevel = "medium"

// MinScoredModes is how many failure modes need at least one answered rule
// before an assessment has enough answers to score the company as a whole.
const MinScoredModes = 3

// Rule is one explicit scoring signal. It reads the named profile fields and,
// when they are known and the signal applies, returns the points it adds to
// its mode and why. A rule whose inputs are unknown returns ok=false: it
// neither adds nor removes points, and the mode's confidence drops.
type Rule struct {
	ID     string   // "<mode>.<signal>"
	Mode   string   // failure-mode ID
	Inputs []string // profile fields read
	Eval   func(p Profile, f Facts) (Finding, bool)
	// Applies, when set, reports false once the answers so far show that the
	// rule can never fire (enterprise questions for a consumer company): its
	// inputs then no longer count against the mode's confidence.
	Applies func(p Profile) bool
}

// applies is Applies with nil meaning always.
func (r Rule) applies(p Profile) bool { return r.Applies == nil || r.Applies(p) }

// Finding is what a rule concluded: points (may be negative, for a
// mitigating fact) and a reason in both languages citing its entries.
type Finding struct {
	Points int
	Text   knowledge.Text
	Refs   []Ref // knowledge entries the reason rests on, in order
	// Favour marks a fact in the founder's favour (Points <= 0): reports list
	// it apart from the risks.
	Favour bool
	// Action is a phrase from the citation of the mode action this finding
	// calls for first; "" leaves the choice to the mode's other findings.
	Action string
	rule   string
}

// Ref names a knowledge entry: a benchmark by ID, or else the mode claim,
// benchmark or case whose quote contains Phrase (which must be verbatim in
// the article).
type Ref struct {
	Benchmark string
	Phrase    string
}

// Facts are the article's figures the rules compare against, read from the
// knowledge base's benchmarks (with the article's own numbers as fallback).
type Facts struct {
	StabilityCost, StabilityRevenue float64 // 2023, USD
	IndustrySpend, IndustryRevenue  float64 // Sequoia: GPU spend and revenue, 2023, USD
	ConsumerPayingUsers             float64 // "10万级的付费用户数"
	ConsumerRevenueTarget           float64 // "几千万的营收", CNY a year
	ConsumerPriceMonth              float64 // "一个月几十块", CNY
	BreakoutYears                   float64 // "短期三两年内"
}

// StabilityRatio is Stability AI's 2023 cost over revenue (about 13.9).
func (f Facts) StabilityRatio() float64 { return f.StabilityCost / f.StabilityRevenue }

// IndustryRatio is the industry's 2023 GPU spend over revenue (about 16.7).
func (f Facts) IndustryRatio() float64 { return f.IndustrySpend / f.IndustryRevenue }

// FactsFrom reads the comparison figures from kb.
func FactsFrom(kb *knowledge.Base) Facts {
	f := Facts{StabilityCost: 1.53e8, StabilityRevenue: 1.1e7, IndustrySpend: 5e10, IndustryRevenue: 3e9,
		ConsumerPayingUsers: 1e5, ConsumerRevenueTarget: 2e7, ConsumerPriceMonth: 20, BreakoutYears: 2}
	if kb == nil {
		return f
	}
	set := func(dst *float64, id string) {
		if b, ok := kb.Benchmark(id); ok && b.Value > 0 {
			*dst = b.Value
		}
	}
	set(&f.StabilityCost, "stability-cost-2023")
	set(&f.StabilityRevenue, "stability-revenue-2023")
	set(&f.IndustrySpend, "sequoia-gpu-spend-2023")
	set(&f.IndustryRevenue, "sequoia-ai-revenue-2023")
	set(&f.ConsumerPayingUsers, "consumer-paying-users")
	set(&f.ConsumerRevenueTarget, "consumer-revenue-target")
	set(&f.ConsumerPriceMonth, "consumer-price-month")
	set(&f.BreakoutYears, "unicorn-breakout-years")
	return f
}

// modeResult is one mode's score before rendering.
type modeResult struct {
	ID         string
	Score      int
	Confidence float64
	Findings   []Finding
	Inputs     []string // fields the mode's applicable rules read, in rule order
}

// Score applies every rule to p. It is deterministic: the same profile and
// knowledge give the same result.
func Score(kb *knowledge.Base, p Profile) *Assessment {
	return scoreWith(kb, p, allRules())
}

// allRules are the rules Score applies, built once: a rule is data and
// pure functions, the same for every profile.
var allRules = sync.OnceValue(Rules)

func scoreWith(kb *knowledge.Base, p Profile, rules []Rule) *Assessment {
	facts := FactsFrom(kb)
	var modes []modeResult
	for _, id := range ModeIDs {
		m := modeResult{ID: id}
		total := 0
		for _, r := range rules {
			if r.Mode != id || !r.applies(p) {
				continue
			}
			for _, in := range r.Inputs {
				if !slices.Contains(m.Inputs, in) {
					m.Inputs = append(m.Inputs, in)
				}
			}
			f, ok := r.Eval(p, facts)
			if !ok {
				continue
			}
			f.rule = r.ID
			total += f.Points
			m.Findings = append(m.Findings, f)
		}
		m.Score = min(100, max(0, total))
		m.Confidence = confidence(p, m.Inputs)
		// Strongest reasons first; rule order breaks ties.
		slices.SortStableFunc(m.Findings, func(a, b Finding) int { return cmp.Compare(abs(b.Points), abs(a.Points)) })
		modes = append(modes, m)
	}
	return assemble(kb, p, modes, rules)
}

// confidence is the share of inputs p answers; a mode whose rules can no
// longer apply is fully known.
func confidence(p Profile, inputs []string) float64 {
	if len(inputs) == 0 {
		return 1
	}
	known := 0
	for _, in := range inputs {
		if p.Answered(in) {
			known++
		}
	}
	return math.Round(100*float64(known)/float64(len(inputs))) / 100
}

// overallScore is the mean of the three highest mode scores: a company dies
// of its worst exposures, not of its average one.
func overallScore(modes []modeResult) int {
	scores := make([]int, len(modes))
	for i, m := range modes {
		scores[i] = m.Score
	}
	slices.Sort(scores)
	slices.Reverse(scores)
	n := min(3, len(scores))
	if n == 0 {
		return 0
	}
	sum := 0
	for _, s := range scores[:n] {
		sum += s
	}
	return int(math.Round(float64(sum) / float64(n)))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
