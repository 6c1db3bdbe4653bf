package wizard

import (
	"context"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/prompts"
)

// Narrator writes a short narrative of an assessment with the active model,
// through the prompts package's report template and the advisor's fallback
// chain and checks. It returns "" (and no error) when the builtin composer
// is active, so the builtin report stands alone; model names who wrote it.
type Narrator interface {
	Narrate(ctx context.Context, d prompts.ReportData) (text, model string, err error)
}

// narrativeData is what the report template shows: the scored modes,
// highest first, with the reasons they are risks in the founder's
// language (not the facts in the founder's favour, which are no risk).
func narrativeData(a *assess.Assessment, lang string) prompts.ReportData {
	d := prompts.ReportData{Lang: lang}
	for _, m := range a.Modes {
		s := prompts.Score{ID: m.ID, Title: m.Title.In(lang), Score: m.Score}
		for _, r := range m.Risks {
			s.Reasons = append(s.Reasons, r.Text.In(lang))
		}
		d.Scores = append(d.Scores, s)
	}
	return d
}

// ReportWriter writes a report's narrative through a backend, its
// fallback chain and checks (*advisor.Advisor).
type ReportWriter interface {
	Narrate(ctx context.Context, backend string, d prompts.ReportData, onDelta func(string)) (string, advisor.ModelInfo, advisor.Checks, error)
}

// AdvisorNarrator narrates with the advisor's active (default) backend.
type AdvisorNarrator struct {
	Advisor ReportWriter
}

// Narrate implements Narrator; the model string says "backend · model".
func (n AdvisorNarrator) Narrate(ctx context.Context, d prompts.ReportData) (string, string, error) {
	text, info, _, err := n.Advisor.Narrate(ctx, "", d, nil)
	if err != nil || text == "" {
		return "", "", err
	}
	return text, info.Backend + " · " + info.Name, nil
}
