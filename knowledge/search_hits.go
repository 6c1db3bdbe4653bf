package knowledge

import (
	"cmp"
	"slices"
)

// hitTerms lists the question's own words that scored for target, best
// first, without repeats.
// s.spans must be sorted by target (see sortSpans).
func (ix *Index) hitTerms(q string, s *scratch, target int32) []string {
	lo, _ := slices.BinarySearchFunc(s.spans, target, func(sp span, t int32) int { return cmp.Compare(sp.target, t) })
	hi := lo
	for hi < len(s.spans) && s.spans[hi].target == target {
		hi++
	}
	spans := s.spans[lo:hi]
	// Concept matches explain best; plain term matches (which may be odd
	// bigrams such as "端还") only when no concept matched.
	// Generic words ("AI", "公司") only when nothing specific matched.
	domainOf := func(sp span) bool { return sp.concept >= 0 && ix.lex.concepts[sp.concept].kind == kindDomain }
	concepts := slices.ContainsFunc(spans, func(sp span) bool { return sp.concept >= 0 })
	specific := slices.ContainsFunc(spans, domainOf)
	var best [maxTermsPerHit]span
	n := 0
	for _, sp := range spans {
		if concepts && sp.concept < 0 || specific && !domainOf(sp) ||
			sp.to-sp.from == 1 && s.units[sp.from].han && sp.concept < 0 {
			continue
		}
		text := s.text(q, sp)
		dup := false
		for j := 0; j < n; j++ {
			b := best[j]
			if bt := s.text(q, b); bt == text || b.from <= sp.from && sp.to <= b.to {
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
		out[j] = s.text(q, b)
	}
	return out
}

// text is the question's words under span sp, as written.
func (s *scratch) text(q string, sp span) string {
	return q[s.units[sp.from].start:s.units[sp.to-1].end]
}

// sortSpans orders s.spans by target, keeping their order within a target,
// so that hitTerms finds a target's spans without scanning them all: a
// counting sort over the modes, then a stable sort of the few benchmark
// spans (concept matches only) after them.
func sortSpans(s *scratch) {
	nm := len(s.mode)
	pos := slices.Grow(s.spanPos[:0], nm+1)[:nm+1]
	clear(pos)
	for _, sp := range s.spans {
		if sp.target < benchBase {
			pos[sp.target+1]++
		}
	}
	for m := 1; m <= nm; m++ {
		pos[m] += pos[m-1]
	}
	benchAt := int(pos[nm])
	buf := slices.Grow(s.spanBuf[:0], len(s.spans))[:len(s.spans)]
	k := benchAt
	for _, sp := range s.spans {
		if sp.target < benchBase {
			buf[pos[sp.target]] = sp
			pos[sp.target]++
		} else {
			buf[k] = sp
			k++
		}
	}
	slices.SortStableFunc(buf[benchAt:], func(a, b span) int { return cmp.Compare(a.target, b.target) })
	s.spans, s.spanBuf, s.spanPos = buf, s.spans, pos
}
