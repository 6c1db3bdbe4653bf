package advisor

import (
	"context"
	"strings"

	"github.com/premortem/premortem/llm"
	"github.com/premortem/premortem/prompts"
)

// Narrate has a model backend write an assessment narrative from d (the
// prompts "report" template), through the same chain, retries and checks as
// Ask: it may cite only the modes in d.Scores, and figures must come from
// the reasons. model names the backend ("" for the default). When the
// chain ends at builtin (the default is builtin, or every model failed)
// it returns "" with Model.Backend "builtin": the caller then shows its
// own deterministic report text. onDelta follows Request.OnDelta's
// semantics.
func (a *Advisor) Narrate(ctx context.Context, model string, d prompts.ReportData, onDelta func(string)) (string, ModelInfo, Checks, error) {
	bs := a.backends
	first := model
	if first == "" {
		first = bs.Default()
	}
	if err := bs.known(first); err != nil {
		return "", ModelInfo{}, Checks{}, err
	}
	builtin := ModelInfo{Backend: Builtin, Name: Builtin}
	if first == Builtin || bs.prompts == nil || len(d.Scores) == 0 {
		return "", builtin, Checks{}, nil
	}
	sys, err := bs.prompts.System(prompts.AskData{Lang: d.Lang})
	if err != nil {
		return "", ModelInfo{}, Checks{}, err
	}
	user, err := bs.prompts.Report(d)
	if err != nil {
		return "", ModelInfo{}, Checks{}, err
	}
	gr := &grounds{lang: d.Lang, allowed: map[string]bool{}, corpus: map[string]string{}}
	for _, s := range d.Scores {
		gr.ids = append(gr.ids, s.ID)
		gr.allowed[s.ID] = true
		gr.corpus[s.ID] = s.Title + "\n" + strings.Join(s.Reasons, "\n")
	}
	msgs := []llm.Message{{Role: llm.RoleSystem, Content: sys}, {Role: llm.RoleUser, Content: user}}
	emit := newEmitter(onDelta)
	out, err := a.run(ctx, first, msgs, gr, emit, nil)
	if err != nil {
		return "", ModelInfo{}, Checks{}, err
	}
	if out.backend == Builtin {
		builtin.FallbackFrom = first
		return "", builtin, Checks{}, nil
	}
	emit.final(out.text)
	return out.text, out.model, out.checks, nil
}
