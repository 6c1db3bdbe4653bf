package knowledge

import (
	"math"
	"sync"
)

// docIndex is a small inverted index with BM25 weights precomputed per
// posting, so a query only adds numbers up.
type docIndex struct {
	terms map[uint64]int32
	post  [][]posting
	idf   []float32 // per term
}

type posting struct {
	doc int32
	w   float32 // idf * saturated tf, for a query weight of 1
}

// BM25 parameters: the usual k1; a mild length normalisation, because a
// long mode document is long for good reasons (it has more evidence).
const (
	bm25K1 = 1.2
	bm25B  = 0.4
)

// docBuilder accumulates weighted term frequencies per document.
type docBuilder struct {
	v    *vocab
	docs []map[uint64]float32
	lens []float32
	us   []unit
	ts   []wterm
	buf  []byte
}

func newDocBuilder(v *vocab, n int) *docBuilder {
	b := &docBuilder{v: v, docs: make([]map[uint64]float32, n), lens: make([]float32, n)}
	for i := range b.docs {
		b.docs[i] = map[uint64]float32{}
	}
	return b
}

// add analyses text into document d with field weight fw.
func (b *docBuilder) add(d int, fw float32, text string) {
	if text == "" {
		return
	}
	b.us, b.buf = analyze(b.us[:0], b.buf, text, b.v, true)
	b.ts = terms(b.ts[:0], b.us)
	for _, t := range b.ts {
		b.docs[d][t.key] += fw * t.w
		b.lens[d] += fw * t.w
	}
}

// build computes the postings with length normalisation lenB.
func (b *docBuilder) build(lenB float64) docIndex {
	ix := docIndex{terms: map[uint64]int32{}}
	n := float64(len(b.docs))
	var avg float64
	for _, l := range b.lens {
		avg += float64(l)
	}
	if n > 0 {
		avg /= n
	}
	if avg == 0 {
		avg = 1
	}
	for d, tf := range b.docs {
		for k, f := range tf {
			t, ok := ix.terms[k]
			if !ok {
				t = int32(len(ix.post))
				ix.terms[k] = t
				ix.post = append(ix.post, nil)
			}
			norm := bm25K1 * (1 - lenB + lenB*float64(b.lens[d])/avg)
			sat := float64(f) * (bm25K1 + 1) / (float64(f) + norm)
			ix.post[t] = append(ix.post[t], posting{doc: int32(d), w: float32(sat)})
		}
	}
	ix.idf = make([]float32, len(ix.post))
	for t, ps := range ix.post {
		idf := bm25IDF(n, float64(len(ps)))
		ix.idf[t] = float32(idf)
		for i := range ps {
			ps[i].w *= float32(idf)
		}
	}
	return ix
}

// bm25IDF is the idf of a term in df of n documents.
func bm25IDF(n, df float64) float64 { return math.Log(1 + (n-df+0.5)/(df+0.5)) }

// scratch is the per-query working memory, pooled so Search allocates
// little beyond its Result.
type scratch struct {
	units    []unit
	buf      []byte
	terms    []wterm
	found    []found   // surface forms matched, in order
	sents    [][2]int  // the question's sentences (markAsked)
	matched  []int32   // concepts applied, in order
	spans    []span    // why each mode or benchmark scored
	spanBuf  []span    // scratch for sorting spans
	spanPos  []int32   // ... and its bucket positions
	mode     []float32 // concept score per mode
	modeBM   []float32
	strongBM []float32 // BM25 from bigrams and words only
	bench    []float32 // concept score per benchmark
	benchBM  []float32 // BM25 per benchmark, from words and bigrams
	touched  []int32   // benchmarks with a score
	order    []int32

	sent        []float32 // BM25 per sentence of the sentence index
	sentTouched []int32   // sentences with a score
	top         []int32   // per mode, its best sentences (sentTop each, -1 = none)
	sentAdd     []float32 // per mode, what the sentence index adds to its score
	modeOwn     []float32 // per mode, its best sentence's own-word score
	modeOwnAt   []int32   // ... and that sentence
	ss          sentScore
	g           gate
	sentOwn     []float32 // per sentence, the idf of the specific terms it matched outside the lexicon's matches
	sentOwnN    []float32 // how many such terms (a Han character counts 0.3)
	sentCover   []uint64  // per sentence, the question's units (< 64) in bigrams it matched
	marks       []uint8   // per unit (and one past the end): where lexicon matches start, end and join
}

// Unit marks: a lexicon match starts or ends before unit i (markEdge), or
// units i and i+1 lie inside one match (markJoined).
const (
	markEdge uint8 = 1 << iota
	markJoined
	markIn    // unit i is inside a match
	markAsked // unit i is in an asked sentence (see markAsked)
)

// span records that units [from, to) of the question added w to target.
type span struct {
	target   int32 // mode index, or benchmark index + benchBase
	from, to int32
	w        float32
	concept  int32 // -1 for a plain term match
}

const benchBase = 1 << 30

func newScratchPool(modes, benches, sents int) *sync.Pool {
	return &sync.Pool{New: func() any {
		s := &scratch{
			mode:      make([]float32, modes),
			modeBM:    make([]float32, modes),
			strongBM:  make([]float32, modes),
			bench:     make([]float32, benches),
			benchBM:   make([]float32, benches),
			sent:      make([]float32, sents),
			sentOwn:   make([]float32, sents),
			sentOwnN:  make([]float32, sents),
			sentCover: make([]uint64, sents),
			top:       make([]int32, modes*sentTop),
			sentAdd:   make([]float32, modes),
			modeOwn:   make([]float32, modes),
			modeOwnAt: make([]int32, modes),
		}
		for i := range s.top {
			s.top[i] = -1
		}
		return s
	}}
}

func (s *scratch) reset() {
	s.units, s.terms, s.found, s.matched, s.spans, s.order = s.units[:0], s.terms[:0], s.found[:0], s.matched[:0], s.spans[:0], s.order[:0]
	s.g, s.ss = gate{}, sentScore{}
	clear(s.modeOwn)
	clear(s.mode)
	clear(s.modeBM)
	clear(s.strongBM)
	for _, b := range s.touched {
		s.bench[b], s.benchBM[b] = 0, 0
	}
	s.touched = s.touched[:0]
	for _, d := range s.sentTouched {
		s.sent[d], s.sentOwn[d], s.sentOwnN[d], s.sentCover[d] = 0, 0, 0, 0
	}
	s.sentTouched = s.sentTouched[:0]
	for i := range s.top {
		s.top[i] = -1
	}
}
