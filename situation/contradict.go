package situation

import (
	"fmt"
	"math"

	"github.com/premortem/premortem/knowledge"
)

// runwayTolerance: a stated runway and the one cash and spend give
// disagree when one is more than this multiple of the other.
const runwayTolerance = 1.5

// disputes notes where the founder's figures disagree with each other or
// with their words, and marks the profile fields concerned: a stated
// runway against cash / monthly spend (the stated one is kept), and losses
// said in words against revenue that covers cost (or profit against cost
// above revenue; the figures are kept). No finding that favours the
// founder may rest on a disputed field (see undisputed).
func (b *basis) disputes() {
	if st, ok := b.facts[FieldRunway]; ok && b.runway > 0 {
		said := b.val[FieldRunway]
		if hi, lo := math.Max(said, b.runway), math.Min(said, b.runway); lo <= 0 || hi/lo > runwayTolerance {
			b.dispute([]string{FieldRunway}, func() Note { return b.runwayNote(st.fact.Text) }, FieldRunway, FieldCash, spendFields[b.spendBy])
		}
	}
	lf, ok := b.facts[FieldAnnualLoss]
	said, isWord := lf.fact.Value.(bool)
	cost, hasCost := b.val[FieldAnnualCost]
	rev, hasRev := b.val[FieldAnnualRevenue]
	if ok && isWord && hasCost && hasRev && (said && rev >= cost || !said && cost > rev) {
		b.dispute([]string{FieldAnnualCost, FieldAnnualRevenue}, func() Note { return b.lossNote(lf.fact.Text, said, cost, rev) },
			FieldAnnualLoss, FieldAnnualCost, FieldAnnualRevenue)
	}
}

// lossNote says that the founder's words (said: losses, else profit) and
// their yearly cost and revenue disagree, and that the figures are kept.
func (b *basis) lossNote(words string, said bool, cost, rev float64) Note {
	c, r := money(b.cur, cost, "zh"), money(b.cur, rev, "zh")
	ce, re := money(b.cur, cost, "en"), money(b.cur, rev, "en")
	n := knowledge.Text{
		ZH: fmt.Sprintf("按你给的数字,年收入 %s 覆盖了年成本 %s,但你说「%s」:两者不一致,按数字计算,请核对。", r, c, words),
		EN: fmt.Sprintf("Your numbers say revenue (%s a year) covers cost (%s a year), but you said “%s”; they disagree. Using the numbers; please check them.", re, ce, words)}
	if !said {
		n = knowledge.Text{
			ZH: fmt.Sprintf("按你给的数字,年成本 %s 高于年收入 %s,但你说「%s」:两者不一致,按数字计算,请核对。", c, r, words),
			EN: fmt.Sprintf("Your numbers say cost (%s a year) exceeds revenue (%s a year), but you said “%s”; they disagree. Using the numbers; please check them.", ce, re, words)}
	}
	return Note{Kind: NoteConflict, Input: words, Text: n}
}

// dispute marks fields disputed and notes why when one of the facts from
// is the question's (an earlier message's were answered already).
func (b *basis) dispute(fields []string, note func() Note, from ...string) {
	for _, f := range fields {
		b.disputed[f] = true
	}
	if b.fresh(from...) {
		b.notes = append(b.notes, note())
	}
}

// runwayNote says that the stated runway and cash / spend disagree, and
// that the stated one is kept.
func (b *basis) runwayNote(said string) Note {
	cash, spend := b.val[FieldCash], spendLabels[b.spendBy]
	return Note{Kind: NoteConflict, Input: said, Text: knowledge.Text{
		ZH: fmt.Sprintf("「%s」和你给的现金、支出不一致:按你给的数字计算,现金 %s / %s%s = %s。按你说的「%s」计算,请核对。",
			said, money(b.cur, cash, "zh"), spend.ZH, money(b.cur, b.monthly, "zh"), months(b.runway, "zh"), said),
		EN: fmt.Sprintf("“%s” disagrees with your cash and spend: computed from your numbers, cash %s / %s%s = %s. Using what you said, “%s”; please check.",
			said, money(b.cur, cash, "en"), spend.EN, money(b.cur, b.monthly, "en"), months(b.runway, "en"), said)}}
}

// undisputed drops the findings in favour of the founder (mitigations)
// that read a disputed field: "24 months of runway is fine" cannot stand
// beside "cash / burn = 5 months". Risks stay: the caution is kept.
func (r *Reader) undisputed(ws []ModeWhy, disputed map[string]bool) []ModeWhy {
	if len(disputed) == 0 {
		return ws
	}
	out := ws[:0]
	for _, w := range ws {
		kept := w.Mitigations[:0]
		for _, f := range w.Mitigations {
			if !r.reads(f.Rule, disputed) {
				kept = append(kept, f)
			}
		}
		w.Mitigations = kept
		if len(w.Risks)+len(w.Mitigations) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// reads reports whether a rule reads one of the fields.
func (r *Reader) reads(rule string, fields map[string]bool) bool {
	for _, in := range r.inputs[rule] {
		if fields[in] {
			return true
		}
	}
	return false
}
