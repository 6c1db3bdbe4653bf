package situation

import (
	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/knowledge"
)

// intentOrder: a question that has cues of several kinds is of the first.
var intentOrder = []string{IntentThreat, IntentDecision, IntentFigure, IntentHowTo}

// intent reads what the question asks for from its cue words; a decision
// also names the dilemma it weighs: the failure mode most of its words are
// about, else the first mode of a case it names (named, in order).
func (rd *reading) intent(named []*knowledge.Case) Intent {
	first := map[string]int{}
	weak := -1
	for i, m := range rd.ms {
		k := m.cue.intent
		if k == "" {
			continue
		}
		if m.cue.weak {
			if weak < 0 && rd.sentenceFlags(m.start)&fQuestion != 0 {
				weak = i
			}
			continue
		}
		if _, ok := first[k]; !ok {
			first[k] = i
		}
	}
	if len(first) == 0 && weak >= 0 {
		first[IntentDecision] = weak
	}
	in := Intent{Kind: IntentOther}
	for _, k := range intentOrder {
		if i, ok := first[k]; ok {
			in.Kind, in.Cue = k, rd.source(rd.ms[i].start, rd.ms[i].end)
			break
		}
	}
	if in.Kind == IntentDecision {
		in.Dilemma = rd.dilemma(named)
	}
	return in
}

// dilemma is the failure mode most of the question's words are about (a
// choice word votes for its field's mode); ties go to the one named first.
// With none, it is the first mode of a case named.
func (rd *reading) dilemma(named []*knowledge.Case) string {
	votes := map[string]int{}
	var order []string
	for _, m := range rd.ms {
		d := m.cue.dilemma
		for _, set := range m.cue.sets {
			if d == "" {
				d = fieldModes[set.field]
			}
		}
		if d != "" {
			if votes[d] == 0 {
				order = append(order, d)
			}
			votes[d]++
		}
	}
	best := ""
	for _, d := range order {
		if votes[d] > votes[best] {
			best = d
		}
	}
	if best != "" {
		return best
	}
	for _, c := range named {
		if len(c.Modes) > 0 {
			return c.Modes[0]
		}
	}
	return ""
}

// cases returns the cases the message names, in order, as the knowledge
// base finds them.
func (rd *reading) cases() []*knowledge.Case {
	if rd.r.kb == nil {
		return nil
	}
	return rd.r.kb.CasesNamed(rd.t.orig)
}

// unread returns the notes about the question, at most maxNotes of them and
// one saying how many more there were.
func (rd *reading) unread(b basis) []Note {
	notes := append(append([]Note{}, rd.notes...), b.notes...)
	if b.mixed {
		notes = append(notes, currencyNote(assess.CNYPerUSD))
	}
	if len(notes) > maxNotes {
		notes = append(notes[:maxNotes], moreNote(len(notes)-maxNotes))
	}
	return notes
}
