package knowledge

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
)

// Index ranks failure modes and benchmarks for a founder's question. Build
// it once with NewIndex; Search is safe for concurrent use.
//
// A mode's score adds two signals: the concept layer (concepts.yaml plus
// concepts made from every case's names and every keyword list, so operator
// packs take part) and BM25 over each mode's text (heading, title, summary,
// signals, keywords, evidence). The sum is squashed to 0..1 with
// 1-exp(-raw/τ), so scores are absolute rather than relative to the best
// mode: a weak best match stays weak.
type Index struct {
	kb      *Base
	voc     *vocab
	lex     lexicon
	modes   docIndex
	benches docIndex
	bmodes  [][]int32 // benchmark -> its mode indexes
	money   int32     // the "money-figure" concept, -1 if absent
	prior   int32     // the "general-prior" concept, -1 if absent
	nLex    int32     // concepts [0, nLex) come from concepts.yaml

	claimConcepts map[Text][]string // ConceptsIn for every mode claim
	pool          *sync.Pool
}

// Scoring constants, calibrated on testdata/devset.yaml (never on the
// held-out set).
const (
	modeBM25Weight  = 0.07 // BM25 against concept weights for modes
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

// Search ranks the modes and benchmarks for q. An off-topic question (no
// domain concept, no strong term match) gets an empty Result.
func (ix *Index) Search(q string) Result {
	s := ix.pool.Get().(*scratch)
	defer ix.pool.Put(s)
	s.reset()
	s.units, s.buf = analyze(s.units, s.buf, q, ix.voc, false)

	// What makes a question on-topic (see onTopic below): the kinds of
	// concept it names, and where, so that one word does not count twice.
	var domain bool
	var g gate
	hit := func(c int32, from, to int32, weakForm bool) {
		cc := &ix.lex.concepts[c]
		seen := slices.Contains(s.matched, c)
		switch {
		case cc.kind == kindAI:
			g.add(&g.ai, from, to)
		case cc.kind == kindBusiness:
			g.add(&g.business, from, to)
		case cc.kind == kindTrade:
			g.add(&g.trade, from, to)
		case weakForm:
			if c < ix.nLex && !seen {
				g.add(&g.weak, from, to)
				g.weakC[g.weak.n-1] = c
			}
		default:
			domain = true
		}
		if seen {
			return
		}
		s.matched = append(s.matched, c)
		for _, t := range cc.modes {
			s.mode[t.idx] += t.w
			s.spans = append(s.spans, span{target: t.idx, from: from, to: to, w: t.w, concept: c})
		}
		for _, t := range cc.benches {
			if s.bench[t.idx] == 0 {
				s.touched = append(s.touched, t.idx)
			}
			s.bench[t.idx] += t.w
			s.spans = append(s.spans, span{target: benchBase + t.idx, from: from, to: to, w: t.w, concept: c})
		}
	}
	us := s.units
	for i := range us {
		for _, si := range ix.lex.first[us[i].key] {
			if sf := &ix.lex.surfaces[si]; matchAt(us, i, sf.keys) {
				hit(sf.concept, int32(i), int32(i+len(sf.keys)), sf.weak)
			}
		}
		if ix.money >= 0 && us[i].num && moneyLike(q, us, i) {
			hit(ix.money, int32(i), int32(i+1), true)
		}
	}

	s.terms = terms(s.terms, us)
	slices.SortFunc(s.terms, func(a, b wterm) int { return cmp.Compare(a.key, b.key) })
	s.terms = slices.CompactFunc(s.terms, func(a, b wterm) bool { return a.key == b.key })
	var strong float32
	figure := false
	for _, t := range s.terms {
		if pi, ok := ix.modes.terms[t.key]; ok {
			for _, p := range ix.modes.post[pi] {
				c := t.w * p.w
				s.modeBM[p.doc] += c
				if kind := t.key >> 62; kind == keyWord>>62 || kind == keyBigram>>62 {
					s.strongBM[p.doc] += c
					strong = max(strong, s.strongBM[p.doc])
				}
				s.spans = append(s.spans, span{target: p.doc, from: t.at, to: t.at + t.n, w: c * modeBM25Weight, concept: -1})
			}
		}
		if pi, ok := ix.benches.terms[t.key]; ok && t.key>>62 != keyHan>>62 {
			// A figure as the article writes it ("1.53", "1287") names
			// its benchmark, and makes the question on-topic.
			if u := us[t.at]; u.num && u.end-u.start >= 3 {
				figure = true
			}
			for _, p := range ix.benches.post[pi] {
				if s.bench[p.doc] == 0 && s.benchBM[p.doc] == 0 {
					s.touched = append(s.touched, p.doc)
				}
				s.benchBM[p.doc] += t.w * p.w
			}
		}
	}
	// On-topic takes one domain concept, or everyday words that add up: an
	// AI word and a business word, an AI word and an everyday commerce word
	// ("customers", "产品": never with a weak word, "苹果的新产品"), a weak
	// lexicon concept beside an AI or business word, or
	// two weak concepts ("autonomous agents for office work"), each from
	// words of their own; or a strong term match, or a moderate one beside
	// an AI word.
	onTopic := domain || figure || strong >= strongBM25 || g.onTopic(ix.lex.concepts) ||
		g.ai.n > 0 && strong >= aiCueBM25
	if !onTopic {
		return Result{}
	}
	// The prior stands in when nothing says which mode; the article's own
	// words, when they match well enough, say it better, unless the question
	// asks about risk or survival in general ("最容易死在哪里").
	if !domain && !figure && (strong < aiCueBM25 || g.business.n > 0) && ix.prior >= 0 {
		for _, t := range ix.lex.concepts[ix.prior].modes {
			s.mode[t.idx] += t.w
		}
	}

	res := Result{Query: q}
	for m := range s.mode {
		if raw := s.mode[m] + modeBM25Weight*s.modeBM[m]; raw >= minModeRaw {
			s.mode[m] = raw
			s.order = append(s.order, int32(m))
		} else {
			s.mode[m] = 0
		}
	}
	slices.SortStableFunc(s.order, func(a, b int32) int { return cmp.Compare(s.mode[b], s.mode[a]) })
	res.Modes = make([]Hit, len(s.order))
	for i, m := range s.order {
		res.Modes[i] = Hit{ID: ix.kb.Modes[m].ID, Score: squash(s.mode[m]), Terms: ix.hitTerms(q, s, m)}
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

// matchAt reports whether keys occur in us from i, Han characters touching.
func matchAt(us []unit, i int, keys []uint64) bool {
	if i+len(keys) > len(us) {
		return false
	}
	for j, k := range keys {
		if us[i+j].key != k {
			return false
		}
		if j > 0 && us[i+j].han && us[i+j-1].han && !adjacent(us[i+j-1], us[i+j]) {
			return false
		}
	}
	return true
}

// moneyLike reports whether the number at us[i] reads as an amount of
// money or a headcount of users: "2M", "$500k", "3000万", "1.5亿".
func moneyLike(q string, us []unit, i int) bool {
	u := us[i]
	w := q[u.start:u.end]
	if last := w[len(w)-1] | 0x20; last == 'k' || last == 'm' || last == 'b' || last == 'w' {
		return true
	}
	if before := q[:u.start]; strings.HasSuffix(before, "$") || strings.HasSuffix(before, "¥") || strings.HasSuffix(before, "￥") {
		return true
	}
	if i+1 < len(us) && us[i+1].han && us[i+1].start-u.end <= 1 {
		switch rune(us[i+1].key &^ keyHan) {
		case '万', '亿', '元', '块', '美':
			return true
		}
	}
	return false
}

// hitTerms lists the question's own words that scored for target, best
// first, without repeats.
func (ix *Index) hitTerms(q string, s *scratch, target int32) []string {
	// Concept matches explain best; plain term matches (which may be odd
	// bigrams such as "端还") only when no concept matched.
	// Generic words ("AI", "公司") only when nothing specific matched.
	domainOf := func(sp span) bool { return sp.concept >= 0 && ix.lex.concepts[sp.concept].kind == kindDomain }
	concepts := slices.ContainsFunc(s.spans, func(sp span) bool { return sp.target == target && sp.concept >= 0 })
	specific := slices.ContainsFunc(s.spans, func(sp span) bool { return sp.target == target && domainOf(sp) })
	var best [maxTermsPerHit]span
	n := 0
	for _, sp := range s.spans {
		if sp.target != target || concepts && sp.concept < 0 || specific && !domainOf(sp) ||
			sp.to-sp.from == 1 && s.units[sp.from].han && sp.concept < 0 {
			continue
		}
		text := q[s.units[sp.from].start:s.units[sp.to-1].end]
		dup := false
		for j := 0; j < n; j++ {
			b := best[j]
			if bt := q[s.units[b.from].start:s.units[b.to-1].end]; bt == text || b.from <= sp.from && sp.to <= b.to {
				if sp.w > b.w && bt == text {
					best[j].w = sp.w
				}
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		if n < maxTermsPerHit {
			best[n] = sp
			n++
		} else if low := slices.IndexFunc(best[:], func(b span) bool { return b.w < sp.w }); low >= 0 {
			best[low] = sp
		}
	}
	slices.SortStableFunc(best[:n], func(a, b span) int { return cmp.Compare(b.w, a.w) })
	out := make([]string, n)
	for j, b := range best[:n] {
		out[j] = q[s.units[b.from].start:s.units[b.to-1].end]
	}
	return out
}

// gate collects the spans of generic and weak concept matches.
type gate struct {
	ai, business, trade, weak spans
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

// onTopic: two weak words count only when their concepts bear on a common
// failure mode ("agents" and "office work" both speak of the use case;
// "apple" and "cost" do not: "how much does an apple cost").
func (g *gate) onTopic(cs []concept) bool {
	if apart(&g.ai, &g.business) || apart(&g.ai, &g.trade) || apart(&g.weak, &g.ai) || apart(&g.weak, &g.business) {
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
