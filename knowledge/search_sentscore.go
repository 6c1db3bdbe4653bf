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
)

// sentScore is what the sentence index says about one question.
type sentScore struct {
	best     float32 // the best sentence's BM25
	spec     float32 // the most specific idf one sentence matched
	specMode int32   // that sentence's first mode, -1 if none
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
	for _, t := range s.terms {
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
		for _, p := range sx.docs.post[pi] {
			if s.sent[p.doc] == 0 {
				s.sentTouched = append(s.sentTouched, p.doc)
			}
			s.sent[p.doc] += w * p.w
			if idf >= specIDF {
				s.sentSpec[p.doc] += w * idf
			}
		}
	}
	for _, d := range s.sentTouched {
		v := s.sent[d]
		r.best = max(r.best, v)
		if s.sentSpec[d] > r.spec {
			r.spec, r.specMode = s.sentSpec[d], sx.sents[d].modes[0]
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

// sentencePath reports whether the sentence index alone makes the question
// on-topic.
func (ix *Index) sentencePath(s *scratch) bool {
	return false
}
