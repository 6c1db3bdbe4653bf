package advisor

import (
	"slices"

	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/situation"
)

// Advice: what turns found risks into advice for this founder. Both
// writers (the builtin composer and a model, through its prompt) work from
// it:
//   - a direct answer to the question as asked (Direct): the article's
//     stance on the decision asked about, the figure asked for, what the
//     article says of a company named, or the biggest threat;
//   - per risk, why it applies: the assessment rules that fire on what the
//     founder said (true of them), or, when nothing they said bears on it,
//     one warning sign offered as something to check, never asserted;
//   - actions chosen by their situation: none that tells them to start
//     what they already do, or that concerns a situation not theirs.

// Direct answer kinds.
const (
	DirectThreat = "threat" // the biggest threat and why
	DirectStance = "stance" // the article's side on the dilemma asked about
	DirectFigure = "figure" // the figure asked for
	DirectCase   = "case"   // what the article says of a company named
)

// Direct is what the answer says first.
type Direct struct {
	Kind      string
	Mode      *knowledge.Mode      // the risk it concerns (DirectThreat, DirectStance)
	Stance    *knowledge.Stance    // DirectStance
	Benchmark *knowledge.Benchmark // DirectFigure
	Case      *knowledge.Case      // DirectCase
	Claim     *knowledge.Claim     // DirectCase: what the article says of it that fits best
}

// pickFunc picks up to n claims that fit the question (see bestClaims).
type pickFunc func(cs []knowledge.Claim, terms []string, figures []*knowledge.Benchmark, n int, fitOnly bool) []knowledge.Claim

// maxActionsShown bounds the actions per risk: the first steps, not a plan.
const maxActionsShown = 2

// advise fills gm's reasons, mitigations, check and actions from sit.
func (a *Advisor) advise(gm *GroundedMode, sit *situation.Situation, pick pickFunc) {
	var value func(string) string
	if sit != nil {
		value = sit.Profile.Value
		if mw, ok := sit.Mode(gm.Mode.ID); ok {
			gm.Reasons, gm.Mitigations = mw.Risks, mw.Mitigations
		}
		gm.covered = make([]bool, len(gm.Reasons))
		for _, c := range sit.Comparisons {
			used := false
			for i, r := range gm.Reasons {
				if slices.Contains(r.Benchmarks, c.Benchmark) {
					gm.covered[i], used = true, true
				}
			}
			if used && !slices.ContainsFunc(gm.Computed, func(o situation.Comparison) bool { return o.Kind == c.Kind }) {
				gm.Computed = append(gm.Computed, c)
			}
		}
	}
	signals := applicable(gm.Mode.Signals, value)
	gm.Signals = pick(signals, gm.Terms, nil, maxSignals, false)
	if len(gm.Reasons) == 0 && len(gm.Signals) > 0 {
		gm.Check = &gm.Signals[0]
	}
	// Actions: those made for a fact the founder gave first, then those
	// fitting the question best.
	acts := applicable(gm.Mode.Actions, value)
	var out []knowledge.Claim
	for _, c := range acts {
		if len(c.When) > 0 && len(out) < maxActionsShown {
			out = append(out, c)
		}
	}
	rest := slices.DeleteFunc(slices.Clone(acts), func(c knowledge.Claim) bool { return len(c.When) > 0 })
	out = append(out, pick(rest, gm.Terms, nil, maxActionsShown-len(out), false)...)
	gm.Actions = out
}

// applicable returns the claims whose conditions hold for the founder's
// facts (value returns a profile field's value, "" when unknown; nil when
// nothing is known). A claim with Unless is left out when a known fact
// matches; one with When is kept only when a known fact matches.
func applicable(cs []knowledge.Claim, value func(string) string) []knowledge.Claim {
	var out []knowledge.Claim
	for _, c := range cs {
		if value != nil && matches(c.Unless, value) {
			continue
		}
		if len(c.When) > 0 && (value == nil || !matches(c.When, value)) {
			continue
		}
		out = append(out, c)
	}
	return out
}

// matches reports whether any condition holds for a known fact.

func matches(conds []knowledge.Condition, value func(string) string) bool {
	for _, c := range conds {
		if v := value(c.Field); v != "" && slices.Contains(c.In, v) {
			return true
		}
	}
	return false
}

// direct decides what the answer says first, from what the question asks.
func (a *Advisor) direct(g *Grounding) Direct {
	if len(g.Modes) == 0 || a.kb == nil {
		return Direct{}
	}
	top := g.Modes[0].Mode
	var in situation.Intent
	if g.Situation != nil {
		in = g.Situation.Intent
	}
	// A company asked about by name: what the article says of it.
	if g.Situation != nil && len(g.Situation.Cases) > 0 {
		if c, ok := a.kb.Case(g.Situation.Cases[0]); ok && (len(c.Claims) > 0 || len(c.Citations) > 0) {
			d := Direct{Kind: DirectCase, Case: c, Mode: top}
			if len(c.Claims) > 0 {
				best := bestClaims(c.Claims, claimHints{keys: queryKeys(g.Found.Query)}, nil, 1)
				d.Claim = &best[0]
			}
			return d
		}
	}
	switch in.Kind {
	case situation.IntentDecision:
		m := top
		if in.Dilemma != "" {
			if dm, ok := a.kb.Mode(in.Dilemma); ok {
				m = dm
			}
		}
		if st, ok := a.kb.Stance(m.ID); ok {
			return Direct{Kind: DirectStance, Mode: m, Stance: st}
		}
	case situation.IntentFigure:
		for _, h := range g.Found.Benchmarks {
			if x, ok := a.kb.Benchmark(h.ID); ok && x.Unit != "date" {
				return Direct{Kind: DirectFigure, Benchmark: x, Mode: top}
			}
		}
	}
	return Direct{Kind: DirectThreat, Mode: top}
}
