package main

import "github.com/premortem/premortem/knowledge"

// The JSON of `premortem risks --json`: both languages, every citation.

type riskListJSON struct {
	Version string          `json:"version"`
	Risks   []riskBriefJSON `json:"risks"`
}

type riskBriefJSON struct {
	ID      string             `json:"id"`
	Title   knowledge.Text     `json:"title"`
	Heading knowledge.Citation `json:"heading"`
}

type riskDetailJSON struct {
	Version    string              `json:"version"`
	ID         string              `json:"id"`
	Title      knowledge.Text      `json:"title"`
	Heading    knowledge.Citation  `json:"heading"`
	Summary    knowledge.Text      `json:"summary"`
	Stance     *stanceJSON         `json:"stance,omitempty"`
	Signals    []claimJSON         `json:"signals"`
	Actions    []claimJSON         `json:"actions"`
	Evidence   []claimJSON         `json:"evidence"`
	Benchmarks []riskBenchmarkJSON `json:"benchmarks"`
	Cases      []riskCaseJSON      `json:"cases"`
}

type stanceJSON struct {
	Dilemma   knowledge.Text       `json:"dilemma"`
	Answer    knowledge.Text       `json:"answer"`
	First     knowledge.Text       `json:"first"`
	Citations []knowledge.Citation `json:"citations"`
}

type claimJSON struct {
	Text      knowledge.Text       `json:"text"`
	Citations []knowledge.Citation `json:"citations"`
}

type riskBenchmarkJSON struct {
	ID       string             `json:"id"`
	Label    knowledge.Text     `json:"label"`
	Text     string             `json:"text"`
	Value    float64            `json:"value"`
	Unit     string             `json:"unit"`
	Currency string             `json:"currency,omitempty"`
	Period   string             `json:"period,omitempty"`
	Entity   string             `json:"entity"`
	Citation knowledge.Citation `json:"citation"`
}

type riskCaseJSON struct {
	ID        string               `json:"id"`
	Name      knowledge.Text       `json:"name"`
	Summary   knowledge.Text       `json:"summary"`
	Citations []knowledge.Citation `json:"citations"`
	Claims    []claimJSON          `json:"claims"`
}

func modeList(kb *knowledge.Base) riskListJSON {
	out := riskListJSON{Version: kb.Version, Risks: []riskBriefJSON{}}
	for _, m := range kb.Modes {
		out.Risks = append(out.Risks, riskBriefJSON{ID: m.ID, Title: m.Title, Heading: m.Heading})
	}
	return out
}

func modeDetail(kb *knowledge.Base, m *knowledge.Mode) riskDetailJSON {
	out := riskDetailJSON{
		Version: kb.Version, ID: m.ID, Title: m.Title, Heading: m.Heading, Summary: m.Summary,
		Signals: claimsJSON(m.Signals), Actions: claimsJSON(m.Actions), Evidence: claimsJSON(m.Evidence),
		Benchmarks: []riskBenchmarkJSON{}, Cases: []riskCaseJSON{},
	}
	if s, ok := kb.Stance(m.ID); ok {
		out.Stance = &stanceJSON{Dilemma: s.Dilemma, Answer: s.Answer, First: s.First, Citations: s.Citations}
	}
	for _, id := range m.Benchmarks {
		x, _ := kb.Benchmark(id)
		out.Benchmarks = append(out.Benchmarks, riskBenchmarkJSON{
			ID: x.ID, Label: x.Label, Text: x.Text, Value: x.Value, Unit: x.Unit,
			Currency: x.Currency, Period: x.Period, Entity: x.Entity, Citation: x.Citation,
		})
	}
	for _, id := range m.Cases {
		c, _ := kb.Case(id)
		out.Cases = append(out.Cases, riskCaseJSON{ID: c.ID, Name: c.Name, Summary: c.Summary, Citations: c.Citations, Claims: claimsJSON(c.Claims)})
	}
	return out
}

func claimsJSON(cs []knowledge.Claim) []claimJSON {
	out := make([]claimJSON, len(cs))
	for i, c := range cs {
		out[i] = claimJSON{Text: c.Text, Citations: c.Citations}
	}
	return out
}
