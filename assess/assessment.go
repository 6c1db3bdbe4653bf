package assess

import (
	"cmp"
	"slices"

	"github.com/premortem/premortem/knowledge"
)

// Assessment is a scored profile in both languages; Report renders it in
// one.
type Assessment struct {
	Profile Profile
	Modes   []ModeScore // highest score first; ties in the article's order
	Overall int
}

// ModeScore is one failure mode's exposure.
type ModeScore struct {
	ID         string
	Title      knowledge.Text
	Score      int
	Level      string
	Confidence float64  // share of this mode's questions answered, 0..1
	Unanswered []string // profile fields that would raise the confidence
	Reasons    []Reason
	Actions    []knowledge.Claim // the mode's first actions, from the knowledge base
}

// Reason is one rule's finding with its resolved citations.
type Reason struct {
	Rule       string
	Points     int
	Text       knowledge.Text
	Citations  []knowledge.Citation
	Benchmarks []*knowledge.Benchmark
}

// maxActions is how many of a mode's actions a report carries.
const maxActions = 2

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

func assemble(kb *knowledge.Base, p Profile, modes []modeResult) *Assessment {
	c := citer{kb: kb}
	a := &Assessment{Profile: p, Overall: overallScore(modes)}
	for _, m := range modes {
		ms := ModeScore{ID: m.ID, Score: m.Score, Level: Level(m.Score), Confidence: m.Confidence, Title: fallbackTitles[m.ID]}
		if kb != nil {
			if mode, ok := kb.Mode(m.ID); ok {
				if mode.Title.ZH != "" {
					ms.Title = mode.Title
				}
				ms.Actions = mode.Actions[:min(maxActions, len(mode.Actions))]
			}
		}
		for _, f := range m.Findings {
			ms.Reasons = append(ms.Reasons, c.reason(f))
		}
		ms.Unanswered = unanswered(p, m.ID)
		a.Modes = append(a.Modes, ms)
	}
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

// reason resolves a finding's refs, dropping duplicates.
func (c citer) reason(f Finding) Reason {
	r := Reason{Rule: f.rule, Points: f.Points, Text: f.Text}
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

// unanswered lists the fields the mode's rules read that p leaves empty.
func unanswered(p Profile, mode string) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range Rules() {
		if r.Mode != mode {
			continue
		}
		for _, in := range r.Inputs {
			if !seen[in] && !p.Answered(in) {
				out = append(out, in)
			}
			seen[in] = true
		}
	}
	return out
}

// Top returns the n highest-scoring modes.
func (a *Assessment) Top(n int) []ModeScore { return a.Modes[:min(n, len(a.Modes))] }

// Mode returns the named mode's score.
func (a *Assessment) Mode(id string) (ModeScore, bool) {
	for _, m := range a.Modes {
		if m.ID == id {
			return m, true
		}
	}
	return ModeScore{}, false
}

// Figures returns the benchmarks m's reasons cite, each once, in order.
func (m ModeScore) Figures() []*knowledge.Benchmark {
	var out []*knowledge.Benchmark
	seen := map[string]bool{}
	for _, r := range m.Reasons {
		for _, x := range r.Benchmarks {
			if !seen[x.ID] {
				seen[x.ID] = true
				out = append(out, x)
			}
		}
	}
	return out
}
