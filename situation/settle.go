package situation

import (
	"cmp"
	"math"
)

// resolve gives every amount of the message its currency: as written, as
// its scale suggests (万 yuan, M dollars), else the message's, else
// fallback (the conversation's), else yuan when the message is Chinese.
// Zero needs no currency: "还没有收入" is 0, in no currency.
func (rd *reading) resolve(fallback string) {
	byLang := ""
	if rd.chinese {
		byLang = "CNY"
	}
	for i := range rd.cands {
		c := &rd.cands[i]
		if !c.amount {
			continue
		}
		if c.val != 0 {
			c.cur = cmp.Or(c.cur, rd.currency, fallback, byLang)
		}
		c.fact.Unit = unitFor(c.fact.Field, c.cur, c.period)
	}
}

// settle keeps the first fact the message gives for each field. A later,
// different value is noted as a conflict, except that consumers and
// enterprises said apart make "both", a GPU count's "own" or "rented"
// yields silently to an earlier word about access, and a figure wins over
// words that say the same without one ("刚融了 5000 万", "亏损严重").
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
		wasFlag := false
		if i >= 0 {
			_, wasFlag = out[i].fact.Value.(bool)
		}
		_, isFlag := c.fact.Value.(bool)
		switch {
		case i < 0:
			out = append(out, c)
		case same(out[i], c):
		case c.fact.Field == "customers" && out[i].fact.Value != "both" && c.fact.Value != "both":
			out[i].fact.Value = "both"
			out[i].fact.Text += " / " + c.fact.Text
		case c.fact.Field == "gpu_access":
		case isFlag && !wasFlag:
		case wasFlag && !isFlag:
			out[i] = c
		default:
			rd.note(conflictNote(out[i].fact.Text, c.fact.Text))
		}
	}
	return out
}

// same reports whether two facts for one field agree: numbers in one
// currency within 1% once in the field's own period ("burn 2M a month" and
// "annual cost 24M" agree).
func same(a, b cand) bool {
	_, okx := a.fact.Value.(float64)
	_, oky := b.fact.Value.(float64)
	if okx && oky {
		if a.cur != b.cur {
			return false
		}
		x, y := a.val, b.val
		return math.Abs(x-y) <= 0.01*math.Max(math.Abs(x), math.Abs(y))
	}
	return a.fact.Value == b.fact.Value
}
