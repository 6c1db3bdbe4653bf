package situation

import "slices"

// negationReach is how far (bytes) before a word a negation still applies
// to it: "没有母公司", "don't have a parent company".
const negationReach = 12

// choice is a profile choice or mark read from one word.
type choice struct {
	field, value string
	start, end   int
	clause       int
}

// readChoices reads the profile choices and flags the message states:
// words of choiceCues in clauses that state facts, turned around by a
// negation just before them, and dropped where one clause names two
// values of one field ("开源先行然后再闭源收费" states neither).
func (rd *reading) readChoices() {
	var got []choice
	for mi, m := range rd.ms {
		if len(m.cue.sets) == 0 {
			continue
		}
		ci := clauseOf(rd.cs, m.start)
		c := rd.cs[ci]
		for _, set := range m.cue.sets {
			start, end := m.start, m.end
			if set.sentence {
				sf := rd.sentenceFlags(m.start)
				if c.foreign() || sf&(fDecision|fHypothetical) != 0 || sf&set.needs == 0 {
					continue
				}
			} else {
				if !c.statesChoice() || c.flags&set.needs != set.needs {
					continue
				}
				if set.needs != 0 {
					start, end = rd.widenTo(ci, set.needs, start, end)
				}
			}
			value := set.value
			if ns, ok := rd.negatedAt(mi); ok {
				if set.negated == "" {
					continue
				}
				value, start = set.negated, min(start, ns)
			}
			got = append(got, choice{field: set.field, value: value, start: start, end: end, clause: ci})
		}
	}
	for i, g := range got {
		if g.field == "" {
			continue
		}
		both := false
		for j := i + 1; j < len(got); j++ {
			h := got[j]
			if h.clause != g.clause || h.field != g.field || h.value == g.value {
				continue
			}
			if g.field == "customers" && h.value != "both" && g.value != "both" {
				both = true
				g.end = max(g.end, h.end)
			} else {
				g.field = ""
			}
			got[j].field = ""
		}
		if both && g.field != "" {
			g.value = "both"
		}
		if g.field != "" {
			f := Fact{Field: g.field, Value: typed(g.field, g.value)}
			if g.field == FieldPayingUsers {
				f.Unit = "users"
			}
			rd.add(cand{fact: f, amount: g.field == FieldAnnualRevenue, period: periodYear}, g.start, g.end)
		}
	}
}

// widenTo extends a span over the words of clause ci that carry f, so a
// fact quotes "behind on our AWS bill", not "behind on".
func (rd *reading) widenTo(ci int, f mark, start, end int) (int, int) {
	for _, m := range rd.ms {
		if m.cue.flags&f != 0 && clauseOf(rd.cs, m.start) == ci {
			start, end = min(start, m.start), max(end, m.end)
		}
	}
	return start, end
}

// negatedAt reports whether a negation stands just before word mi in its
// clause, and where it starts.
func (rd *reading) negatedAt(mi int) (int, bool) {
	m := rd.ms[mi]
	ci := clauseOf(rd.cs, m.start)
	for k := mi - 1; k >= 0 && k >= mi-3; k-- {
		p := rd.ms[k]
		if clauseOf(rd.cs, p.start) != ci || m.start-p.end > negationReach {
			break
		}
		if p.cue.flags&fNegation != 0 {
			return p.start, true
		}
		if len(p.cue.sets) > 0 {
			break
		}
	}
	return 0, false
}

var boolFields = []string{"parent_company", "cloud_bills_overdue", "competes_with_platform_giants"}

// typed is a choice's value as a fact holds it: a bool for flags, a number
// for the "no revenue" and "no paying users" words, else the choice.
func typed(field, value string) any {
	switch {
	case slices.Contains(boolFields, field):
		return value == "true"
	case field == FieldAnnualRevenue || field == FieldPayingUsers:
		return 0.0
	}
	return value
}
