package situation

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// negationReach is how far (bytes) before a word a negation still applies
// to it: "没有母公司", "don't have a parent company".
const negationReach = 12

// choice is a profile choice or mark read from one word. A named choice
// lacks the evidence its cue needs ("开源" with nothing said of being paid):
// it sets nothing, yet still names its value in its clause.
type choice struct {
	field, value string
	start, end   int
	clause       int
	word         int // index of the word in the message's matches
	named        bool
}

// readChoices reads the profile choices and flags the message states:
// words of choiceCues in clauses that state facts, turned around by a
// negation just before them, and dropped where one clause names two
// values of one field ("开源先行然后再闭源收费" states neither).
func (rd *reading) readChoices() {
	var got []choice
	named := false
	for mi, m := range rd.ms {
		if len(m.cue.sets) == 0 {
			continue
		}
		ci := clauseOf(rd.cs, m.start)
		c := rd.cs[ci]
		for _, set := range m.cue.sets {
			start, end := m.start, m.end
			named = false
			if set.sentence {
				sf := rd.sentenceFlags(m.start)
				if c.foreign() || sf&(fDecision|fHypothetical) != 0 || sf&set.needs == 0 {
					continue
				}
				start = rd.reachBack(mi, set.needs)
			} else if set.anywhere {
				if !c.statesChoice() {
					continue
				}
				if named = rd.said&set.needs == 0; !named {
					start, end = rd.beside(mi, set.needs)
				}
			} else {
				if !c.statesChoice() || c.flags&set.needs != set.needs {
					continue
				}
				if set.needs != 0 {
					start, end = rd.widenTo(ci, set.needs, start, end)
				}
			}
			if set.company && rd.sentenceFlags(m.start)&fWe == 0 ||
				slices.Contains(possessionFields, set.field) && rd.planned(m.start) {
				continue
			}
			if set.near != 0 {
				ns, ne, ok := rd.nearby(mi, set.near)
				if !ok {
					continue
				}
				start, end = min(start, ns), max(end, ne)
			}
			value := set.value
			if ns, ok := rd.negatedAt(mi); ok {
				if set.negated == "" {
					continue
				}
				value, start = set.negated, min(start, ns)
			} else if value == "" {
				continue
			}
			got = append(got, choice{field: set.field, value: value, start: start, end: end, clause: ci, word: mi, named: named})
		}
	}
	rd.addChoices(got)
}

// addChoices adds the choices read as facts. Where one clause names two
// values of one field it states neither, nor anything else the words
// naming them say ("开源先行然后再闭源收费": no open weights either), except
// that consumers and enterprises said apart are "both". A named choice
// adds nothing itself.
func (rd *reading) addChoices(got []choice) {
	var clashed []int // words whose choices clash
	for i := range got {
		g := &got[i]
		if g.field == "" {
			continue
		}
		both := false
		for j := i + 1; j < len(got); j++ {
			h := &got[j]
			if h.clause != g.clause || h.field != g.field || h.value == g.value {
				continue
			}
			if g.field == "customers" && h.value != "both" && g.value != "both" {
				both = true
				g.end = max(g.end, h.end)
			} else {
				clashed = append(clashed, g.word, h.word)
				g.field = ""
			}
			h.field = ""
		}
		if both && g.field != "" {
			g.value = "both"
		}
	}
	for _, g := range got {
		if g.field == "" || g.named || slices.Contains(clashed, g.word) {
			continue
		}
		f := Fact{Field: g.field, Value: typed(g.field, g.value)}
		rd.add(cand{fact: f, amount: g.field == FieldAnnualRevenue, period: periodYear}, g.start, g.end)
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

// beside returns the span of word mi, widened over the nearest word
// carrying f in its sentence when no more than maxGap bytes stand between
// them ("开源了权重,但没有付费"); evidence further off is not quoted.
func (rd *reading) beside(mi int, f mark) (int, int) {
	m := rd.ms[mi]
	sentence := rd.clauseAt(m.start).sentence
	start, end, gap := m.start, m.end, maxGap+1
	for _, p := range rd.ms {
		if p.cue.flags&f == 0 || rd.clauseAt(p.start).sentence != sentence || !rd.clauseAt(p.start).states() {
			continue
		}
		if g := max(p.start-m.end, m.start-p.end); g < gap {
			start, end, gap = min(m.start, p.start), max(m.end, p.end), g
		}
	}
	return start, end
}

// nearby returns the span of a word carrying f next to word mi in its
// clause, with at most nearWords words between them ("for logistics
// companies", "客户是律所", "用GPT-4 API").
func (rd *reading) nearby(mi int, f mark) (int, int, bool) {
	m := rd.ms[mi]
	ci := clauseOf(rd.cs, m.start)
	for _, p := range rd.ms {
		if p.cue.flags&f == 0 || clauseOf(rd.cs, p.start) != ci || p.start == m.start {
			continue
		}
		lo, hi := p.end, m.start
		if p.start > m.start {
			lo, hi = m.end, p.start
		}
		if lo <= hi && wordsIn(rd.t.norm[lo:hi]) <= nearWords {
			return p.start, p.end, true
		}
	}
	return 0, 0, false
}

// wordsIn counts the words of s: Han characters, and runs of ASCII letters
// and digits.
func wordsIn(s string) int {
	n, inWord := 0, false
	for _, r := range s {
		alnum := r < utf8.RuneSelf && isAlnum(byte(r))
		switch {
		case alnum && !inWord:
			n++
		case unicode.Is(unicode.Han, r):
			n++
		}
		inWord = alnum
	}
	return n
}

// reachBack returns where a fact read from word mi starts when the words
// carrying f run up to it ("和vivo、OPPO竞争", not "竞争"): each within
// maxGap bytes of the next.
func (rd *reading) reachBack(mi int, f mark) int {
	start, sentence := rd.ms[mi].start, rd.clauseAt(rd.ms[mi].start).sentence
	for k := mi - 1; k >= 0; k-- {
		p := rd.ms[k]
		if start-p.end > maxGap || rd.clauseAt(p.start).sentence != sentence {
			break
		}
		if p.cue.flags&f != 0 {
			start = p.start
		}
	}
	if p := strings.TrimRight(rd.t.norm[:start], " "); start > 0 {
		for _, w := range objectMarks {
			if strings.HasSuffix(p, w) {
				return len(p) - len(w)
			}
		}
	}
	return start
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

// boolFields are flags; raised, annual_loss and paying_users are flags too
// when said in words, with no figure ("lots of funding", "亏损严重", and
// "没人买单": paying_users false, a state and not a count of 0).
var boolFields = []string{"parent_company", "cloud_bills_overdue", "competes_with_platform_giants", FieldOpenWeights, FieldRaised, FieldAnnualLoss, FieldPayingUsers}

// typed is a choice's value as a fact holds it: a bool for flags, a number
// for the "no revenue" words, else the choice.
func typed(field, value string) any {
	switch {
	case slices.Contains(boolFields, field):
		return value == "true"
	case field == FieldAnnualRevenue:
		return 0.0
	}
	return value
}
