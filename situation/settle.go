package situation

import (
	"cmp"
	"math"
)

// resolve gives every amount of the message its currency: as written, as
// its scale suggests (万 yuan, M dollars), else the message's, else
// fallback (the conversation's).
func (rd *reading) resolve(fallback string) {
	for i := range rd.cands {
		c := &rd.cands[i]
		if !c.amount {
			continue
		}
		c.cur = cmp.Or(c.cur, rd.currency, fallback)
		c.fact.Unit = unitFor(c.fact.Field, c.cur)
	}
}

// settle keeps the first fact the message gives for each field. A later,
// different value is noted as a conflict, except that consumers and
// enterprises said apart make "both", and a GPU count's "own" or "rented"
// yields silently to an earlier word about access.
func (rd *reading) settle() []cand {
	var out []cand
	for _, c := range rd.cands {
		i := -1
		for j := range out {
			if out[j].fact.Field == c.fact.Field {
				i = j
				break
			}
		}
		switch {
		case i < 0:
			out = append(out, c)
		case same(out[i], c):
		case c.fact.Field == "customers" && out[i].fact.Value != "both" && c.fact.Value != "both":
			out[i].fact.Value = "both"
			out[i].fact.Text += " / " + c.fact.Text
		case c.fact.Field == "gpu_access":
		default:
			rd.note(conflictNote(out[i].fact.Text, c.fact.Text))
		}
	}
	return out
}

// same reports whether two facts for one field agree (amounts within 1%).
func same(a, b cand) bool {
	x, okx := a.fact.Value.(float64)
	y, oky := b.fact.Value.(float64)
	if okx && oky {
		if a.fact.Unit != b.fact.Unit {
			return false
		}
		return math.Abs(x-y) <= 0.01*math.Max(math.Abs(x), math.Abs(y))
	}
	return a.fact.Value == b.fact.Value
}
