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
	// Enough is false when too few answers were given to score: Overall is
	// then no verdict, and Missing says what to answer first.
	Enough  bool     `json:"enough"`
	Missing []string `json:"missing"`
	// Explain lists the risks every rendering explains with reasons and a
	// first action (level medium or above), highest first.
	Explain []string `json:"explain"`
	// InFavour is what works in the founder's favour, apart from the risks.
	InFavour []Point `json:"in_favour"`
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
	Scored     bool                 `json:"scored"` // false: no answer informed it yet
	Reasons    []string             `json:"reasons"`
	Benchmarks []BenchmarkRef       `json:"benchmarks"`
	Citations  []knowledge.Citation `json:"citations"`
	Actions    []string             `json:"actions"`
	Unanswered []string             `json:"unanswered,omitempty"`
}

// Point is one fact in the founder's favour, with the mode it concerns.
type Point struct {
	ID        string               `json:"id"`
	Text      string               `json:"text"`
	Citations []knowledge.Citation `json:"citations"`
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
	lang = normLang(lang)
	r := Report{Lang: lang, Risks: []Risk{}, Overall: Overall{Score: a.Overall, Level: Level(a.Overall)},
		Enough: a.Enough, Missing: append([]string{}, a.Missing...), Explain: []string{}, InFavour: []Point{}}
	for _, m := range a.Modes {
		risk := Risk{
			ID: m.ID, Title: m.Title.In(lang), Score: m.Score, Level: m.Level, Confidence: m.Confidence, Scored: m.Scored,
			Reasons: []string{}, Benchmarks: []BenchmarkRef{}, Citations: []knowledge.Citation{}, Actions: []string{},
			Unanswered: m.Unanswered,
		}
		seenB := map[string]bool{}
		seenC := map[knowledge.Citation]bool{}
		for _, rs := range m.Risks {
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
	for _, m := range a.Explained() {
		r.Explain = append(r.Explain, m.ID)
	}
	for _, f := range a.Favours() {
		cs := append([]knowledge.Citation{}, f.Reason.Citations...)
		r.InFavour = append(r.InFavour, Point{ID: f.Mode, Text: f.Reason.Text.In(lang), Citations: cs})
	}
	r.Summary = a.summary(lang)
	return r
}

func normLang(lang string) string {
	if lang != "en" {
		return "zh"
	}
	return lang
}

var levelZH = map[string]string{"low": "低", "medium": "中", "high": "高", "critical": "极高"}

// LevelName is a level in lang.
func LevelName(level, lang string) string {
	if lang == "zh" {
		return levelZH[level]
	}
	return level
}

// Verdict is the headline: the overall level and score, or that there are
// not yet enough answers to give one.
func (a *Assessment) Verdict(lang string) string {
	if !a.Enough {
		return pickLang(lang, "回答太少,还不能评分", "Not enough answers to score yet")
	}
	if lang == "zh" {
		return fmt.Sprintf("总体风险%s(%d/100)", LevelName(Level(a.Overall), "zh"), a.Overall)
	}
	return fmt.Sprintf("Overall risk %s (%d/100)", Level(a.Overall), a.Overall)
}

// summary is the verdict and its detail in one line.
func (a *Assessment) summary(lang string) string { return a.headline(lang, "") }

// headline is the summary with the verdict wrapped in mark (Markdown's
// "**" for bold).
func (a *Assessment) headline(lang, mark string) string {
	v, d := mark+a.Verdict(lang)+mark, a.detail(lang)
	switch {
	case d == "":
		return v + pickLang(lang, "。", ".")
	case !a.Enough:
		return v + pickLang(lang, ":", ": ") + d
	}
	return v + pickLang(lang, "。", ". ") + d
}

// detail is what follows the verdict: without enough answers, how few
// fates could be scored and what to answer first; else the fates to
// watch and those with few answers.
func (a *Assessment) detail(lang string) string {
	var parts []string
	if !a.Enough {
		scored := 0
		for _, m := range a.Modes {
			if m.Scored {
				scored++
			}
		}
		parts = append(parts, fmt.Sprintf(pickLang(lang, "七种宿命里只有 %d 种有可依据的回答。", "only %d of the seven fates have an answer to go on."), scored))
		if len(a.Missing) > 0 {
			parts = append(parts, fmt.Sprintf(pickLang(lang, "最值得先回答:%s。", "Answer these first: %s."), fieldList(a.Missing, lang)))
		}
		return strings.Join(parts, pickLang(lang, "", " "))
	}
	var top, unsure []string
	for _, m := range a.Explained() {
		top = append(top, fmt.Sprintf("%s %d", m.ID, m.Score))
	}
	for _, m := range a.Modes {
		if m.Confidence < 0.5 {
			unsure = append(unsure, m.ID)
		}
	}
	sep := reportWords[lang]["sep"]
	if len(top) > 0 {
		parts = append(parts, fmt.Sprintf(pickLang(lang, "需要警惕:%s。", "Watch: %s."), strings.Join(top, sep)))
	}
	if len(unsure) > 0 {
		parts = append(parts, fmt.Sprintf(pickLang(lang, "回答较少、置信度低的维度:%s。", "Low confidence (few answers): %s."), strings.Join(unsure, sep)))
	}
	return strings.Join(parts, pickLang(lang, "", " "))
}

func pickLang(lang, zh, en string) string {
	if lang == "zh" {
		return zh
	}
	return en
}
