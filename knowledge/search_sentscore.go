package knowledge

import (
	"cmp"
	"slices"
)

// Sentence scoring per question (the index: search_sentences.go).

// sentTop is how many of a mode's best sentences are kept (Hit.Passages).
const sentTop = 3

const (
	// crossWeight is what a Han bigram across the edge of a lexicon match
	// counts for ("美图做大模型": 图做 and 做大 are not words).
	crossWeight = 0.3
	// specIDF: terms rarer than this are specific (模型, 企业, AI are not).
	specIDF = 2.5
	// The sentence path (sentencePath): the idf one sentence must share
	// with the question in specific words of its own, and how many such
	// words: more than one, since one everyday word (比较, 东西) is not
	// enough, while a bigram and a character of their own are.
	sentOwnMin  = 5.0
	minOwnTerms = 1.3
	// sentPathWeight: what the best sentences add to their modes' scores
	// for a question on-topic through the sentence path alone.
	sentPathWeight = 0.8
)

// sentScore is what the sentence index says about one question.
type sentScore struct {
	own float32 // the best idf one sentence shares with the question in words of its own (with minOwnTerms of them)
}

// scoreSentences adds the question's terms (s.terms, deduplicated) up over
// the sentence index: s.sent (BM25) and s.sentOwn (idf of specific terms
// outside lexicon matches) per sentence, s.top (best first) and s.modeOwn
// per mode.
func (ix *Index) scoreSentences(s *scratch) sentScore {
	sx := &ix.sents
	var r sentScore
	// Bigrams first (their keys sort last), so that a Han character inside
	// a bigram the same sentence matched is not counted again on its own.
	for ti := len(s.terms) - 1; ti >= 0; ti-- {
		t := s.terms[ti]
		pi, ok := sx.docs.terms[t.key]
		if !ok {
			continue
		}
		w := t.w
		if t.n == 2 && s.marks[t.at+1]&markEdge != 0 && s.marks[t.at]&markJoined == 0 {
			w *= crossWeight
		}
		idf := sx.docs.idf[pi]
		own := idf >= specIDF && s.marks[t.at]&markIn == 0 && (t.n == 1 || s.marks[t.at+1]&markIn == 0)
		var bits uint64 // the units of the term, for the first 64 units
		if t.at+t.n <= 64 {
			bits = (1<<t.n - 1) << t.at
		}
		han := t.key>>62 == keyHan>>62
		for _, p := range sx.docs.post[pi] {
			if s.sent[p.doc] == 0 {
				s.sentTouched = append(s.sentTouched, p.doc)
			}
			s.sent[p.doc] += w * p.w
			switch {
			case t.n == 2:
				s.sentCover[p.doc] |= bits
			case han && s.sentCover[p.doc]&bits != 0:
				continue
			}
			if own {
				s.sentOwn[p.doc] += w * idf
				s.sentOwnN[p.doc] += w
			}
		}
	}
	for _, d := range s.sentTouched {
		v := s.sent[d]
		if own := s.sentOwn[d]; own > 0 && s.sentOwnN[d] >= minOwnTerms {
			r.own = max(r.own, own)
			for _, m := range sx.sents[d].modes {
				if own > s.modeOwn[m] {
					s.modeOwn[m], s.modeOwnAt[m] = own, d
				}
			}
		}
		for _, m := range sx.sents[d].modes {
			top := s.top[int(m)*sentTop : int(m+1)*sentTop]
			if k := slices.IndexFunc(top, func(t int32) bool { return t < 0 || s.sent[t] < v }); k >= 0 {
				copy(top[k+1:], top[k:])
				top[k] = d
			}
		}
	}
	return r
}

// sentencePath reports whether the sentence index makes the question
// on-topic: beside an everyday word of the domain (an AI, business,
// commerce or weak lexicon word), one sentence shares enough specific words
// with the question outside the lexicon's matches (so that no word counts
// twice). Never alone: the article's everyday phrases ("提高工作效率") are
// not its subject.
func (ix *Index) sentencePath(s *scratch) bool {
	return s.g.cue() && s.ss.own >= sentOwnMin
}

// sentRank says what the sentence index adds to each mode's score. A
// question on-topic through the sentence path alone is ranked by the
// sentences it matched in words of its own (the lexicon has little to say).
// Other questions get nothing: on the development set, sentence scores
// added to the lexicon's, absolute or relative, for every question or for
// those with generic words only, cost recall@1 (the lexicon is calibrated
// there, and the sentences re-slice the same text the mode documents hold).
func (ix *Index) sentRank(s *scratch, sentOnly bool) {
	clear(s.sentAdd)
	if !sentOnly {
		return
	}
	for m, v := range s.modeOwn {
		if v == 0 {
			continue
		}
		s.sentAdd[m] = sentPathWeight * v / s.ss.own
		// The words the sentence shares explain the mode ("why").
		d := s.modeOwnAt[m]
		for _, t := range s.terms {
			pi, ok := ix.sents.docs.terms[t.key]
			if !ok || t.n == 1 && t.key>>62 == keyHan>>62 || s.marks[t.at]&markIn != 0 || t.n == 2 && s.marks[t.at+1]&markIn != 0 {
				continue
			}
			ps := ix.sents.docs.post[pi]
			if _, found := slices.BinarySearchFunc(ps, d, func(p posting, d int32) int { return cmp.Compare(p.doc, d) }); found {
				s.spans = append(s.spans, span{target: int32(m), from: t.at, to: t.at + t.n, w: t.w * ix.sents.docs.idf[pi] / s.ss.own, concept: -1})
			}
		}
	}
}

// passages appends mode m's best sentences for the question to dst.
func (ix *Index) passages(dst []Passage, s *scratch, m int32) []Passage {
	for _, d := range s.top[int(m)*sentTop : int(m+1)*sentTop] {
		if d < 0 {
			break
		}
		st := &ix.sents.sents[d]
		dst = append(dst, Passage{Citation: st.cite, Text: st.text, Field: st.field, Claim: st.claim, Score: float64(s.sent[d])})
	}
	return dst
}
