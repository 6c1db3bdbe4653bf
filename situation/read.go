package situation

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// reading is one message being read.
type reading struct {
	r        *Reader
	question bool
	t        text
	ms       []match
	cs       []clause
	toks     []token
	cands    []cand
	notes    []Note
	currency string // the first currency written, or suggested by an amount's scale
	chinese  bool   // written mostly in Chinese: bare amounts are yuan
	said     mark   // the markers of the conversation's clauses that state, every message's
}

// cand is a fact read from a message, before conflicts are settled.
type cand struct {
	fact   Fact
	pos    int
	val    float64 // a number in its field's own period (amounts per year for annual_*), Value as written
	amount bool    // an amount of money: Unit waits for its currency
	period string  // the period the amount was written in
	cur    string  // its currency, written or suggested ("" until resolved)
	burn   bool    // a net burn rate
}

// read prepares one message: its words, clauses and numbers. readFacts
// then reads its facts, once every message of the conversation is read so.
func (r *Reader) read(s string, question bool) *reading {
	rd := &reading{r: r, question: question}
	if len(s) > maxText {
		cut := maxText
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
		if question {
			rd.notes = append(rd.notes, truncatedNote(utf8.RuneCountInString(s)))
		}
	}
	rd.t = normalize(s)
	rd.ms = r.lex.scan(rd.t.norm, make([]match, 0, 16))
	rd.unstill()
	rd.cs = splitClauses(rd.t.norm, rd.ms)
	rd.toks = scanNumbers(rd.t.norm, make([]token, 0, 8))
	if len(rd.toks) > maxTokens {
		rd.toks = rd.toks[:maxTokens]
	}
	for _, t := range rd.toks {
		if c := t.cur; c != "" && rd.currency == "" {
			rd.currency = c
		}
	}
	rd.chinese = chinese(rd.t.norm)
	return rd
}

// stated is the union of the markers of the message's clauses that state.
func (rd *reading) stated() mark {
	var f mark
	for _, c := range rd.cs {
		if c.states() {
			f |= c.flags
		}
	}
	return f
}

// readFacts reads the message's facts; said is what the conversation's
// clauses that state hold (stated, of every message), for the choices
// whose evidence may stand anywhere in it.
func (rd *reading) readFacts(said mark) {
	rd.said = said
	rd.readNumbers()
	// A scale suggests a currency only on an amount: "7B" is a model's size.
	for _, c := range rd.cands {
		if rd.currency == "" && c.amount && c.cur != "" {
			rd.currency = c.cur
		}
	}
	rd.readChoices()
	sort.SliceStable(rd.cands, func(i, j int) bool { return rd.cands[i].pos < rd.cands[j].pos })
}

// chinese reports whether s has at least half as many Han characters as
// ASCII letters.
func chinese(s string) bool {
	han, letters := 0, 0
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if isLetter(byte(r)) {
				letters++
			}
		case unicode.Is(unicode.Han, r):
			han++
		}
	}
	return han > 0 && 2*han >= letters
}

// noCue replaces a word that turned out to mean nothing here.
var noCue = &cue{}

// unstill drops 还是 where it means "still" (还是没有付费客户), not "or",
// and case aliases not written exactly as they must be ("meta" in prose).
func (rd *reading) unstill() {
	for i, m := range rd.ms {
		if x := m.cue.exact; x != "" && rd.t.orig[rd.t.off[m.start]:rd.t.off[m.end]] != x {
			rd.ms[i].cue = noCue
			continue
		}
		if m.cue != rd.r.still {
			continue
		}
		for _, w := range stillAfter {
			if strings.HasPrefix(rd.t.norm[m.end:], w) {
				rd.ms[i].cue = noCue
				break
			}
		}
	}
}

func (c clause) foreign() bool { return c.flags&fForeign != 0 }

// states reports whether numbers in the clause are the founder's: not a
// weighing of options, a supposition, talk about the market or about a
// company the article discusses.
func (c clause) states() bool {
	return c.flags&(fDecision|fHypothetical|fWorld) == 0 && !c.foreign()
}

// statesChoice is states for a choice, which a question states only about
// the founder ("我们做文生图的还有机会吗" but not "文生图还有机会吗").
func (c clause) statesChoice() bool {
	return c.states() && (c.flags&fQuestion == 0 || c.flags&fFirstPerson != 0)
}

// matchAt returns the index of the word starting at pos, or -1.
func (rd *reading) matchAt(pos int) int {
	i := sort.Search(len(rd.ms), func(i int) bool { return rd.ms[i].start >= pos })
	if i < len(rd.ms) && rd.ms[i].start == pos {
		return i
	}
	return -1
}

// matchEndingAt returns the index of the word ending at pos, or -1.
func (rd *reading) matchEndingAt(pos int) int {
	i := sort.Search(len(rd.ms), func(i int) bool { return rd.ms[i].end > pos })
	if i > 0 && rd.ms[i-1].end == pos {
		return i - 1
	}
	return -1
}

// clauseAt returns the clause holding pos.
func (rd *reading) clauseAt(pos int) clause { return rd.cs[clauseOf(rd.cs, pos)] }

// sentenceFlags is the union of the flags of the clauses in pos's sentence.
func (rd *reading) sentenceFlags(pos int) mark {
	s := rd.clauseAt(pos).sentence
	var f mark
	for _, c := range rd.cs {
		if c.sentence == s {
			f |= c.flags
		}
	}
	return f
}

// add records a fact read from norm[start:end].
func (rd *reading) add(c cand, start, end int) {
	c.pos = start
	c.fact.Text = rd.t.source(start, end)
	rd.cands = append(rd.cands, c)
}

// source is the founder's text for a span of the normalized message.
func (rd *reading) source(start, end int) string { return rd.t.source(start, end) }
