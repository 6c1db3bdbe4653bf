package assess

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/premortem/premortem/knowledge"
)

// Wizard is the guided assessment's question flow, shared by the terminal
// and Discord. It does no I/O and keeps no state: every method takes a State
// and returns the next one, so a front end can store states anywhere.
type Wizard struct {
	qs []knowledge.Question
}

// NewWizard returns a wizard over the question bank qs.
func NewWizard(qs []knowledge.Question) *Wizard { return &Wizard{qs: qs} }

// State is where one founder is in the wizard; it serialises to JSON.
type State struct {
	Step    int     `json:"step"`    // index of the current question; len(questions) when done
	Profile Profile `json:"profile"` // answers so far
	History []int   `json:"history"` // steps shown before the current one, for back
	Lang    string  `json:"lang"`
}

// Start returns the state at the first question.
func (w *Wizard) Start(lang string) State {
	s := State{Lang: lang, History: []int{}}
	s.Step = w.next(s.Profile, -1)
	return s
}

// Questions returns the bank.
func (w *Wizard) Questions() []knowledge.Question { return w.qs }

// Current returns the question at s, false when the wizard is done.
func (w *Wizard) Current(s State) (knowledge.Question, bool) {
	if s.Step < 0 || s.Step >= len(w.qs) {
		return knowledge.Question{}, false
	}
	return w.qs[s.Step], true
}

// Done reports whether every applicable question has been answered or skipped.
func (w *Wizard) Done(s State) bool { return s.Step >= len(w.qs) }

// Progress returns the current question's number (1-based) and how many
// questions apply given the answers so far.
func (w *Wizard) Progress(s State) (int, int) {
	n, total := 0, 0
	for i, q := range w.qs {
		if q.Applies(s.Profile.value) {
			total++
			if i <= s.Step {
				n++
			}
		}
	}
	return min(n, total), total
}

// Answer records text as the answer to the current question and moves on.
// Choices accept the value, the label or the 1-based number; numbers
// accept what ParseAmount, ParseMonths and ParseCount read. On error the
// state is returned unchanged with an *AnswerError.
func (w *Wizard) Answer(s State, text string) (State, error) {
	q, ok := w.Current(s)
	if !ok {
		return s, &AnswerError{ZH: "问卷已经完成", EN: "the assessment is already complete"}
	}
	f, ok := FieldByName(q.Field)
	if !ok {
		return s, fmt.Errorf("question %s fills unknown field %q", q.ID, q.Field)
	}
	text = strings.TrimSpace(text)
	p := s.Profile
	switch q.Kind {
	case "choice", "bool":
		v, ok := matchChoice(q, text)
		if !ok {
			pe := &ParseError{Input: text, Kind: ErrChoice}
			return s, &AnswerError{ZH: pe.Message("zh"), EN: pe.Message("en")}
		}
		text = v
	case "amount":
		a, err := ParseAmount(text)
		if err != nil {
			return s, answerErr(err)
		}
		if a.Currency != "" && p.Currency != "" && a.Currency != p.Currency {
			return s, &AnswerError{
				ZH: fmt.Sprintf("%q 是 %s,但前面选的货币是 %s:请用同一种货币", text, a.Currency, p.Currency),
				EN: fmt.Sprintf("%q is in %s but you chose %s: please use one currency", text, a.Currency, p.Currency)}
		}
	}
	if err := p.SetAnswer(f, text, ""); err != nil {
		return s, answerErr(err)
	}
	return w.advance(s, p), nil
}

// Skip leaves the current question unanswered (it lowers confidence, not
// the score) and moves on.
func (w *Wizard) Skip(s State) State {
	if w.Done(s) {
		return s
	}
	p := s.Profile
	p.Clear(w.qs[s.Step].Field)
	return w.advance(s, p)
}

// Back returns to the previous question, keeping its answer to show.
func (w *Wizard) Back(s State) State {
	if len(s.History) == 0 {
		return s
	}
	s.Step = s.History[len(s.History)-1]
	s.History = slices.Clone(s.History[:len(s.History)-1])
	return s
}

func (w *Wizard) advance(s State, p Profile) State {
	s.History = append(slices.Clone(s.History), s.Step)
	s.Profile = p
	s.Step = w.next(p, s.Step)
	return s
}

// next is the first applicable question after step.
func (w *Wizard) next(p Profile, step int) int {
	for i := step + 1; i < len(w.qs); i++ {
		if w.qs[i].Applies(p.value) {
			return i
		}
	}
	return len(w.qs)
}

func matchChoice(q knowledge.Question, text string) (string, bool) {
	if n, err := strconv.Atoi(text); err == nil && n >= 1 && n <= len(q.Choices) {
		return q.Choices[n-1].Value, true
	}
	for _, c := range q.Choices {
		if strings.EqualFold(text, c.Value) || strings.EqualFold(text, c.Label.EN) || text == c.Label.ZH {
			return c.Value, true
		}
	}
	if q.Kind == "bool" {
		if b, ok := parseBool(strings.ToLower(text), ""); ok {
			return strconv.FormatBool(b), true
		}
	}
	return "", false
}

// AnswerError is an answer the wizard could not take, worded for the founder.
type AnswerError struct{ ZH, EN string }

func (e *AnswerError) Error() string { return e.EN }

// Message returns the explanation in lang.
func (e *AnswerError) Message(lang string) string {
	if lang == "zh" {
		return e.ZH
	}
	return e.EN
}

func answerErr(err error) error {
	var pe *ParseError
	if as(err, &pe) {
		return &AnswerError{ZH: pe.Message("zh"), EN: pe.Message("en")}
	}
	return &AnswerError{ZH: err.Error(), EN: err.Error()}
}

// value returns a field's answer as text ("" when unanswered), for
// question conditions.
func (p Profile) value(field string) string {
	f, ok := FieldByName(field)
	if !ok {
		return ""
	}
	switch f.Kind {
	case KindChoice:
		return *p.choice(field)
	case KindBool:
		if b := *p.flag(field); b != nil {
			return strconv.FormatBool(*b)
		}
	default:
		if v := *p.number(field); v != nil {
			return strconv.FormatFloat(*v, 'f', -1, 64)
		}
	}
	return ""
}

// Value is the exported form of value, for front ends showing answers.
func (p Profile) Value(field string) string { return p.value(field) }

// AnswerText shows the answer to q for people: the choice's label, a
// formatted amount or duration, or "" when unanswered.
func AnswerText(q knowledge.Question, p Profile, lang string) string {
	v := p.value(q.Field)
	if v == "" {
		return ""
	}
	for _, c := range q.Choices {
		if c.Value == v {
			return c.Label.In(lang)
		}
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v
	}
	switch q.Kind {
	case "amount":
		return FormatAmount(Amount{Value: x, Currency: p.Currency}, lang)
	case "months":
		return FormatMonths(x, lang)
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}
