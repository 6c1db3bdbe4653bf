package situation

import (
	"encoding/json"
	"sync"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/knowledge"
)

// why runs the assessment's own rules over the profile the question gives
// and keeps, per failure mode, the findings of rules the founder gave an
// input for: each is true of this founder because derived from what they
// said. Findings that add points are risks; the rest mitigate.
func (r *Reader) why(p assess.Profile) []ModeWhy {
	if p == (assess.Profile{}) {
		return []ModeWhy{}
	}
	key, err := json.Marshal(p)
	if err != nil {
		return r.score(p)
	}
	return r.scores.get(string(key), func() []ModeWhy { return r.score(p) })
}

func (r *Reader) score(p assess.Profile) []ModeWhy {
	out := []ModeWhy{}
	for _, m := range assess.Score(r.kb, p).Modes {
		w := ModeWhy{Mode: m.ID, Score: m.Score, Risks: []Finding{}, Mitigations: []Finding{}}
		for _, rs := range m.Reasons {
			if !r.answered(rs.Rule, p) {
				continue
			}
			f := Finding{Rule: rs.Rule, Points: rs.Points, Text: rs.Text, Citations: rs.Citations, Benchmarks: []string{}}
			if f.Citations == nil {
				f.Citations = []knowledge.Citation{}
			}
			for _, b := range rs.Benchmarks {
				f.Benchmarks = append(f.Benchmarks, b.ID)
			}
			if f.Points > 0 {
				w.Risks = append(w.Risks, f)
			} else {
				w.Mitigations = append(w.Mitigations, f)
			}
		}
		if len(w.Risks)+len(w.Mitigations) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// whyCache keeps the findings of recent profiles: a conversation re-reads
// its earlier messages with every follow-up, and scoring is most of the
// cost of a Read. It holds at most maxCached profiles, then starts over.
type whyCache struct {
	mu sync.Mutex
	m  map[string][]ModeWhy
}

const maxCached = 512

// get returns a copy of the cached findings for key, computing them once.
func (c *whyCache) get(key string, compute func() []ModeWhy) []ModeWhy {
	c.mu.Lock()
	w, ok := c.m[key]
	c.mu.Unlock()
	if !ok {
		w = compute()
		c.mu.Lock()
		if c.m == nil || len(c.m) >= maxCached {
			c.m = map[string][]ModeWhy{}
		}
		c.m[key] = w
		c.mu.Unlock()
	}
	out := make([]ModeWhy, len(w))
	for i, m := range w {
		m.Risks = append([]Finding{}, m.Risks...)
		m.Mitigations = append([]Finding{}, m.Mitigations...)
		out[i] = m
	}
	return out
}

// answered reports whether the founder gave at least one of the rule's
// inputs; a rule the reader does not know is trusted to check its own.
func (r *Reader) answered(rule string, p assess.Profile) bool {
	ins, ok := r.inputs[rule]
	if !ok {
		return true
	}
	for _, in := range ins {
		if in != "currency" && p.Answered(in) {
			return true
		}
	}
	return false
}
