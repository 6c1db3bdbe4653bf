package situation

import (
	"sort"
	"strings"
)

// slot is how one number of a message is being read.
type slot struct {
	field  string // the fact it is, once known
	unit   string // for gpus: the card
	cue    *cue   // the word that said what it is
	period string // the period word next to it
	start  int    // span of the number and the words read with it
	end    int
	done   bool // read, or known to be no figure of the founder's
	counts bool // a counter follows it (个, 张): it counts something
}

func (s *slot) widen(start, end int) {
	s.start, s.end = min(s.start, start), max(s.end, end)
}

// readNumbers decides what each number of the message is, from the words
// around it in its clause, and records the facts.
func (rd *reading) readNumbers() {
	if len(rd.toks) == 0 {
		return
	}
	sl := make([]slot, len(rd.toks))
	for i, t := range rd.toks {
		sl[i].start, sl[i].end = t.start, t.end
	}
	rd.markNonFigures(sl)

	// Durations next to a runway word are runway; a lone "一个月" or "a
	// year" is a period word for an amount.
	var durs []int
	for i, t := range rd.toks {
		if t.kind == tokDuration && !sl[i].done {
			durs = append(durs, i)
		}
	}
	// A Chinese runway word comes before its duration (还能烧一年), unless
	// it names what the duration measures (还有4个月现金); in "一个月烧 200
	// 万" the duration is the amount's period.
	hanFirst := func(c *cue, _ int, before bool) bool { return before || !c.han || c.after }
	for ti, ci := range rd.pair(rd.cueWords(func(c *cue) bool { return c.runway }), durs, hanFirst) {
		sl[ti].field = FieldRunway
		sl[ti].widen(ci.start, ci.end)
	}
	var periodWords []match
	for _, i := range durs {
		if sl[i].field != "" {
			continue
		}
		sl[i].done = true
		switch m := monthsOf(rd.toks[i]); m {
		case 1:
			periodWords = append(periodWords, match{start: rd.toks[i].start, end: rd.toks[i].end, cue: &cue{period: periodMonth}})
		case 12:
			periodWords = append(periodWords, match{start: rd.toks[i].start, end: rd.toks[i].end, cue: &cue{period: periodYear}})
		}
	}

	// Amounts and counts: the field word nearest each, then the period word.
	var open []int
	for i := range rd.toks {
		if !sl[i].done && sl[i].field == "" {
			open = append(open, i)
		}
	}
	fieldWords := rd.cueWords(func(c *cue) bool { return c.field != "" })
	for ti, m := range rd.pair(fieldWords, open, func(c *cue, ti int, _ bool) bool {
		t := rd.toks[ti]
		return !countField(c.field) || t.cur == "" && (c.field != FieldGPUs || t.hint == "")
	}) {
		sl[ti].field, sl[ti].cue = m.cue.field, m.cue
		sl[ti].widen(m.start, m.end)
	}
	var flows []int
	for i := range rd.toks {
		s := &sl[i]
		if !s.done && rd.toks[i].kind != tokDuration && (s.field == "" || flowField(s.field) && s.cue.period == "") {
			flows = append(flows, i)
		}
	}
	periods := append(rd.cueWords(func(c *cue) bool { return c.period != "" && c.field == "" }), periodWords...)
	sort.SliceStable(periods, func(i, j int) bool { return periods[i].start < periods[j].start })
	for ti, m := range rd.pair(periods, flows, nil) {
		sl[ti].period = m.cue.period
		sl[ti].widen(m.start, m.end)
	}
	rd.inheritPeriods(sl)
	for i := range rd.toks {
		if !sl[i].done {
			rd.record(rd.toks[i], &sl[i])
		}
	}
}

// inheritPeriods gives an amount with no period word the period word of the
// amount before it in the same sentence: in "GPU 账单每个月 80 万,收入才 20
// 万" both are monthly. Periods carried by a field word (ARR) do not pass on.
func (rd *reading) inheritPeriods(sl []slot) {
	last, sentence := "", -1
	for i, t := range rd.toks {
		s := &sl[i]
		if s.done || t.kind == tokDuration || !flowField(s.field) && s.field != "" {
			continue
		}
		if c := rd.clauseAt(t.start); c.sentence != sentence {
			last, sentence = "", c.sentence
		}
		switch {
		case s.period != "":
			last = s.period
		case s.cue == nil || s.cue.period == "":
			s.period = last
		}
	}
}

// markNonFigures settles the numbers that are no figure of the founder's
// (in a clause about someone else, a year, a ratio, a rank, a card's model
// number) and those a word right after them counts (2000 个付费用户, 64 张 A800).
func (rd *reading) markNonFigures(sl []slot) {
	for _, m := range rd.ms {
		if m.cue.unit == unitGPU {
			for i, t := range rd.toks {
				if t.start >= m.start && t.start < m.end {
					sl[i].done = true // "4090" in "8 块 4090"
				}
			}
		}
	}
	for i, t := range rd.toks {
		s := &sl[i]
		if s.done {
			continue
		}
		if !rd.clauseAt(t.start).states() || t.kind == tokYear || t.kind == tokRatio || rd.prefixed(t) || rd.planned(t.start) {
			s.done = true
			continue
		}
		if t.kind == tokDuration {
			continue
		}
		mi, counted := rd.unitAfter(t)
		s.counts = counted
		if mi < 0 {
			s.done = t.yearish // "in 2023": a year, unless it counts something
			continue
		}
		m := rd.ms[mi]
		switch m.cue.unit {
		case unitBenign:
			s.done = true
		case unitPeople:
			var from int
			s.field, from = rd.usersBefore(t)
			s.done = s.field == ""
			s.widen(from, m.end)
		case unitPaying, unitUsers, unitCustomers:
			if t.cur == "" {
				s.field = map[string]string{unitPaying: FieldPayingUsers, unitCustomers: FieldPayingUsers, unitUsers: FieldUsers}[m.cue.unit]
				if m.cue.unit == unitCustomers {
					s.unit = unitCustomers
				}
				s.widen(t.start, m.end)
			}
		case unitGPU:
			if t.cur == "" || t.cur == "CNY" && strings.HasSuffix(rd.t.norm[:t.end], "块") {
				s.field, s.unit = FieldGPUs, gpuName(rd.t.norm[m.start:m.end])
				s.widen(t.start, m.end)
			}
		}
	}
}

// unitAfter returns the word right after t, past counters (个, 张, x), when
// it says what t counts, else -1; and whether a counter follows t.
func (rd *reading) unitAfter(t token) (int, bool) {
	k, counted := t.end, false
	for {
		k = space(rd.t.norm, k)
		mi := rd.matchAt(k)
		if mi < 0 {
			return -1, counted
		}
		if c := rd.ms[mi].cue; c.unit != "" {
			return mi, counted
		} else if !c.counter {
			return -1, counted
		}
		counted = true
		k = rd.ms[mi].end
	}
}

// usersBefore is the count field of a word for users right before t
// ("付费用户3000人") and where that word starts, else "".
func (rd *reading) usersBefore(t token) (string, int) {
	p := t.start
	for p > 0 && (rd.t.norm[p-1] == ' ' || rd.t.norm[p-1] == ':') {
		p--
	}
	mi := rd.matchEndingAt(p)
	if mi < 0 || t.cur != "" {
		return "", t.start
	}
	switch c := rd.ms[mi].cue; {
	case c.unit == unitPaying || c.field == FieldPayingUsers:
		return FieldPayingUsers, rd.ms[mi].start
	case c.unit == unitUsers:
		return FieldUsers, rd.ms[mi].start
	}
	return "", t.start
}

// planned reports whether a need or plan word stands before pos in its
// clause ("need about 500 H100s", "打算买 1000 张卡"): what follows is not had.
func (rd *reading) planned(pos int) bool {
	ci := clauseOf(rd.cs, pos)
	if rd.cs[ci].flags&fPlan == 0 {
		return false
	}
	for _, m := range rd.ms {
		if m.start >= pos {
			break
		}
		if m.cue.flags&fPlan != 0 && clauseOf(rd.cs, m.start) == ci {
			return true
		}
	}
	return false
}

// prefixed reports whether a rank or version word stands right before t.
func (rd *reading) prefixed(t token) bool {
	p := t.start
	for p > 0 && (rd.t.norm[p-1] == ' ' || rd.t.norm[p-1] == ':') {
		p--
	}
	mi := rd.matchEndingAt(p)
	return mi >= 0 && rd.ms[mi].cue.prefix
}

// cueWords returns the message's words that keep(cue) and overlap no number.
func (rd *reading) cueWords(keep func(*cue) bool) []match {
	var out []match
	j := 0
	for _, m := range rd.ms {
		if !keep(m.cue) {
			continue
		}
		for j < len(rd.toks) && rd.toks[j].end <= m.start {
			j++
		}
		if j < len(rd.toks) && rd.toks[j].start < m.end {
			continue
		}
		out = append(out, m)
	}
	return out
}

func countField(f string) bool { return f == FieldPayingUsers || f == FieldUsers || f == FieldGPUs }

func flowField(f string) bool {
	return f == FieldAnnualCost || f == FieldAnnualRevenue || f == FieldMonthlyPrice || f == FieldAnnualLoss
}

var genericGPU = []string{"gpu", "gpus", "卡", "显卡", "算力卡", "nvidia", "英伟达"}

func gpuName(w string) string {
	for _, g := range genericGPU {
		if w == g {
			return "GPU"
		}
	}
	return strings.ToUpper(strings.TrimSuffix(w, "s"))
}
