package knowledge

import (
	"cmp"
	"math"
	"slices"
	"sync"
)

// Index ranks failure modes and benchmarks for a founder's question. Build
// it once with NewIndex; Search is safe for concurrent use.
//
// A question first passes the on-topic gate (search_gate.go), or cites
// nothing. A mode's score then adds the concept layer (concepts.yaml plus
// concepts made from every case's names and every keyword list, so operator
// packs take part), BM25 over each mode's text (heading, title, summary,
// signals, keywords, evidence) and, for a question only the sentence index
// recognised, its best sentences (search_sentences.go). The sum is squashed
// to 0..1 with 1-exp(-raw/τ), so scores are absolute rather than relative
// to the best mode: a weak best match stays weak. Each mode hit carries its
// best-matching sentences (Hit.Passages).
type Index struct {
	kb       *Base
	voc      *vocab
	lex      lexicon
	modes    docIndex
	benches  docIndex
	sents    sentIndex
	bmodes   [][]int32          // benchmark -> its mode indexes
	money    int32              // the "money-figure" concept, -1 if absent
	prior    int32              // the "general-prior" concept, -1 if absent
	products int32              // the "products" tag concept, -1 if absent
	makers   int32              // the "makers" tag concept, -1 if absent
	nLex     int32              // concepts [0, nLex) come from concepts.yaml
	cases    [2]int32           // concepts [cases[0], cases[1]) are the cases' names
	first1   map[uint64][]int32 // surfaces by first unit key (see indexSurfaces)
	first2   map[uint64][]int32 // surfaces starting with two Han characters, by their bigram key

	claimConcepts map[Text][]string // ConceptsIn for every mode claim
	pool          *sync.Pool
}

// Scoring constants, calibrated on testdata/devset.yaml (never on the
// held-out set).
const (
	modeBM25Weight  = 0.06 // BM25 against concept weights for modes
	benchBM25Weight = 0.25
	squashTau       = 1.2
	minModeRaw      = 0.08 // below this a mode is noise
	benchStrongBM25 = 3.0  // BM25 a benchmark needs without a concept naming it
	strongBM25      = 12.0 // BM25 from words and bigrams that carries a question alone
	aiCueBM25       = 3.0  // ... or beside an AI word ("做AI生成PPT的工具怎么样"): the AI word says domain, the article's words say what about
	benchAffinity   = 0.3  // how much a ranked mode lifts its benchmarks
	maxBenchHits    = 8
	maxTermsPerHit  = 5
)

// Auto-concept weights for knowledge entries.
const (
	caseModeWeight      = 0.3
	caseBenchWeight     = 0.7
	keywordModeWeight   = 0.8
	benchKeywordWeight  = 1.0
	benchKeywordModeWgt = 0.15
)

func squash(raw float32) float64 { return 1 - math.Exp(-float64(raw)/squashTau) }

// Search ranks the modes and benchmarks for q. An off-topic question (see
// search_gate.go: nothing the knowledge covers, or an out-of-scope one such
// as a LoRA setting or a résumé) gets an empty Result.
func (ix *Index) Search(q string) Result {
	s := ix.pool.Get().(*scratch)
	defer ix.pool.Put(s)
	return ix.search(s, q)
}

func (ix *Index) search(s *scratch, q string) Result {
	s.reset()
	s.units, s.buf = analyze(s.units, s.buf, q, ix.voc, false)
	ix.matchConcepts(s, q)
	s.terms = terms(s.terms, s.units)
	slices.SortFunc(s.terms, func(a, b wterm) int { return cmp.Compare(a.key, b.key) })
	s.terms = slices.CompactFunc(s.terms, func(a, b wterm) bool { return a.key == b.key })
	ix.scoreTerms(s)
	s.ss = ix.scoreSentences(s)
	g := &s.g
	if g.named.n > 0 && len(ix.kb.CasesNamed(q)) == 0 {
		g.named.n = 0 // a name that is an everyday word here ("stability", "苹果派")
	}
	lexical := g.lexical(ix.lex.concepts)
	ix.dropDescriptions(s, q)
	g.jargon = jargon(s)
	if g.vetoed(ix.lex.concepts) || !lexical && !ix.sentencePath(s) {
		return Result{}
	}
	// The prior stands in when nothing says which mode; the article's own
	// words, when they match well enough, say it better, unless the question
	// asks about risk or survival in general ("最容易死在哪里"); so does a
	// company the article discusses (its modes say which).
	if !g.domain && !g.figure && g.named.n == 0 && (g.strong < aiCueBM25 || g.business.n > 0) && ix.prior >= 0 {
		for _, t := range ix.lex.concepts[ix.prior].modes {
			s.mode[t.idx] += t.w
		}
	}

	res := Result{Query: q}
	ix.sentRank(s, !lexical)
	for m := range s.mode {
		if raw := s.mode[m] + modeBM25Weight*s.modeBM[m] + s.sentAdd[m]; raw >= minModeRaw {
			s.mode[m] = raw
			s.order = append(s.order, int32(m))
		} else {
			s.mode[m] = 0
		}
	}
	slices.SortStableFunc(s.order, func(a, b int32) int { return cmp.Compare(s.mode[b], s.mode[a]) })
	sortSpans(s)
	res.Modes = make([]Hit, len(s.order))
	ps := make([]Passage, 0, len(s.order)*sentTop)
	for i, m := range s.order {
		start := len(ps)
		ps = ix.passages(ps, s, m)
		res.Modes[i] = Hit{ID: ix.kb.Modes[m].ID, Score: squash(s.mode[m]), Terms: ix.hitTerms(q, s, m), Passages: ps[start:len(ps):len(ps)]}
		if len(ps) == start {
			res.Modes[i].Passages = nil
		}
	}

	s.order = s.order[:0]
	for _, b := range s.touched {
		// A benchmark needs a match of its own: a concept that names it,
		// or words and figures of its own text (not just shared bigrams).
		if s.bench[b] == 0 && s.benchBM[b] < benchStrongBM25 {
			continue
		}
		s.bench[b] += benchBM25Weight * s.benchBM[b]
		var aff float32
		for _, m := range ix.bmodes[b] {
			aff = max(aff, s.mode[m])
		}
		s.bench[b] += benchAffinity * min(aff, 2)
		s.order = append(s.order, b)
	}
	slices.SortStableFunc(s.order, func(a, b int32) int {
		if c := cmp.Compare(s.bench[b], s.bench[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	if len(s.order) > maxBenchHits {
		s.order = s.order[:maxBenchHits]
	}
	res.Benchmarks = make([]Hit, len(s.order))
	for i, b := range s.order {
		res.Benchmarks[i] = Hit{ID: ix.kb.Benchmarks[b].ID, Score: squash(s.bench[b]), Terms: ix.hitTerms(q, s, benchBase+b)}
	}
	return res
}
