package knowledge

import (
	"slices"
	"strings"
)

// matchConcepts finds the lexicon's surface forms in the question's units:
// each concept's mode and benchmark weights go into s.mode and s.bench
// (once per concept), its span into s.spans (for "why") and into the gate
// (what kind of word it was, and where), and every match's edges into
// s.marks (so bigrams across a word's edge count less in the sentence index).
func (ix *Index) matchConcepts(s *scratch, q string) {
	s.marks = slices.Grow(s.marks[:0], len(s.units)+1)[:len(s.units)+1]
	clear(s.marks)
	g := &s.g
	hit := func(c int32, from, to int32, weakForm bool) {
		cc := &ix.lex.concepts[c]
		seen := slices.Contains(s.matched, c)
		s.marks[from] |= markEdge
		s.marks[to] |= markEdge
		for i := from; i < to; i++ {
			s.marks[i] |= markIn
			if i+1 < to {
				s.marks[i] |= markJoined
			}
		}
		if cc.risk && !weakForm {
			g.add(&g.risk, from, to)
		}
		switch {
		case cc.kind == kindOut:
			g.add(&g.out, from, to)
			return
		case cc.kind == kindAI:
			g.add(&g.ai, from, to)
		case cc.kind == kindBusiness:
			g.add(&g.business, from, to)
			if cc.risk {
				g.add(&g.alarm, from, to)
			}
		case cc.kind == kindTrade:
			g.add(&g.trade, from, to)
		case weakForm:
			if c < ix.nLex && !seen {
				g.add(&g.weak, from, to)
				g.weakC[g.weak.n-1] = c
			}
			if ix.cases[0] <= c && c < ix.cases[1] {
				g.add(&g.named, from, to)
			}
		default:
			g.domain = true
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
	try := func(i int, cands []int32) {
		for _, si := range cands {
			if end := matchLoose(us, i, ix.lex.surfaces[si].keys); end > 0 {
				sf := &ix.lex.surfaces[si]
				hit(sf.concept, int32(i), int32(end), sf.weak)
			}
		}
	}
	for i := range us {
		try(i, ix.first1[us[i].key])
		if i+1 < len(us) && adjacent(us[i], us[i+1]) {
			try(i, ix.first2[bigramKey(rune(us[i].key&^keyHan), rune(us[i+1].key&^keyHan))])
		}
		if ix.money >= 0 && us[i].num && moneyLike(q, us, i) {
			hit(ix.money, int32(i), int32(i+1), true)
		}
	}
}

// scoreTerms adds the question's terms up over the mode and benchmark
// documents (BM25): s.modeBM, s.strongBM (words and bigrams only) and
// s.benchBM; g.strong is the best strongBM, g.figure whether the question
// quotes one of the article's figures.
func (ix *Index) scoreTerms(s *scratch) {
	us, g := s.units, &s.g
	for _, t := range s.terms {
		if pi, ok := ix.modes.terms[t.key]; ok {
			for _, p := range ix.modes.post[pi] {
				c := t.w * p.w
				s.modeBM[p.doc] += c
				if kind := t.key >> 62; kind == keyWord>>62 || kind == keyBigram>>62 {
					s.strongBM[p.doc] += c
					g.strong = max(g.strong, s.strongBM[p.doc])
				}
				s.spans = append(s.spans, span{target: p.doc, from: t.at, to: t.at + t.n, w: c * modeBM25Weight, concept: -1})
			}
		}
		if pi, ok := ix.benches.terms[t.key]; ok && t.key>>62 != keyHan>>62 {
			// A figure as the article writes it ("1.53", "1287") names
			// its benchmark, and makes the question on-topic.
			if u := us[t.at]; u.num && u.end-u.start >= 3 {
				g.figure = true
			}
			for _, p := range ix.benches.post[pi] {
				if s.bench[p.doc] == 0 && s.benchBM[p.doc] == 0 {
					s.touched = append(s.touched, p.doc)
				}
				s.benchBM[p.doc] += t.w * p.w
			}
		}
	}
}

// maxGap is how many words may interrupt an English phrase of the lexicon:
// "nobody has ever heard of us" is "nobody has heard", "give all our
// weights away" is "give away".
const maxGap = 1

// matchLoose is matchAt, letting up to maxGap words sit between two words of
// a phrase of words; it returns the end of the match, or 0.
func matchLoose(us []unit, i int, keys []uint64) int {
	if matchAt(us, i, keys) {
		return i + len(keys)
	}
	if len(keys) < 2 || us[i].han {
		return 0
	}
	j := i
	for k, key := range keys {
		if k == 0 {
			if us[j].key != key {
				return 0
			}
			j++
			continue
		}
		gap := 0
		for j < len(us) && us[j].key != key && !us[j].han && gap < maxGap {
			j++
			gap++
		}
		if j >= len(us) || us[j].key != key || us[j].han {
			return 0
		}
		j++
	}
	return j
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
