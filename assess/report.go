package assess

import (
	"fmt"
	"strings"

	"github.com/premortem/premortem/knowledge"
)

// Report is an assessment in one language; its JSON form is the
// `premortem assess --json` contract in PRODUCT.md.
type Report struct {
	Lang    string  `json:"lang"`
	Risks   []Risk  `json:"risks"` // highest score first
	Overall Overall `json:"overall"`
	Summary string  `json:"summary"`
}

// Overall is the company's overall exposure: the mean of its three highest
// mode scores.
type Overall struct {
	Score int    `json:"score"`
	Level string `json:"level"`
}

// Risk is one failure mode's score with its reasons.
type Risk struct {
	ID         string               `json:"id"`
	Title      string               `json:"title"`
	Score      int                  `json:"score"`
	Level      string               `json:"level"`
	Confidence float64              `json:"confidence"`
	Reasons    []string             `json:"reasons"`
	Benchmarks []BenchmarkRef       `json:"benchmarks"`
	Citations  []knowledge.Citation `json:"citations"`
	Actions    []string             `json:"actions"`
	Unanswered []string             `json:"unanswered,omitempty"`
}

// BenchmarkRef is one of the article's figures set against the founder's
// numbers; the shape matches `premortem ask --json`.
type BenchmarkRef struct {
	ID       string             `json:"id"`
	Label    string             `json:"label"`
	Text     string             `json:"text"`
	Value    float64            `json:"value"`
	Unit     string             `json:"unit"`
	Citation knowledge.Citation `json:"citation"`
}

// Report renders a in lang ("zh" or "en").
func (a *Assessment) Report(lang string) Report {
	if lang != "en" {
		lang = "zh"
	}
	r := Report{Lang: lang, Risks: []Risk{}, Overall: Overall{Score: a.Overall, Level: Level(a.Overall)}}
	for _, m := range a.Modes {
		risk := Risk{
			ID: m.ID, Title: m.Title.In(lang), Score: m.Score, Level: m.Level, Confidence: m.Confidence,
			Reasons: []string{}, Benchmarks: []BenchmarkRef{}, Citations: []knowledge.Citation{}, Actions: []string{},
			Unanswered: m.Unanswered,
		}
		seenB := map[string]bool{}
		seenC := map[knowledge.Citation]bool{}
		for _, rs := range m.Reasons {
			risk.Reasons = append(risk.Reasons, rs.Text.In(lang))
			for _, b := range rs.Benchmarks {
				if !seenB[b.ID] {
					seenB[b.ID] = true
					risk.Benchmarks = append(risk.Benchmarks, BenchmarkRef{ID: b.ID, Label: b.Label.In(lang), Text: b.Text, Value: b.Value, Unit: b.Unit, Citation: b.Citation})
				}
			}
			for _, c := range rs.Citations {
				if !seenC[c] {
					seenC[c] = true
					risk.Citations = append(risk.Citations, c)
				}
			}
		}
		for _, act := range m.Actions {
			risk.Actions = append(risk.Actions, act.Text.In(lang))
		}
		r.Risks = append(r.Risks, risk)
	}
	r.Summary = a.summary(lang)
	return r
}

var levelZH = map[string]string{"low": "低", "medium": "中", "high": "高", "critical": "极高"}

// LevelName is a level in lang.
func LevelName(level, lang string) string {
	if lang == "zh" {
		return levelZH[level]
	}
	return level
}

func (a *Assessment) summary(lang string) string {
	var top []string
	for _, m := range a.Top(3) {
		if m.Score == 0 {
			continue
		}
		top = append(top, fmt.Sprintf("%s %d", m.ID, m.Score))
	}
	var unsure []string
	for _, m := range a.Modes {
		if m.Confidence < 0.5 {
			unsure = append(unsure, m.ID)
		}
	}
	var b strings.Builder
	if lang == "zh" {
		fmt.Fprintf(&b, "总体风险%s(%d/100)。", LevelName(Level(a.Overall), "zh"), a.Overall)
		if len(top) > 0 {
			fmt.Fprintf(&b, "最需要警惕:%s。", strings.Join(top, "、"))
		}
		if len(unsure) > 0 {
			fmt.Fprintf(&b, "回答较少、置信度低的维度:%s。", strings.Join(unsure, "、"))
		}
		return b.String()
	}
	fmt.Fprintf(&b, "Overall risk %s (%d/100).", Level(a.Overall), a.Overall)
	if len(top) > 0 {
		fmt.Fprintf(&b, " Watch first: %s.", strings.Join(top, ", "))
	}
	if len(unsure) > 0 {
		fmt.Fprintf(&b, " Low confidence (few answers): %s.", strings.Join(unsure, ", "))
	}
	return b.String()
}
