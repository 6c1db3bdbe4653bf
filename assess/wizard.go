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
	// Review is set once the founder has reached the summary: answering an
	// edited question returns there (through any question the edit newly
	// makes relevant) instead of walking on through the rest.
	Review bool `json:"review,omitempty"`
}

// Start returns the state at the first question.
func (w *Wizard) Start(lang string) State {
	s := State{Lang: lang, History: []int{}}
	s.Step = w.next(s, -1)
	return s
}

// Resume returns the state for answers read back from a saved file: the
// questions whose fields the file names (answered or null) count as seen,
// and the wizard asks only the applicable ones that are not, then shows the
// review; with none left it is at the review at once.
func (w *Wizard) Resume(p Profile, seen []string, lang string) State {
	s := State{Lang: lang, Profile: p, History: []int{}, Step: len(w.qs), Review: true}
	for i, q := range w.qs {
		if !q.Applies(p.value) {
			continue
		}
		if !slices.Contains(seen, q.Field) && !p.Answered(q.Field) {
			s.Step = i
			break
		}
		s.History = append(s.History, i)
	}
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
// questions there are. A question that depends on an answer not yet given
// counts as coming, so the total only ever shrinks as answers rule
// questions out.
func (w *Wizard) Progress(s State) (int, int) {
	n, total := 0, 0
	for i, q := range w.qs {
		if w.mayApply(s, q) {
			total++
			if i <= s.Step {
				n++
			}
		}
	}
	return min(n, total), total
}

// mayApply reports whether q applies, or may once an answer still to come
// is given.
func (w *Wizard) mayApply(s State, q knowledge.Question) bool {
	if q.Applies(s.Profile.value) {
		return true
	}
	f := q.When.Field
	if s.Profile.Answered(f) {
		return false
	}
	for i, other := range w.qs {
		if other.Field == f {
			return i >= s.Step && !slices.Contains(s.History, i)
		}
	}
	return false
}

// Answer records text as the answer to the current question and moves on.
// Choices accept the number, the value, the label or a unique part of it;
// numbers accept what ParseAmount, ParseMonths and ParseCount read; an
// empty answer keeps the current one. On error the state is returned
// unchanged with an *AnswerError in both languages.
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
	if text == "" {
		if p.Answered(f.Name) {
			return w.advance(s, p), nil
		}
		return s, &AnswerError{ZH: "请输入答案,或输入 skip 跳过这一题", EN: "type an answer, or skip to leave it out"}
	}
	switch q.Kind {
	case "choice", "bool":
		v, err := matchChoice(q, text)
		if err != nil {
			return s, err
		}
		text = v
		if f.Name == "currency" {
			p.Currency = "" // a changed currency re-reads the amounts, it does not conflict with them
		}
	case "amount":
		a, err := ParseAmount(text)
		if err != nil {
			return s, answerErr(err)
		}
		if a.Currency != "" && p.Currency != "" && a.Currency != p.Currency {
			got, chosen, eg := currencyNames[a.Currency], currencyNames[p.Currency], amountExamples[p.Currency]
			return s, &AnswerError{
				ZH: fmt.Sprintf("%q 是%s,但前面选的货币是%s:请用%s填写,例如 %s", text, got.ZH, chosen.ZH, chosen.ZH, eg.ZH),
				EN: fmt.Sprintf("%q is in %s but you chose %s: write it in %s, e.g. %s", text, got.EN, chosen.EN, chosen.EN, eg.EN)}
		}
	}
	if err := p.SetAnswer(f, text, ""); err != nil {
		return s, answerErr(err)
	}
	return w.advance(s, p), nil
}

// Skip moves on without changing the current question's answer: an
// unanswered question stays unknown (it lowers confidence, not the score),
// an answered one keeps its answer.
func (w *Wizard) Skip(s State) State {
	if w.Done(s) {
		return s
	}
	return w.advance(s, s.Profile)
}

// Clear forgets the current question's answer and moves on.
func (w *Wizard) Clear(s State) State {
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

// Applicable returns the steps of the questions that apply to the answers
// so far, in order: the rows of the review.
func (w *Wizard) Applicable(s State) []int {
	var out []int
	for i, q := range w.qs {
		if q.Applies(s.Profile.value) {
			out = append(out, i)
		}
	}
	return out
}

// Edit goes from the review to the question at step; answering it (or
// skipping, or going back) returns to the review.
func (w *Wizard) Edit(s State, step int) State {
	if step < 0 || step >= len(w.qs) {
		return s
	}
	s.History = append(slices.Clone(s.History), s.Step)
	s.Step = step
	s.Review = true
	return s
}

func (w *Wizard) advance(s State, p Profile) State {
	s.History = append(slices.Clone(s.History), s.Step)
	s.Profile = p
	s.Step = w.next(s, s.Step)
	if w.Done(s) {
		s.Review = true
	}
	return s
}

// next is the first applicable question after step; in review, the first
// applicable question never shown (an edit may make new ones relevant).
func (w *Wizard) next(s State, step int) int {
	for i := step + 1; i < len(w.qs); i++ {
		if w.qs[i].Applies(s.Profile.value) && !s.Review {
			return i
		}
	}
	if s.Review {
		for i, q := range w.qs {
			if q.Applies(s.Profile.value) && !slices.Contains(s.History, i) && !s.Profile.Answered(q.Field) {
				return i
			}
		}
	}
	return len(w.qs)
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
// formatted amount or duration, or "" when unanswered. Answer reads it back.
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
