package knowledge

// Hit is one ranked knowledge entry.
type Hit struct {
	ID    string   // Mode or Benchmark ID
	Score float64  // relevance, comparable within one Result
	Terms []string // the concepts or terms that matched, for "why"
	// Passages (modes only) are the mode's sentences that match the
	// question best, best first, at most three: sentences of the article
	// (of the mode's section, or quoted by its claims or stance) and of its
	// title, summary, claims and stance, in either language. They let a writer pick the
	// evidence that fits the question rather than the mode's first claim.
	// Empty when no sentence shares a term with the question.
	Passages []Passage
}

// Passage is one sentence of the sentence index that matched a question.
type Passage struct {
	// Citation: for an article sentence, its paragraph and the sentence
	// itself, verbatim (quotable as it is); for a claim, the claim's first
	// citation; for a stance, the stance's first citation; for a title or
	// summary, the mode's heading.
	Citation Citation
	Text     string  // the sentence as written (an article sentence: Citation.Quote)
	Field    string  // "article", "title", "summary", "signal", "evidence", "action" or "stance"
	Claim    *Claim  // the mode's claim the sentence is from; nil for the article, titles, summaries and stances
	Score    float64 // the sentence's BM25 for the question, comparable within one Result
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
