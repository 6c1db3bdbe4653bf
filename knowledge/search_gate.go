package knowledge

// The on-topic gate decides whether a question is about what the article
// covers at all; an off-topic question cites nothing.
//
// A question is on-topic through any of these paths:
//   - a domain concept of the lexicon ("烧钱", "to B", "open weights"), or
//     one of the article's figures ("1.53亿");
//   - everyday words that add up, each from words of their own: an AI word
//     and a business-risk word ("AI" and "风险", not "AI" and "startup",
//     which is also "the ML engineer at an AI startup"); an AI word and a commerce word ("customers",
//     "产品"); a company the article discusses beside an AI word ("美图做大模型
//     的思路"); a weak lexicon word beside an AI or business word; two weak
//     words whose concepts share a mode ("agents" and "office work", not
//     "apple" and "cost");
//   - a strong match against the mode documents' words, or a moderate one
//     beside an AI word;
//   - the sentence path: the question matches one of the article's or the
//     claims' sentences well, in words the sentence shares (see below).
//
// Whatever the path, a question that names an out-of-scope concept
// (kind: out in concepts.yaml: AI engineering how-tos, careers, office and
// legal admin) is off-topic unless it also names a business-risk concept
// (risk: true) in words of its own: "What LoRA rank should I use?" and
// "our office lease ends, should we go remote?" cite nothing; "LoRA or
// not, our runway is six months" is about runway.

// gate collects what the question names, and where.
type gate struct {
	domain, figure bool
	strong         float32 // the best word-and-bigram BM25 over mode documents

	ai, business, trade, weak spans
	alarm                     spans    // business words of risk concepts ("风险", "die"; not "startup")
	named                     spans    // names of the article's cases ("美图", "Apple")
	out, risk                 spans    // out-of-scope words; strong forms of risk concepts
	weakC                     [4]int32 // the concept of each weak span
}

// spans holds up to four question spans; more add nothing to the gate.
type spans struct {
	n  int
	at [4][2]int32
}

func (g *gate) add(ss *spans, from, to int32) {
	if ss.n < len(ss.at) {
		ss.at[ss.n] = [2]int32{from, to}
		ss.n++
	}
}

// apart reports whether some span of a and some span of b do not overlap.
func apart(a, b *spans) bool {
	for i := 0; i < a.n; i++ {
		for j := 0; j < b.n; j++ {
			if a.at[i][1] <= b.at[j][0] || b.at[j][1] <= a.at[i][0] {
				return true
			}
		}
	}
	return false
}

// vetoed reports whether an out-of-scope word rules the question out.
func (g *gate) vetoed() bool { return g.out.n > 0 && !apart(&g.risk, &g.out) }

// cue reports whether the question has an everyday word of the domain:
// an AI, business, commerce or weak lexicon word.
func (g *gate) cue() bool { return g.ai.n+g.business.n+g.trade.n+g.weak.n > 0 }

// lexical reports whether the lexicon and the mode documents alone make
// the question on-topic.
func (g *gate) lexical(cs []concept) bool {
	return g.domain || g.figure || g.strong >= strongBM25 || g.ai.n > 0 && g.strong >= aiCueBM25 || g.generic(cs)
}

// generic: everyday words that add up. Two weak words count only when
// their concepts bear on a common failure mode.
func (g *gate) generic(cs []concept) bool {
	if apart(&g.ai, &g.alarm) || apart(&g.ai, &g.trade) || apart(&g.ai, &g.named) || apart(&g.weak, &g.ai) || apart(&g.weak, &g.business) {
		return true
	}
	for i := 0; i < g.weak.n; i++ {
		for j := i + 1; j < g.weak.n; j++ {
			a, b := g.weak.at[i], g.weak.at[j]
			if (a[1] <= b[0] || b[1] <= a[0]) && shareMode(cs[g.weakC[i]], cs[g.weakC[j]]) {
				return true
			}
		}
	}
	return false
}

// shareMode reports whether two concepts point at a common mode.
func shareMode(a, b concept) bool {
	for _, x := range a.modes {
		for _, y := range b.modes {
			if x.idx == y.idx {
				return true
			}
		}
	}
	return false
}
