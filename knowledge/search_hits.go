package knowledge

import (
	"cmp"
	"slices"
)

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
