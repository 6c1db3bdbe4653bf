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
		rd.add(cand{fact: Fact{Field: FieldRunway, Value: m, Unit: "months"}, val: m}, s.start, s.end)
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
		rd.add(cand{fact: Fact{Field: s.field, Value: n, Unit: unit}, val: n}, s.start, s.end)
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
		rd.unclear(t, rd.source(t.start, t.end), false)
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
		rd.unclear(t, rd.source(t.start, t.end), t.kind == tokMoney || t.scale != "")
	}
}

// unclear notes a number whose meaning is unclear; one out of range is
// said to be so first, whatever its meaning ("999999999999 trillion").
func (rd *reading) unclear(t token, in string, money bool) {
	var err error
	if money {
		_, err = assess.ParseAmount(t.num())
	} else {
		_, err = assess.ParseCount(t.num())
	}
	rd.refused(t, err, in, money)
}

// amount records an amount of money for field as the founder wrote it,
// in its period; val holds it in the field's own period (annual fields per
// year, the price per month, a price per customer per year). A price in a
// clause that says per customer or per contract is a price per customer.
func (rd *reading) amount(t token, s *slot, field string, c *cue) {
	a, err := assess.ParseAmount(t.num())
	if err != nil {
		rd.invalid(t, err)
		return
	}
	if field == FieldMonthlyPrice && rd.clauseAt(t.start).flags&fPerCustomer != 0 {
		field = FieldCustomerPrice
	}
	period := cmp.Or(c.period, s.period)
	if period == "" {
		period = c.def
		if field == FieldCustomerPrice {
			period = periodYear
		}
	}
	if field == FieldAnnualCost && period == periodTotal {
		field = FieldSpent
	}
	v := inPeriod(field, a.Value, period)
	if max(v, a.Value) > assess.MaxAmount {
		rd.invalid(t, &assess.ParseError{Input: rd.source(t.start, t.end), Kind: assess.ErrTooLarge})
		return
	}
	cur := cmp.Or(t.cur, a.Currency, t.hint)
	rd.add(cand{fact: Fact{Field: field, Value: a.Value}, val: v, amount: true, period: period, cur: cur, burn: c.burn}, s.start, s.end)
}

// inPeriod converts v, written per period, to field's own period.
func inPeriod(field string, v float64, period string) float64 {
	switch {
	case (field == FieldAnnualCost || field == FieldAnnualRevenue || field == FieldAnnualLoss || field == FieldCustomerPrice) && period == periodMonth:
		return v * 12
	case field == FieldMonthlyPrice && period == periodYear:
		return v / 12
	}
	return v
}

// invalid notes a number the parsers refused: negative, too large, or no
// number at all.
func (rd *reading) invalid(t token, err error) { rd.refused(t, err, rd.source(t.start, t.end), false) }

// refused notes t as out of range when err says it is negative or too
// large, else as unclear (in and money as for unitNote).
func (rd *reading) refused(t token, err error, in string, money bool) {
	var pe *assess.ParseError
	if errors.As(err, &pe) && (pe.Kind == assess.ErrNegative || pe.Kind == assess.ErrTooLarge) {
		rd.note(invalidNote(rd.source(t.start, t.end), pe.Kind == assess.ErrNegative))
		return
	}
	rd.note(unitNote(in, money))
}

// note keeps a note about the question; earlier messages were answered
// already.
func (rd *reading) note(n Note) {
	if !rd.question {
		return
	}
	for _, o := range rd.notes {
		if o.Kind == n.Kind && o.Input == n.Input {
			return // a pasted text repeats itself: one note is enough
		}
	}
	rd.notes = append(rd.notes, n)
}

// monthsOf is a duration token's length in months, 0 when unreadable.
func monthsOf(t token) float64 {
	m, err := assess.ParseMonths(t.dur())
	if err != nil {
		return 0
	}
	return m
}

// unitFor is a fact's Unit for an amount in cur written per period: the
// period as the founder wrote it ("USD/month" for "burn $2M a month").
func unitFor(field, cur, period string) string {
	per := ""
	if flowField(field) || field == FieldCustomerPrice {
		switch period {
		case periodMonth:
			per = "month"
		case periodYear:
			per = "year"
		}
	}
	switch {
	case cur == "":
		return per
	case per == "":
		return cur
	}
	return cur + "/" + per
}
