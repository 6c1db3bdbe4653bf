package situation

import "sort"

// pairing is a word that may describe a number: the word's index, the
// number's, the bytes between them, and whether the word comes first.
type pairing struct {
	word, tok, gap int
	before         bool
}

// pair matches words to numbers of the same clause, each word to one number
// and each number to one word. A word may describe the nearest number on
// either side of it. Pairs that leave no choice go first ("burn" at the end
// of "1M ARR 2M burn" can only be 2M's, so ARR is 1M's), then the closest,
// then a word before its number. toks are indices into rd.toks in order;
// ok, when set, refuses pairs (before: the word comes first). The result maps a token index to its word.
func (rd *reading) pair(words []match, toks []int, ok func(c *cue, tok int, before bool) bool) map[int]match {
	var ps []pairing
	for wi, w := range words {
		ci := clauseOf(rd.cs, w.start)
		// The nearest number ending before the word, and starting after it.
		j := sort.Search(len(toks), func(j int) bool { return rd.toks[toks[j]].start >= w.end })
		if j > 0 {
			t := rd.toks[toks[j-1]]
			if t.end <= w.start && clauseOf(rd.cs, t.start) == ci && w.start-t.end <= maxGap {
				ps = append(ps, pairing{word: wi, tok: toks[j-1], gap: w.start - t.end})
			}
		}
		if j < len(toks) {
			t := rd.toks[toks[j]]
			if clauseOf(rd.cs, t.start) == ci && t.start-w.end <= maxGap {
				ps = append(ps, pairing{word: wi, tok: toks[j], gap: t.start - w.end, before: true})
			}
		}
	}
	if ok != nil {
		kept := ps[:0]
		for _, p := range ps {
			if ok(words[p.word].cue, p.tok, p.before) {
				kept = append(kept, p)
			}
		}
		ps = kept
	}
	out := map[int]match{}
	usedW := make([]bool, len(words))
	usedT := make([]bool, len(rd.toks))
	nW := make([]int, len(words))
	nT := make([]int, len(rd.toks))
	for {
		clear(nW)
		clear(nT)
		for _, p := range ps {
			if !usedW[p.word] && !usedT[p.tok] {
				nW[p.word]++
				nT[p.tok]++
			}
		}
		best, bestForced := -1, false
		for i, p := range ps {
			if usedW[p.word] || usedT[p.tok] {
				continue
			}
			forced := nW[p.word] == 1 || nT[p.tok] == 1
			if best < 0 || better(p, forced, ps[best], bestForced) {
				best, bestForced = i, forced
			}
		}
		if best < 0 {
			return out
		}
		p := ps[best]
		usedW[p.word], usedT[p.tok] = true, true
		out[p.tok] = words[p.word]
	}
}

func better(p pairing, pf bool, q pairing, qf bool) bool {
	if pf != qf {
		return pf
	}
	if p.gap != q.gap {
		return p.gap < q.gap
	}
	return p.before && !q.before
}
