package knowledge

import "slices"

// matchConcepts finds the lexicon's surface forms in the question's units
// (s.found), then applies them: each concept's mode and benchmark weights
// go into s.mode and s.bench (once per concept), its span into s.spans (for
// "why") and into the gate (what kind of word it was, and where), and every
// match's edges into s.marks (so bigrams across a word's edge count less in
// the sentence index).
//
// Two rules apply first (search_weak.go): a weak form that a longer phrase
// or an everyday word covers counts for the gate only (quiet), and everyday
// words are no search terms; and when the question asks in one sentence and
// gives context in others, the asked sentence is its subject (markAsked).
func (ix *Index) matchConcepts(s *scratch, q string) {
	s.marks = slices.Grow(s.marks[:0], len(s.units)+1)[:len(s.units)+1]
	clear(s.marks)
	s.found = s.found[:0]
	us := s.units
	try := func(i int, cands []int32) {
		for _, si := range cands {
			sf := &ix.lex.surfaces[si]
			if end := matchLoose(us, i, sf.keys, sf.loose); end > 0 {
				typo := slices.ContainsFunc(us[i:end], func(u unit) bool { return u.typo })
				s.found = append(s.found, found{concept: sf.concept, from: int32(i), to: int32(end), weak: sf.weak, typo: typo})
			}
		}
	}
	for i := range us {
		try(i, ix.first1[us[i].key])
		if i+1 < len(us) && adjacent(us[i], us[i+1]) {
			try(i, ix.first2[bigramKey(rune(us[i].key&^keyHan), rune(us[i+1].key&^keyHan))])
		}
		if ix.money >= 0 && us[i].num && moneyLike(q, us, i) {
			s.found = append(s.found, found{concept: ix.money, from: int32(i), to: int32(i + 1), weak: true})
		}
	}
	for k := range s.found {
		f := &s.found[k]
		f.quiet = ix.quiet(s.found, k)
		if ix.lex.concepts[f.concept].kind == kindEveryday {
			for i := f.from; i < f.to; i++ {
				us[i].stop = true // not a search term either
			}
		}
	}
	s.g.context = ix.markAsked(s, q)
	if !s.g.context {
		for k := range s.found {
			ix.hit(s, &s.found[k], 1)
		}
		return
	}
	// The asked sentences first, so that a concept named in both counts
	// at its full weight.
	for _, asked := range []bool{true, false} {
		for k := range s.found {
			f := &s.found[k]
			if s.marks[f.from]&markAsked != 0 != asked {
				continue
			}
			w := float32(1)
			if !asked {
				w = contextWeight
			}
			ix.hit(s, f, w)
		}
	}
}

// hit applies one match, its concept's weights times w.
func (ix *Index) hit(s *scratch, f *found, w float32) {
	c, from, to := f.concept, f.from, f.to
	cc := &ix.lex.concepts[c]
	g := &s.g
	switch {
	case cc.kind == kindEveryday:
		return
	case f.typo && (cc.kind == kindOut || cc.kind == kindAsk || cc.kind == kindTag):
		return // a misread word decides no scope: "leasse" may be "lease" or not
	case cc.kind == kindTag:
		g.tag.add(from, to, c)
		return
	}
	seen := slices.Contains(s.matched, c)
	s.marks[from] |= markEdge
	s.marks[to] |= markEdge
	for i := from; i < to; i++ {
		s.marks[i] |= markIn
		if i+1 < to {
			s.marks[i] |= markJoined
		}
	}
	// What may lift a veto: not a form read through a typo ("gunicorn" is
	// one edit from "unicorn"), nor one that names who (party: investors).
	if !f.typo && !cc.party {
		if cc.risk && !f.weak {
			g.risk.add(from, to, c)
		}
		if cc.money || (cc.risk || cc.kind == kindTrade) && !f.weak || c == ix.money {
			g.topic.add(from, to, c)
		}
	}
	switch {
	case cc.kind == kindOut:
		g.out.add(from, to, c)
		return
	case cc.kind == kindAsk:
		g.ask.add(from, to, c)
		return
	case cc.kind == kindAI:
		g.ai.add(from, to, c)
	case cc.kind == kindBusiness:
		g.business.add(from, to, c)
		if cc.risk {
			g.alarm.add(from, to, c)
		}
	case cc.kind == kindTrade:
		g.trade.add(from, to, c)
	case f.weak:
		if c < ix.nLex && !seen {
			g.weak.add(from, to, c)
		}
		if ix.cases[0] <= c && c < ix.cases[1] {
			g.named.add(from, to, c)
		}
	default:
		g.domain = true
	}
	if seen || f.quiet {
		return
	}
	s.matched = append(s.matched, c)
	for _, t := range cc.modes {
		s.mode[t.idx] += w * t.w
		s.spans = append(s.spans, span{target: t.idx, from: from, to: to, w: w * t.w, concept: c})
	}
	for _, t := range cc.benches {
		if s.bench[t.idx] == 0 {
			s.touched = append(s.touched, t.idx)
		}
		s.bench[t.idx] += w * t.w
		s.spans = append(s.spans, span{target: benchBase + t.idx, from: from, to: to, w: w * t.w, concept: c})
	}
}

// scoreTerms adds the question's terms up over the mode and benchmark
// documents (BM25): s.modeBM, s.strongBM (words and bigrams only) and
// s.benchBM; g.strong is the best strongBM, g.figure whether the question
// quotes one of the article's figures.
func (ix *Index) scoreTerms(s *scratch) {
	us, g := s.units, &s.g
	for _, t := range s.terms {
		// A bare number ranks no mode: it is a figure (benchmarks, below)
		// or a founder's own number, not a word of the mode's text.
		if pi, ok := ix.modes.terms[t.key]; ok && !us[t.at].num {
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
