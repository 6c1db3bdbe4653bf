package knowledge

import "strings"

// Two rules about what a question's words weigh, applied by matchConcepts.
//
// Weak words: a weak form inside a longer match of a lexicon concept that
// bears on other modes means what that phrase means ("bank" in "$18M in
// the bank" is cash, not a bank client; "cloud" in "cloud bills" is a bill,
// not the cloud-or-device question), and one inside an everyday word or
// idiom (kind everyday in concepts.yaml: "need", "month", "planning",
// "行业里") means nothing. Either way it still counts for the gate, but
// ranks nothing and is not shown as a term (Hit.Terms is what founders see
// as "you ask about ..."); everyday words are no search terms either.
//
// The asked sentence: when the question asks in one sentence and gives
// context in others ("Will AI PCs kill our cloud chatbot business? We sell
// a $10/month consumer assistant."), the asked sentence is its subject: if
// it names the domain, what only the other sentences name weighs
// contextWeight.

// found is one surface form matched in the question.
type found struct {
	concept  int32
	from, to int32
	weak     bool
	quiet    bool // a weak form covered by a longer phrase or an everyday word: the gate's only
	typo     bool // read through a typo (search_typo.go)
}

// contextWeight is what a concept named only outside the asked sentences
// weighs (see matchConcepts).
const contextWeight = 0.5

// quiet reports whether fs[k] is a weak form that another lexicon match
// covers: a longer one of a concept that bears on other modes (the phrase
// says what it means: "bank" in "in the bank" is cash, not a bank client;
// "agent" in "AI agent" agrees with it), or an everyday word; or a mode's
// or benchmark's keyword that is a generic word of the lexicon ("customers",
// "users", "startups": the lexicon says they mean nothing alone).
func (ix *Index) quiet(fs []found, k int) bool {
	f := fs[k]
	if !f.weak || ix.lex.concepts[f.concept].kind != kindDomain {
		return false
	}
	keyword := ix.nLex <= f.concept && f.concept < ix.cases[0] || f.concept >= ix.cases[1]
	for j, o := range fs {
		if j == k || o.concept == f.concept || o.concept >= ix.nLex || o.from > f.from || o.to < f.to {
			continue
		}
		switch ix.lex.concepts[o.concept].kind {
		case kindEveryday:
			return true
		case kindDomain:
			if o.to-o.from > f.to-f.from && !shareMode(ix.lex.concepts[o.concept], ix.lex.concepts[f.concept]) {
				return true
			}
		case kindAI, kindBusiness, kindTrade:
			if keyword {
				return true
			}
		}
	}
	return false
}

// markAsked marks the units of the question's asked sentences (those
// ending in a question mark) with markAsked, and reports whether the
// context rule applies: the question has other sentences too, and an
// asked one names a domain concept.
func (ix *Index) markAsked(s *scratch, q string) bool {
	if !strings.ContainsAny(q, "?？") {
		return false
	}
	s.sents = appendSentences(s.sents[:0], q)
	sents := s.sents
	if len(sents) < 2 {
		return false
	}
	asked, other := false, false
	u := 0
	for _, sp := range sents {
		rest := strings.TrimLeft(q[sp[1]:], " \t\n\"'”’)）)")
		isAsked := strings.HasPrefix(rest, "?") || strings.HasPrefix(rest, "？")
		for u < len(s.units) && int(s.units[u].start) < sp[0] {
			u++
		}
		for u < len(s.units) && int(s.units[u].start) < sp[1] {
			if isAsked {
				s.marks[u] |= markAsked
			}
			u++
		}
		asked, other = asked || isAsked, other || !isAsked
	}
	if !asked || !other {
		return false
	}
	for _, f := range s.found {
		if s.marks[f.from]&markAsked != 0 && !f.quiet && f.concept != ix.money && ix.lex.concepts[f.concept].kind == kindDomain {
			return true
		}
	}
	return false
}
