package assess

import (
	"cmp"
	"slices"
	"strings"

	"github.com/premortem/premortem/knowledge"
)

// Assessment is a scored profile in both languages; Report renders it in
// one.
type Assessment struct {
	Profile Profile
	Modes   []ModeScore // highest score first; ties in the article's order
	Overall int
	// Enough is false while fewer than MinScoredModes modes have an answered
	// rule: the report then says it cannot score yet, not that risk is low.
	Enough bool
	// Missing are the unanswered fields that would inform the most rules,
	// most useful first (at most maxMissing).
	Missing []string
}

// ModeScore is one failure mode's exposure.
type ModeScore struct {
	ID         string
	Title      knowledge.Text
	Score      int
	Level      string
	Confidence float64  // share of this mode's applicable questions answered, 0..1
	Unanswered []string // profile fields that would raise the confidence
	// Reasons are every rule's finding, strongest first: the risks and, with
	// Favour set, the facts in the founder's favour, as they always were.
	Reasons []Reason
	// Risks are the reasons that add points: why the mode is a risk. Reports
	// show these as its reasons, and Favours apart.
	Risks   []Reason
	Actions []knowledge.Claim // what to do first, chosen by the risks
	// Scored is false when no rule of the mode had its answers: its 0 means
	// "unknown", not "safe".
	Scored bool
	// Favours are facts that work in the founder's favour for this mode.
	Favours []Reason
}

// Reason is one rule's finding with its resolved citations.
type Reason struct {
	Rule       string
	Points     int
	Text       knowledge.Text
	Citations  []knowledge.Citation
	Benchmarks []*knowledge.Benchmark
	Favour     bool
}

// maxActions is how many of a mode's actions a report carries; maxMissing
// how many missing answers it names.
const (
	maxActions = 2
	maxMissing = 4
)

// fallbackTitles are the seven section headings' gist, used when the
// knowledge base has no title for a mode.
var fallbackTitles = map[string]knowledge.Text{
	"market":      {ZH: "死于市场:技术行,市场不行", EN: "Good technology, no market"},
	"open-source": {ZH: "死于开源向闭源的惊险一跳", EN: "Open source that never becomes paid"},
	"scenario":    {ZH: "死于找错了场景", EN: "The wrong use case"},
	"generality":  {ZH: "死于通用还是死于专业", EN: "General vs. vertical, beside the giants"},
	"segment":     {ZH: "死于B端还是死于C端", EN: "Consumers who won't pay, enterprises that weigh"},
	"capital":     {ZH: "未必死于缺卡,一定死于缺钱", EN: "Money, not GPUs, decides"},
	"on-device":   {ZH: "会输给AI PC吗", EN: "Losing to AI PCs and phones"},
}

func assemble(kb *knowledge.Base, p Profile, modes []modeResult, rules []Rule) *Assessment {
	c := citer{kb: kb}
	a := &Assessment{Profile: p, Overall: overallScore(modes)}
	scored := 0
	for _, m := range modes {
		ms := ModeScore{ID: m.ID, Score: m.Score, Level: Level(m.Score), Confidence: m.Confidence,
			Title: fallbackTitles[m.ID], Scored: len(m.Findings) > 0}
		var mode *knowledge.Mode
		if kb != nil {
			if km, ok := kb.Mode(m.ID); ok {
				mode = km
				if km.Title.ZH != "" {
					ms.Title = km.Title
				}
			}
		}
		var named []string
		for _, f := range m.Findings {
			r := c.reason(f)
			ms.Reasons = append(ms.Reasons, r)
			if f.Favour {
				ms.Favours = append(ms.Favours, r)
				continue
			}
			ms.Risks = append(ms.Risks, r)
			if f.Action != "" {
				named = append(named, f.Action)
			}
		}
		if mode != nil && len(ms.Risks) > 0 {
			ms.Actions = pickActions(mode.Actions, named)
		}
		for _, in := range m.Inputs {
			if !p.Answered(in) {
				ms.Unanswered = append(ms.Unanswered, in)
			}
		}
		if ms.Scored {
			scored++
		}
		a.Modes = append(a.Modes, ms)
	}
	a.Enough = scored >= MinScoredModes
	a.Missing = missing(p, rules)
	order := map[string]int{}
	for i, id := range ModeIDs {
		order[id] = i
	}
	slices.SortStableFunc(a.Modes, func(x, y ModeScore) int {
		if c := cmp.Compare(y.Score, x.Score); c != 0 {
			return c
		}
		return cmp.Compare(order[x.ID], order[y.ID])
	})
	return a
}

// pickActions returns the actions the findings name, strongest first, each
// once; with none named, the mode's first, most general action.
func pickActions(actions []knowledge.Claim, named []string) []knowledge.Claim {
	var out []knowledge.Claim
	for _, phrase := range named {
		i := actionIndex(actions, phrase)
		if i < 0 || slices.ContainsFunc(out, func(c knowledge.Claim) bool { return c.Text == actions[i].Text }) {
			continue
		}
		out = append(out, actions[i])
		if len(out) == maxActions {
			break
		}
	}
	if len(out) == 0 && len(actions) > 0 {
		out = append(out, actions[0])
	}
	return out
}

// actionIndex finds the action whose citation holds phrase, -1 if none.
func actionIndex(actions []knowledge.Claim, phrase string) int {
	for i, a := range actions {
		for _, ct := range a.Citations {
			if strings.Contains(ct.Quote, phrase) {
				return i
			}
		}
	}
	return -1
}

// missing ranks p's unanswered fields by how many applicable rules read
// them, the schema's order breaking ties.
func missing(p Profile, rules []Rule) []string {
	weight := map[string]int{}
	for _, r := range rules {
		if !r.applies(p) {
			continue
		}
		for _, in := range r.Inputs {
			if !p.Answered(in) {
				weight[in]++
			}
		}
	}
	var out []string
	for _, f := range Fields {
		if weight[f.Name] > 0 {
			out = append(out, f.Name)
		}
	}
	slices.SortStableFunc(out, func(x, y string) int { return cmp.Compare(weight[y], weight[x]) })
	return out[:min(maxMissing, len(out))]
}

// reason resolves a finding's refs, dropping duplicates.
func (c citer) reason(f Finding) Reason {
	r := Reason{Rule: f.rule, Points: f.Points, Text: f.Text, Favour: f.Favour}
	seenQ := map[knowledge.Citation]bool{}
	seenB := map[string]bool{}
	for _, ref := range f.Refs {
		ct, b, ok := c.resolve(ref)
		if !ok {
			continue
		}
		if b != nil && !seenB[b.ID] {
			seenB[b.ID] = true
			r.Benchmarks = append(r.Benchmarks, b)
		}
		if !seenQ[ct] {
			seenQ[ct] = true
			r.Citations = append(r.Citations, ct)
		}
	}
	return r
}

// Top returns the n highest-scoring modes.
func (a *Assessment) Top(n int) []ModeScore { return a.Modes[:min(n, len(a.Modes))] }

// Explained returns the modes every report explains with reasons and a
// first action: those scored at ExplainLevel or above, highest first.
func (a *Assessment) Explained() []ModeScore {
	var out []ModeScore
	for _, m := range a.Modes {
		if m.Scored && len(m.Risks) > 0 && levelAtLeast(m.Level, ExplainLevel) {
			out = append(out, m)
		}
	}
	return out
}

// Favour is one fact in the founder's favour, with the mode it concerns.
type Favour struct {
	Mode   string
	Reason Reason
}

// Favours lists what works in the founder's favour, in the article's mode
// order, strongest first within a mode.
func (a *Assessment) Favours() []Favour {
	var out []Favour
	for _, id := range ModeIDs {
		m, _ := a.Mode(id)
		for _, r := range m.Favours {
			out = append(out, Favour{Mode: id, Reason: r})
		}
	}
	return out
}

func levelAtLeast(level, floor string) bool {
	return slices.Index(Levels, level) >= slices.Index(Levels, floor)
}

// Mode returns the named mode's score.
func (a *Assessment) Mode(id string) (ModeScore, bool) {
	for _, m := range a.Modes {
		if m.ID == id {
			return m, true
		}
	}
	return ModeScore{}, false
}

// Figures returns the benchmarks m's risks cite, each once, in order.
func (m ModeScore) Figures() []*knowledge.Benchmark {
	var out []*knowledge.Benchmark
	seen := map[string]bool{}
	for _, r := range m.Risks {
		for _, x := range r.Benchmarks {
			if !seen[x.ID] {
				seen[x.ID] = true
				out = append(out, x)
			}
		}
	}
	return out
}
