package situation

import (
	"slices"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/knowledge"
)

// Limits on what one Read looks at; beyond them the rest is ignored (and,
// for the question, said so in a note).
const (
	maxText    = 16 << 10 // bytes of one message
	maxHistory = 20       // earlier messages, the most recent kept
	maxTokens  = 200      // numbers in one message
	maxNotes   = 6        // notes listed; one more says how many were left out
	maxGap     = 30       // bytes between a word and the number it describes
)

// Reader reads founders' questions. NewReader prepares everything once;
// Read is safe for concurrent use.
type Reader struct {
	kb      *knowledge.Base
	lex     *lexicon
	facts   assess.Facts
	inputs  map[string][]string // assessment rule ID -> profile fields it reads
	still   *cue                // the cue of 还是, which is "or" unless "still"
	article articleSide         // the article's half of the comparisons
	scores  whyCache
}

// NewReader builds the word index (with the knowledge base's case names)
// and reads the article's comparison figures from kb. kb may be nil: then
// no case is known and comparisons use the article's own numbers.
func NewReader(kb *knowledge.Base) *Reader {
	r := &Reader{kb: kb, lex: newLexicon(), facts: assess.FactsFrom(kb), inputs: map[string][]string{}}
	r.index()
	for _, rule := range assess.Rules() {
		r.inputs[rule.ID] = rule.Inputs
	}
	r.article = r.articleSide()
	return r
}

// index puts every word list of words.go (and the case names) into the
// lexicon, each word with all its roles.
func (r *Reader) index() {
	l := r.lex
	for _, ac := range amountCues {
		for _, w := range ac.words {
			if c := l.add(w); c.field == "" {
				c.field, c.period, c.def, c.burn = ac.field, ac.period, ac.def, ac.burn
			}
		}
	}
	for _, w := range runwayCues {
		l.add(w).runway = true
	}
	for _, w := range runwayAfter {
		c := l.add(w)
		c.runway, c.after = true, true
	}
	for _, p := range []string{periodMonth, periodYear} {
		for _, w := range periodCues[p] {
			if c := l.add(w); c.period == "" {
				c.period = p
			}
		}
	}
	units := []struct {
		unit  string
		words []string
	}{{unitPaying, payingUnits}, {unitCustomers, customerUnits}, {unitUsers, userUnits}, {unitPeople, peopleUnits}, {unitGPU, gpuUnits}, {unitBenign, benignUnits}}
	for _, u := range units {
		for _, w := range u.words {
			if c := l.add(w); c.unit == "" {
				c.unit = u.unit
			}
			if u.unit == unitGPU && isAlnum(w[len(w)-1]) && w[len(w)-1] != 's' {
				if c := l.add(w + "s"); c.unit == "" {
					c.unit = u.unit
				}
			}
		}
	}
	for _, w := range plainWords {
		l.add(w)
	}
	for _, w := range benignPrefixes {
		l.add(w).prefix = true
	}
	for _, w := range counters {
		l.add(w).counter = true
	}
	for _, cc := range choiceCues {
		for _, w := range cc.words {
			c := l.add(w)
			c.sets = append(c.sets, cc)
		}
	}
	for f, ws := range markers {
		for _, w := range ws {
			l.add(w).flags |= f
		}
	}
	for _, kind := range []string{IntentThreat, IntentDecision, IntentFigure, IntentHowTo} {
		for _, w := range intentCues[kind] {
			if c := l.add(w); c.intent == "" {
				c.intent = kind
			}
		}
	}
	for _, w := range weakDecision {
		if c := l.add(w); c.intent == "" {
			c.intent, c.weak = IntentDecision, true
		}
	}
	for _, mode := range assess.ModeIDs {
		for _, w := range dilemmaWords[mode] {
			if c := l.add(w); c.dilemma == "" {
				c.dilemma = mode
			}
		}
	}
	if r.kb != nil {
		for _, cs := range r.kb.Cases {
			r.indexCase(cs)
		}
	}
	r.still = l.add("还是")
	l.seal()
}

// indexCase adds a case's names: a clause naming one, and not the founder,
// is about that company. Cloud vendors (a bill word too: AWS, 阿里云) are
// named on the founder's bills, so they do not make a clause foreign.
// Aliases that are everyday words count only as written (match_case);
// false friends ("SD卡") hide the name inside them.
func (r *Reader) indexCase(cs knowledge.Case) {
	l := r.lex
	for _, w := range cs.FalseFriends {
		l.add(w)
	}
	for _, w := range append([]string{cs.Name.ZH, cs.Name.EN}, cs.Aliases...) {
		if len(w) < 2 {
			continue
		}
		c := l.add(w)
		if slices.Contains(cs.MatchCase, w) {
			c.exact = w
		}
		if c.flags&fBill == 0 {
			c.flags |= fCase
		}
	}
}

// Read reads question, and history (the founder's earlier messages, oldest
// first), into a Situation. Facts in the question win over earlier ones.
func (r *Reader) Read(question string, history ...string) Situation {
	history = history[max(0, len(history)-maxHistory):]
	texts := make([]*reading, 0, len(history)+1)
	for _, h := range history {
		texts = append(texts, r.read(h, false))
	}
	q := r.read(question, true)
	texts = append(texts, q)
	var said mark
	for _, t := range texts {
		said |= t.stated()
	}
	for _, t := range texts {
		t.readFacts(said)
	}

	// The currency a text suggests applies to its bare amounts; a text that
	// suggests none takes the question's, else the latest earlier one's.
	fallback := q.currency
	for i := len(texts) - 2; i >= 0 && fallback == ""; i-- {
		fallback = texts[i].currency
	}
	var facts []cand
	for i := len(texts) - 1; i >= 0; i-- {
		t := texts[i]
		t.resolve(fallback)
		for _, c := range t.settle() {
			if !slices.ContainsFunc(facts, func(x cand) bool { return x.fact.Field == c.fact.Field }) {
				c.fact.Earlier = !t.question
				facts = append(facts, c)
			}
		}
	}
	contractPrices(facts)
	s := Situation{Facts: []Fact{}, Comparisons: []Comparison{}, Why: []ModeWhy{}, Cases: []string{}, Unread: []Note{}}
	for _, c := range facts {
		s.Facts = append(s.Facts, c.fact)
	}
	b := r.profile(facts)
	s.Profile = b.profile
	s.Comparisons = r.compare(b)
	s.Why = r.undisputed(r.why(b.profile), b.disputed)
	named := q.cases()
	for _, c := range named {
		s.Cases = append(s.Cases, c.ID)
	}
	s.Intent = q.intent(named)
	s.Unread = q.unread(b)
	return s
}
