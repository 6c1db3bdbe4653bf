package assess

import (
	"strings"

	"github.com/premortem/premortem/knowledge"
)

// citer resolves a rule's Refs to knowledge entries: benchmarks by ID first,
// then the mode claim, benchmark or case whose quote holds the phrase, and
// last the article paragraph that holds it verbatim.
type citer struct {
	kb *knowledge.Base
}

// resolve returns the citation and, for a benchmark, the benchmark.
func (c citer) resolve(r Ref) (knowledge.Citation, *knowledge.Benchmark, bool) {
	kb := c.kb
	if kb == nil {
		return knowledge.Citation{}, nil, false
	}
	if r.Benchmark != "" {
		if b, ok := kb.Benchmark(r.Benchmark); ok {
			return b.Citation, b, true
		}
	}
	if r.Phrase == "" {
		return knowledge.Citation{}, nil, false
	}
	// A benchmark whose quote holds the phrase is the best entry: it carries the figure.
	if r.Benchmark != "" {
		for i := range kb.Benchmarks {
			b := &kb.Benchmarks[i]
			if overlaps(b.Citation.Quote, r.Phrase) {
				return b.Citation, b, true
			}
		}
	}
	for i := range kb.Modes {
		m := &kb.Modes[i]
		for _, claims := range [][]knowledge.Claim{m.Evidence, m.Signals, m.Actions} {
			for _, cl := range claims {
				for _, ct := range cl.Citations {
					if overlaps(ct.Quote, r.Phrase) {
						return ct, nil, true
					}
				}
			}
		}
	}
	for _, cs := range kb.Cases {
		for _, ct := range cs.Citations {
			if overlaps(ct.Quote, r.Phrase) {
				return ct, nil, true
			}
		}
	}
	for i := range kb.Benchmarks {
		b := &kb.Benchmarks[i]
		if overlaps(b.Citation.Quote, r.Phrase) {
			return b.Citation, nil, true
		}
	}
	return c.fromArticle(r.Phrase)
}

// overlaps reports whether an entry's quote and a rule's phrase are the
// same passage: one holds the other, and neither is trivially short.
func overlaps(quote, phrase string) bool {
	if len(quote) < 9 || len(phrase) < 9 {
		return false
	}
	return strings.Contains(quote, phrase) || strings.Contains(phrase, quote)
}

// fromArticle cites the paragraph holding phrase verbatim, numbered the way
// the knowledge base numbers its own citations.
func (c citer) fromArticle(phrase string) (knowledge.Citation, *knowledge.Benchmark, bool) {
	a := c.kb.Article
	if a == nil {
		return knowledge.Citation{}, nil, false
	}
	base := c.paragraphBase()
	for i, p := range a.Paragraphs {
		if strings.Contains(p, phrase) {
			return knowledge.Citation{Paragraph: i + base, Quote: phrase}, nil, true
		}
	}
	return knowledge.Citation{}, nil, false
}

// paragraphBase learns from the knowledge base's own mode headings whether
// paragraphs count from 0 or 1 (1 when there is nothing to learn from).
func (c citer) paragraphBase() int {
	ps := c.kb.Article.Paragraphs
	for _, m := range c.kb.Modes {
		n, q := m.Heading.Paragraph, m.Heading.Quote
		if q == "" {
			continue
		}
		if n >= 0 && n < len(ps) && strings.Contains(ps[n], q) {
			return 0
		}
		if n >= 1 && n <= len(ps) && strings.Contains(ps[n-1], q) {
			return 1
		}
	}
	return 1
}
