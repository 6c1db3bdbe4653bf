package advisor

import (
	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/situation"
)

// situationView is sit as the answer carries it; without a reader, the
// empty situation's.
func situationView(sit *situation.Situation, lang string) situation.View {
	if sit == nil {
		return situation.Situation{}.View(lang)
	}
	return sit.View(lang)
}

// Answer is the advisor's reply; its JSON form is the `premortem ask --json`
// contract in PRODUCT.md.
type Answer struct {
	Question   string             `json:"question"`
	Lang       string             `json:"lang"` // "zh" or "en"
	Text       string             `json:"answer"`
	Direct     string             `json:"direct,omitempty"` // the direct answer the text opens with, for front ends that lay it out
	Risks      []Risk             `json:"risks"`
	Benchmarks []BenchmarkRef     `json:"benchmarks"`
	Situation  situation.View     `json:"situation"` // the founder's facts and the comparisons computed from them
	Model      ModelInfo          `json:"model"`
	TimingMS   map[string]float64 `json:"timing_ms"`
	Checks     Checks             `json:"checks"`
	Usage      *Usage             `json:"usage,omitempty"` // tokens, when a model server reported them
	// ModelCited lists the IDs a model backend's own text cited, after the
	// checks, first citation first, before any Sources line the advisor
	// adds; empty for the builtin composer. `eval` scores it. TimingMS
	// then also holds "first_token": from asking the backend to its first
	// piece of text.
	ModelCited []string   `json:"model_cited,omitempty"`
	Route      *RouteInfo `json:"route,omitempty"` // what the model-backed router decided, when one was asked
}

// Usage counts the tokens a model backend spent on the answer.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens"`
	CompletionTokens int `json:"completion_tokens"`
}

// Risk is one cited failure mode, most relevant first.
type Risk struct {
	ID        string               `json:"id"`
	Title     string               `json:"title"`
	Score     float64              `json:"score"` // 0..1 relevance to the question
	Why       string               `json:"why"`
	Citations []knowledge.Citation `json:"citations"`         // the evidence first, the section's heading last
	Actions   []string             `json:"actions,omitempty"` // first steps for this founder
	Figure    *BenchmarkRef        `json:"figure,omitempty"`  // the one figure that makes it concrete
}

// BenchmarkRef is one figure shown with an answer.
type BenchmarkRef struct {
	ID       string             `json:"id"`
	Label    string             `json:"label"`
	Text     string             `json:"text"` // as the article writes it
	Value    float64            `json:"value"`
	Unit     string             `json:"unit"`
	Citation knowledge.Citation `json:"citation"`
}

// ModelInfo says who wrote the answer text.
type ModelInfo struct {
	Backend      string `json:"backend"`
	Name         string `json:"name"`
	FallbackFrom string `json:"fallback_from,omitempty"` // the backend first asked, when another answered
}

// Checks reports what the grounding checks did to a model's text.
type Checks struct {
	DroppedCitations []string `json:"dropped_citations,omitempty"` // IDs the model invented
	FlaggedFigures   []string `json:"flagged_figures,omitempty"`   // figures not in the cited entries
}
