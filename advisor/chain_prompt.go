package advisor

import (
	"strings"

	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/llm"
	"github.com/premortem/premortem/prompts"
)

// What a model is given, and what its reply is checked against, both come
// from the Grounding: the same entries, so a citation the checks accept is
// one the prompt offered.

// promptData shapes g for the templates.
func promptData(g Grounding, history []Turn) prompts.AskData {
	d := prompts.AskData{Lang: g.Lang, Question: g.Question}
	for i, r := range g.Risks {
		e := prompts.Entry{ID: r.ID, Title: r.Title}
		for _, c := range r.Citations {
			e.Quotes = append(e.Quotes, c.Quote)
		}
		if i < len(g.Modes) && g.Modes[i].Mode != nil {
			gm := g.Modes[i]
			e.Summary = gm.Mode.Summary.In(g.Lang)
			for _, cs := range [][]knowledge.Claim{gm.Signals, gm.Evidence, gm.Actions} {
				for _, c := range cs {
					e.Points = append(e.Points, c.Text.In(g.Lang))
				}
			}
			for _, x := range gm.Benchmarks {
				e.Figures = append(e.Figures, prompts.Figure{ID: x.ID, Label: x.Label.In(g.Lang), Text: x.Text})
			}
			if len(gm.Reasons) > 0 {
				e.Reasons = []string{strings.TrimPrefix(r.Why, wordsFor(g.Lang).fromFacts)}
			}
			if gm.Check != nil {
				e.Check = gm.Check.Text.In(g.Lang)
			}
		}
		d.Entries = append(d.Entries, e)
	}
	d.Direct = g.DirectText
	if s := g.Situation; s != nil {
		for _, f := range s.Facts {
			d.Situation = append(d.Situation, factText(f, g.Lang))
		}
		for _, c := range s.Comparisons {
			d.Situation = append(d.Situation, c.Text.In(g.Lang))
		}
	}
	for _, t := range history {
		d.History = append(d.History, prompts.Turn{FromBot: t.FromBot, Text: t.Text})
	}
	return d
}

// directText is g's direct answer alone, without its label.
func directText(g Grounding) string {
	if len(g.Modes) == 0 {
		return ""
	}
	var b strings.Builder
	writeDirect(&b, g, newShown(g.Said))
	return strings.TrimSpace(strings.TrimPrefix(b.String(), wordsFor(g.Lang).direct))
}

// messages renders the system and user messages for d.
func messages(t *prompts.Templates, d prompts.AskData) ([]llm.Message, error) {
	sys, err := t.System(d)
	if err != nil {
		return nil, err
	}
	user, err := t.Ask(d)
	if err != nil {
		return nil, err
	}
	return []llm.Message{{Role: llm.RoleSystem, Content: sys}, {Role: llm.RoleUser, Content: user}}, nil
}

// groundsOf returns what the checks compare a reply with: the entries in
// d, with everything each says (in both languages where the knowledge
// has them), and the founder's words.
func groundsOf(g Grounding, d prompts.AskData) *grounds {
	gr := &grounds{lang: g.Lang, allowed: map[string]bool{}, corpus: map[string]string{}}
	for i, e := range d.Entries {
		gr.ids = append(gr.ids, e.ID)
		gr.allowed[e.ID] = true
		var b strings.Builder
		for _, s := range append(append([]string{e.Title, e.Summary}, e.Points...), e.Quotes...) {
			b.WriteString(s)
			b.WriteByte('\n')
		}
		for _, f := range e.Figures {
			b.WriteString(f.Text + "\n" + f.Label + "\n")
		}
		if i < len(g.Modes) {
			for _, x := range g.Modes[i].Benchmarks {
				b.WriteString(x.Citation.Quote + "\n" + x.Label.ZH + "\n" + x.Label.EN + "\n")
			}
		}
		gr.corpus[e.ID] = b.String()
	}
	var u strings.Builder
	u.WriteString(g.Question)
	// The founder's facts and what was computed from them are theirs: a
	// model may repeat those figures.
	for _, s := range d.Situation {
		u.WriteString("\n" + s)
	}
	if g.Situation != nil {
		for _, f := range g.Situation.Computed() {
			u.WriteString("\n" + f)
		}
	}
	for _, e := range d.Entries {
		for _, r := range e.Reasons {
			u.WriteString("\n" + r)
		}
	}
	if d.Direct != "" {
		u.WriteString("\n" + d.Direct)
	}
	for _, t := range d.History {
		u.WriteString("\n" + t.Text)
	}
	gr.user = u.String()
	return gr
}
