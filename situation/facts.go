package situation

import (
	"cmp"
	"errors"

	"github.com/premortem/premortem/assess"
)

// priceCeiling: an amount per month or year with no word saying what it is
// reads as a price below this ("每月 30 块", "$20/month"), else it is unclear.
const priceCeiling = 1e4

// record turns a number whose meaning is settled into a fact, or a note
// when it cannot be read.
func (rd *reading) record(t token, s *slot) {
	switch {
	case s.field == FieldRunway:
		m, err := assess.ParseMonths(t.dur())
		if err != nil {
			rd.invalid(t, err)
			return
		}
		rd.add(cand{fact: Fact{Field: FieldRunway, Value: m, Unit: "months"}}, s.start, s.end)
	case countField(s.field):
		n, err := assess.ParseCount(t.num())
		if err != nil {
			rd.invalid(t, err)
			return
		}
		unit := s.unit
		if unit == "" {
			unit = "users"
		}
		rd.add(cand{fact: Fact{Field: s.field, Value: n, Unit: unit}}, s.start, s.end)
		if s.field == FieldGPUs {
			access := "own"
			if rd.sentenceFlags(t.start)&fRent != 0 { // "1000 张卡,都是租的"
				access = "rented"
			}
			rd.add(cand{fact: Fact{Field: "gpu_access", Value: access}}, s.start, s.end)
		}
	case s.field != "":
		rd.amount(t, s, s.field, s.cue)
	case s.counts && !t.weak:
		rd.note(unitNote(rd.source(t.start, t.end), false))
	case s.period != "" && t.kind == tokMoney:
		a, err := assess.ParseAmount(t.num())
		if err == nil && a.Value < priceCeiling {
			rd.amount(t, s, FieldMonthlyPrice, &cue{def: periodMonth})
			return
		}
		if err != nil {
			rd.invalid(t, err)
			return
		}
		rd.note(unitNote(rd.source(s.start, s.end), true))
	case t.weak || t.billions:
	default:
		rd.note(unitNote(rd.source(t.start, t.end), t.kind == tokMoney || t.scale != ""))
	}
}

// amount records an amount of money for field, converted to the field's
// period: annual fields per year, the price per month.
func (rd *reading) amount(t token, s *slot, field string, c *cue) {
	a, err := assess.ParseAmount(t.num())
	if err != nil {
		rd.invalid(t, err)
		return
	}
	period := cmp.Or(c.period, s.period, c.def)
	v := a.Value
	switch field {
	case FieldAnnualCost, FieldAnnualRevenue, FieldAnnualLoss:
		switch period {
		case periodMonth:
			v *= 12
		case periodTotal:
			if field == FieldAnnualCost {
				field = FieldSpent
			}
		}
	case FieldMonthlyPrice:
		if period == periodYear {
			v /= 12
		}
	}
	if v > assess.MaxAmount {
		rd.invalid(t, &assess.ParseError{Input: rd.source(t.start, t.end), Kind: assess.ErrTooLarge})
		return
	}
	cur := cmp.Or(t.cur, a.Currency, t.hint)
	rd.add(cand{fact: Fact{Field: field, Value: v}, amount: true, raw: a.Value, period: period, cur: cur, burn: c.burn}, s.start, s.end)
}

// invalid notes a number the parsers refused: negative, too large, or no
// number at all.
func (rd *reading) invalid(t token, err error) {
	in := rd.source(t.start, t.end)
	var pe *assess.ParseError
	if errors.As(err, &pe) && (pe.Kind == assess.ErrNegative || pe.Kind == assess.ErrTooLarge) {
		rd.note(invalidNote(in, pe.Kind == assess.ErrNegative))
		return
	}
	rd.note(unitNote(in, false))
}

// note keeps a note about the question; earlier messages were answered
// already.
func (rd *reading) note(n Note) {
	if rd.question {
		rd.notes = append(rd.notes, n)
	}
}

// monthsOf is a duration token's length in months, 0 when unreadable.
func monthsOf(t token) float64 {
	m, err := assess.ParseMonths(t.dur())
	if err != nil {
		return 0
	}
	return m
}

// unitFor is a fact's Unit for an amount in cur.
func unitFor(field, cur string) string {
	per := ""
	switch field {
	case FieldAnnualCost, FieldAnnualRevenue, FieldAnnualLoss:
		per = "year"
	case FieldMonthlyPrice:
		per = "month"
	}
	switch {
	case cur == "":
		return per
	case per == "":
		return cur
	}
	return cur + "/" + per
}
