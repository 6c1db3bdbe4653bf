package advisor

import "github.com/premortem/premortem/knowledge"

// TEMPORARY stubs, replaced by grounding.go, compose.go and lang.go.

// Grounding is everything retrieval found, shaped for writing an answer.
type Grounding struct {
	Question   string
	Lang       string
	Found      knowledge.Result
	Risks      []Risk
	Benchmarks []BenchmarkRef
}

func (a *Advisor) ground(found knowledge.Result, lang string) Grounding {
	return Grounding{Lang: lang, Found: found}
}

// Compose writes the builtin answer text.
func (a *Advisor) Compose(g Grounding) string { return "" }

// DetectLang returns "zh" or "en".
func DetectLang(q string) string { return "zh" }
