package advisor

import (
	"slices"
	"strings"

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
	DirectHowTo  = "how-to" // what to do first
	DirectFollow = "follow" // a follow-up about a risk already discussed
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
		gm.Stated = statedIn(gm.Check, gm.Mode, a.kb, a.lower, gm.Terms)
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

// statedIn returns the founder's words that say this sign and no other:
// words the sign holds that are not the mode's topic (its title) and that
// no other sign of any mode holds ("数字化" says "clients not yet
// digital"; "开源" or "客户" say only what the question is about). Then the
// founder described the sign, and it is theirs, not one to check.
func statedIn(sign *knowledge.Claim, m *knowledge.Mode, kb *knowledge.Base, low lowered, terms []string) []string {
	var out []string
	for _, t := range meaningful(terms) {
		lt := strings.ToLower(t)
		has := func(c knowledge.Text) bool { return strings.Contains(low.of(c), lt) }
		if !has(sign.Text) || has(m.Title) || len(kb.CasesNamed(t)) > 0 {
			continue // a company's name ("Stability") says no sign of the founder's
		}
		n := 0
		for _, om := range kb.Modes {
			for _, s := range om.Signals {
				if has(s.Text) {
					n++
				}
			}
		}
		if n == 1 {
			out = append(out, t)
		}
	}
	return out
}

// maxTermsShown bounds the words a "why" says the question asked about.
const maxTermsShown = 3

// meaningful returns the terms worth naming to a founder: no bare
// numbers, none inside a longer term, none shorter than two Han
// characters or four letters, at most maxTermsShown.
func meaningful(terms []string) []string {
	var out []string
	for _, t := range terms {
		if len(out) == maxTermsShown || !wordLike(t) {
			continue
		}
		inside := slices.ContainsFunc(terms, func(o string) bool {
			return o != t && strings.Contains(strings.ToLower(o), strings.ToLower(t))
		})
		if !inside {
			out = append(out, t)
		}
	}
	return out
}

// wordLike reports whether t is a word, not a number or a fragment.
func wordLike(t string) bool {
	letters, han := 0, 0
	for _, r := range t {
		switch {
		case r >= 0x4e00 && r <= 0x9fff:
			han++
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z':
			letters++
		}
	}
	return han >= 2 || letters >= 4 || (letters >= 2 && letters == len(t) && strings.ToUpper(t) == t)
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
	stance, _ := a.kb.Stance(top.ID)
	if in.Kind == situation.IntentHowTo && stance != nil {
		return Direct{Kind: DirectHowTo, Mode: top, Stance: stance}
	}
	if g.FollowUp {
		return Direct{Kind: DirectFollow, Mode: top, Stance: stance}
	}
	// A figure asked for: the article's figure, of the company named when
	// there is one.
	if in.Kind == situation.IntentFigure {
		if x := a.askedFigure(g); x != nil {
			return Direct{Kind: DirectFigure, Benchmark: x, Mode: top}
		}
	}
	// A company asked about by name: what the article says of it.
	if g.Situation != nil && len(g.Situation.Cases) > 0 {
		if c, ok := a.kb.Case(g.Situation.Cases[0]); ok && (len(c.Claims) > 0 || len(c.Citations) > 0) {
			d := Direct{Kind: DirectCase, Case: c, Mode: top}
			if len(c.Claims) > 0 {
				d.Claim = caseClaim(c.Claims, g, a.lower)
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
	}
	return Direct{Kind: DirectThreat, Mode: top, Stance: stance}
}

// askedFigure is the figure a question asks for: the best-ranked one of
// the company it names, else the best-ranked one.
func (a *Advisor) askedFigure(g *Grounding) *knowledge.Benchmark {
	var first *knowledge.Benchmark
	for _, h := range g.Found.Benchmarks {
		x, ok := a.kb.Benchmark(h.ID)
		if !ok || x.Unit == "date" {
			continue
		}
		if g.Situation != nil && slices.Contains(g.Situation.Cases, x.Entity) {
			return x
		}
		if first == nil {
			first = x
		}
	}
	return first
}

// caseClaim picks what the article says of a company that fits the
// question best: claims sharing its words count, and so do claims citing
// the paragraphs retrieval found closest to the question.
func caseClaim(cs []knowledge.Claim, g *Grounding, low lowered) *knowledge.Claim {
	keys := queryKeys(g.Found.Query)
	near := map[int]float64{}
	for _, h := range g.Found.Modes {
		for _, p := range h.Passages {
			near[p.Citation.Paragraph] = max(near[p.Citation.Paragraph], p.Score)
		}
	}
	best, bestScore := 0, -1.0
	for i, c := range cs {
		text := low.of(c.Text)
		score := 0.0
		for _, k := range keys {
			if strings.Contains(text, k) {
				score++
			}
		}
		for _, ct := range c.Citations {
			if _, ok := near[ct.Paragraph]; ok {
				score += 3
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return &cs[best]
}
