package knowledge

// Hit is one ranked knowledge entry.
type Hit struct {
	ID    string   // Mode or Benchmark ID
	Score float64  // relevance, comparable within one Result
	Terms []string // the concepts or terms that matched, for "why"
}

// Result is what retrieval found for a question: failure modes and
// benchmarks, most relevant first. Both are empty for an off-topic question.
type Result struct {
	Query      string // the question as searched, for picking the claims that fit it
	Modes      []Hit
	Benchmarks []Hit
}

// OffTopic reports whether retrieval found nothing the knowledge covers.
func (r Result) OffTopic() bool { return len(r.Modes) == 0 }
