package knowledge

import "slices"

// Sentence scoring per query (see search_sentences.go).

// sentTopWeights: how much a mode's best, second and third sentences count.
var sentTopWeights = [...]float32{1, 0.5, 0.25}

const sentTop = len(sentTopWeights)

const (
	// crossWeight is what a Han bigram straddling the edge of a lexicon
	// match counts for ("美图做大模型": 图做, 做大 are not words).
	crossWeight = 0.3
	// specIDF: terms rarer than this are specific; 模型, 企业, AI are not.
	specIDF = 2.5
	// The sentence path (see sentencePath): the idf a sentence must share
	// with the question in words of its own, beside an everyday word of the
	// domain and alone.
	sentOwnCue     = 5.0
	sentOwnAlone   = 7.5
	sentPathWeight = 0.8 // ... for a question on-topic through the sentence path alone
	sentTieWeight  = 0.5 // ... for one with generic words only
	minOwnTerms    = 1.3 // more than one word: one everyday word (比较, 东西) is not enough; a bigram and a character of their own are
)

// sentScore is what the sentence index says about one question.
type sentScore struct {
	best     float32 // the best sentence's BM25
	spec     float32 // the most specific idf one sentence matched
	specMode int32   // that sentence's first mode, -1 if none
	own      float32 // the same, from words outside lexicon matches, in a sentence with minOwnTerms of them
	bestMode int32   // the mode with the best aggregate, -1 if none
	query    float32 // sum of t.w*idf over the question's terms, unknown terms at idfMax
}

// scoreSentences adds the question's terms (s.terms, deduplicated) up over
// the sentence index: s.sent per sentence, s.top per mode (best first),
// s.modeSent per mode.
func (ix *Index) scoreSentences(s *scratch) sentScore {
	sx := &ix.sents
	r := sentScore{bestMode: -1, specMode: -1}
	for i := range s.units {
		if u := s.units[i]; !u.han && !u.stop && u.key == keyWord {
			r.query += sx.idfMax // a word nothing knows
		}
	}
	// Bigrams first (their keys sort last), so that a Han character
	// inside a bigram the same sentence matched is not counted again as
	// evidence of its own.
	for ti := len(s.terms) - 1; ti >= 0; ti-- {
		t := s.terms[ti]
		w := t.w
		if t.n == 2 && s.marks[t.at+1]&markEdge != 0 && s.marks[t.at]&markJoined == 0 {
			w *= crossWeight
		}
		pi, ok := sx.docs.terms[t.key]
		if !ok {
			r.query += w * sx.idfMax
			continue
		}
		idf := sx.docs.idf[pi]
		r.query += w * idf
		own := idf >= specIDF && s.marks[t.at]&markIn == 0 && (t.n == 1 || s.marks[t.at+1]&markIn == 0)
		var bit uint64
		if t.at < 63 {
			bit = 1 << t.at
			if t.n == 2 {
				bit |= 1 << (t.at + 1)
			}
		}
		han := t.key>>62 == keyHan>>62
		for _, p := range sx.docs.post[pi] {
			if s.sent[p.doc] == 0 {
				s.sentTouched = append(s.sentTouched, p.doc)
			}
			s.sent[p.doc] += w * p.w
			switch {
			case t.n == 2:
				s.sentCover[p.doc] |= bit
			case han && s.sentCover[p.doc]&bit != 0:
				continue
			}
			if idf >= specIDF {
				s.sentSpec[p.doc] += w * idf
			}
			if own {
				s.sentOwn[p.doc] += w * idf
				s.sentOwnN[p.doc] += w
			}
		}
	}
	for _, d := range s.sentTouched {
		v := s.sent[d]
		r.best = max(r.best, v)
		if s.sentSpec[d] > r.spec {
			r.spec, r.specMode = s.sentSpec[d], sx.sents[d].modes[0]
		}
		if own := s.sentOwn[d]; own > 0 && s.sentOwnN[d] >= minOwnTerms {
			r.own = max(r.own, own)
			for _, m := range sx.sents[d].modes {
				s.modeOwn[m] = max(s.modeOwn[m], own)
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
	var bestAgg float32
	for m := range s.modeSent {
		var agg float32
		for k, d := range s.top[m*sentTop : (m+1)*sentTop] {
			if d >= 0 {
				agg += sentTopWeights[k] * s.sent[d]
			}
		}
		s.modeSent[m] = agg
		if agg > bestAgg {
			bestAgg, r.bestMode = agg, int32(m)
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
	return s.g.cue() && s.ss.own >= sentOwnCue
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
	if sentOnly {
		for m, v := range s.modeOwn {
			s.sentAdd[m] = sentPathWeight * v / s.ss.own
		}
	}
}
