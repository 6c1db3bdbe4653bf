package assess

import (
	"cmp"
	"math"
	"slices"

	"github.com/premortem/premortem/knowledge"
)

// ModeIDs are the seven failure modes in the article's order.
var ModeIDs = []string{"market", "open-source", "scenario", "generality", "segment", "capital", "on-device"}

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

// Rule is one explicit scoring signal. It reads the named profile fields and,
// when they are known and the signal applies, returns the points it adds to
// its mode and why. A rule whose inputs are unknown returns ok=false: it
// neither adds nor removes points, and the mode's confidence drops.
type Rule struct {
	ID     string   // "<mode>.<signal>"
	Mode   string   // failure-mode ID
	Inputs []string // profile fields read
	Eval   func(p Profile, f Facts) (Finding, bool)
}

// Finding is what a rule concluded: points (may be negative, for a
// mitigating fact) and a reason in both languages citing its entries.
type Finding struct {
	Points int
	Text   knowledge.Text
	Refs   []Ref // knowledge entries the reason rests on, in order
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
}

// StabilityRatio is Stability AI's 2023 cost over revenue (about 13.9).
func (f Facts) StabilityRatio() float64 { return f.StabilityCost / f.StabilityRevenue }

// IndustryRatio is the industry's 2023 GPU spend over revenue (about 16.7).
func (f Facts) IndustryRatio() float64 { return f.IndustrySpend / f.IndustryRevenue }

// FactsFrom reads the comparison figures from kb.
func FactsFrom(kb *knowledge.Base) Facts {
	f := Facts{StabilityCost: 1.53e8, StabilityRevenue: 1.1e7, IndustrySpend: 5e10, IndustryRevenue: 3e9, ConsumerPayingUsers: 1e5}
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
	return f
}

// modeResult is one mode's score before rendering.
type modeResult struct {
	ID         string
	Score      int
	Confidence float64
	Findings   []Finding
}

// Score applies every rule to p. It is deterministic: the same profile and
// knowledge give the same result.
func Score(kb *knowledge.Base, p Profile) *Assessment {
	return scoreWith(kb, p, Rules())
}

func scoreWith(kb *knowledge.Base, p Profile, rules []Rule) *Assessment {
	facts := FactsFrom(kb)
	var modes []modeResult
	for _, id := range ModeIDs {
		m := modeResult{ID: id}
		inputs := map[string]bool{}
		total := 0
		for _, r := range rules {
			if r.Mode != id {
				continue
			}
			for _, in := range r.Inputs {
				inputs[in] = true
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
		m.Confidence = confidence(p, inputs)
		// Strongest reasons first; rule order breaks ties.
		slices.SortStableFunc(m.Findings, func(a, b Finding) int { return cmp.Compare(abs(b.Points), abs(a.Points)) })
		modes = append(modes, m)
	}
	return assemble(kb, p, modes)
}

func confidence(p Profile, inputs map[string]bool) float64 {
	if len(inputs) == 0 {
		return 1
	}
	known := 0
	for in := range inputs {
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
