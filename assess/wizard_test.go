package assess

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/premortem/premortem/knowledge"
)

func testWizard(t testing.TB) *Wizard {
	t.Helper()
	qs, err := knowledge.Questions()
	if err != nil {
		t.Fatal(err)
	}
	return NewWizard(qs)
}

// TestQuestionBankMatchesProfile: every question fills a profile field of
// its kind, and every choice is a value the profile accepts.
func TestQuestionBankMatchesProfile(t *testing.T) {
	for _, q := range testWizard(t).Questions() {
		f, ok := FieldByName(q.Field)
		if !ok {
			t.Errorf("%s: unknown field %q", q.ID, q.Field)
			continue
		}
		if string(f.Kind) != q.Kind {
			t.Errorf("%s: kind %s, field %s is %s", q.ID, q.Kind, f.Name, f.Kind)
		}
		for _, c := range q.Choices {
			var p Profile
			if err := p.SetAnswer(f, c.Value, ""); err != nil {
				t.Errorf("%s: choice %q: %v", q.ID, c.Value, err)
			}
		}
	}
}

func TestWizardFlow(t *testing.T) {
	w := testWizard(t)
	s := w.Start("zh")
	answers := map[string]string{
		"scenario": "文生图", "customers": "1", "model-strategy": "open-source", "model-scope": "general",
		"currency": "USD", "annual-cost": "1.53亿", "annual-revenue": "$11m", "runway": "3个月",
		"parent-company": "否", "cloud-bills": "yes", "on-device": "partly", "platform-giants": "是",
	}
	var asked []string
	for !w.Done(s) {
		q, _ := w.Current(s)
		asked = append(asked, q.ID)
		a, ok := answers[q.ID]
		if !ok {
			s = w.Skip(s)
			continue
		}
		next, err := w.Answer(s, a)
		if err != nil {
			t.Fatalf("%s: %q: %v", q.ID, a, err)
		}
		s = next
	}
	if slices.Contains(asked, "hallucination") {
		t.Error("asked an enterprise question of a consumer company")
	}
	p := s.Profile
	if p.Scenario != "text-to-image" || p.Customers != "consumer" || *p.AnnualCost != 1.53e8 || *p.AnnualRevenue != 11e6 || p.PayingUsers != nil {
		t.Errorf("profile %+v", p)
	}
	// The state survives JSON, as it does in the store.
	b, _ := json.Marshal(s)
	var back State
	if err := json.Unmarshal(b, &back); err != nil || !w.Done(back) {
		t.Fatalf("round trip: %v", err)
	}
	// Back returns to the last question shown, with its answer kept.
	prev := w.Back(s)
	q, _ := w.Current(prev)
	if q.ID != asked[len(asked)-1] {
		t.Errorf("back went to %s, want %s", q.ID, asked[len(asked)-1])
	}
}

func TestWizardBadAnswers(t *testing.T) {
	w := testWizard(t)
	s := w.Start("en")
	for _, bad := range []string{"", "spaceships", "99"} {
		got, err := w.Answer(s, bad)
		var ae *AnswerError
		if !errors.As(err, &ae) || ae.Message("zh") == "" || got.Step != s.Step {
			t.Errorf("Answer(%q) = %v, %v; want AnswerError and no move", bad, got.Step, err)
		}
	}
	// Walk to the cost question and give it nonsense.
	for q, _ := w.Current(s); q.ID != "annual-cost"; q, _ = w.Current(s) {
		s = w.Skip(s)
	}
	s, _ = w.Answer(w.Back(s), "CNY")
	for _, bad := range []string{"-5", "lots", "$3m", "1e30"} {
		if _, err := w.Answer(s, bad); err == nil {
			t.Errorf("Answer(%q) accepted", bad)
		}
	}
}

// walk answers questions by ID until the wizard reaches stop (or ends),
// skipping the rest.
func walk(t *testing.T, w *Wizard, s State, answers map[string]string, stop string) State {
	t.Helper()
	for !w.Done(s) {
		q, _ := w.Current(s)
		if q.ID == stop {
			return s
		}
		a, ok := answers[q.ID]
		if !ok {
			s = w.Skip(s)
			continue
		}
		next, err := w.Answer(s, a)
		if err != nil {
			t.Fatalf("%s: %q: %v", q.ID, a, err)
		}
		s = next
	}
	return s
}

func TestWizardKeepsAnswers(t *testing.T) {
	w := testWizard(t)
	s, err := w.Answer(w.Start("zh"), "5") // general chat
	if err != nil {
		t.Fatal(err)
	}
	back := w.Back(s)
	for name, next := range map[string]func(State) (State, error){
		"enter": func(s State) (State, error) { return w.Answer(s, "") },
		"skip":  func(s State) (State, error) { return w.Skip(s), nil },
	} {
		got, err := next(back)
		if err != nil || got.Profile.Scenario != "general-chat" {
			t.Errorf("%s on an answered question: scenario %q, %v; want it kept", name, got.Profile.Scenario, err)
		}
	}
	if got := w.Clear(back); got.Profile.Scenario != "" {
		t.Errorf("clear kept %q", got.Profile.Scenario)
	}
}

func TestWizardProgressNeverGrows(t *testing.T) {
	w := testWizard(t)
	for _, customers := range []string{"1", "2", "3"} {
		s := w.Start("en")
		_, last := w.Progress(s)
		prevN := 0
		for !w.Done(s) {
			n, total := w.Progress(s)
			if total > last || n != prevN+1 {
				t.Fatalf("customers %s: [%d/%d] after [%d/%d]", customers, n, total, prevN, last)
			}
			last, prevN = total, n
			q, _ := w.Current(s)
			if q.ID == "customers" {
				s, _ = w.Answer(s, customers)
			} else {
				s = w.Skip(s)
			}
		}
	}
}

func TestWizardChoiceMatching(t *testing.T) {
	w := testWizard(t)
	s := walk(t, w, w.Start("zh"), map[string]string{}, "model-strategy")
	tests := []struct {
		in, want, errHas string
	}{
		{"开源", "", "1、2"},                  // two labels hold it: ask for the number
		{"第三方", "third-party", ""},         // a part of one label
		{"closed", "closed", ""},           // the value
		{"7", "", "1-4"},                   // out of range: the number hint
		{"martians", "", "1-4"},            // nothing: the number hint
		{"Own closed model", "closed", ""}, // the English label
	}
	for _, tt := range tests {
		got, err := w.Answer(s, tt.in)
		var ae *AnswerError
		switch {
		case tt.errHas != "":
			if !errors.As(err, &ae) || !strings.Contains(ae.Message("zh"), tt.errHas) {
				t.Errorf("%q: error %v, want one mentioning %q", tt.in, err, tt.errHas)
			}
		case err != nil || got.Profile.ModelStrategy != tt.want:
			t.Errorf("%q: %q, %v; want %q", tt.in, got.Profile.ModelStrategy, err, tt.want)
		}
	}
	// Yes/no words answer bool questions and yes/no choices alike.
	s = walk(t, w, w.Start("zh"), map[string]string{}, "cloud-bills")
	if got, err := w.Answer(s, "不是"); err != nil || !isFalse(got.Profile.CloudBillsOverdue) {
		t.Errorf("不是: %v", err)
	}
	s = walk(t, w, w.Start("zh"), map[string]string{}, "on-device")
	if got, err := w.Answer(s, "不能"); err != nil || got.Profile.OnDeviceSubstitutable != "no" {
		t.Errorf("不能: %v", err)
	}
}

// TestWizardCurrency: the cost question's own examples are accepted, an
// amount in the other currency says which to use, and a changed currency
// is no conflict.
func TestWizardCurrency(t *testing.T) {
	w := testWizard(t)
	s := walk(t, w, w.Start("en"), map[string]string{"currency": "CNY"}, "annual-cost")
	q, _ := w.Current(s)
	for _, ex := range []string{"150M", "3M", "1.5亿", "2000万"} {
		if _, err := w.Answer(s, ex); err != nil && strings.Contains(q.Prompt.EN+q.Prompt.ZH, ex) {
			t.Errorf("the prompt's example %q is refused: %v", ex, err)
		}
	}
	_, err := w.Answer(s, "$3m")
	var ae *AnswerError
	if !errors.As(err, &ae) || !strings.Contains(ae.Message("en"), "write it in yuan") || !strings.Contains(ae.Message("zh"), "请用人民币填写") {
		t.Errorf("$3m after CNY: %v", err)
	}
	s, _ = w.Answer(s, "2000万")
	s = w.Back(w.Back(s))
	if q, _ := w.Current(s); q.ID != "currency" {
		t.Fatalf("at %s", q.ID)
	}
	if s, err = w.Answer(s, "USD"); err != nil || s.Profile.Currency != "USD" {
		t.Errorf("changing the currency: %v", err)
	}
}

func TestWizardReviewAndResume(t *testing.T) {
	w := testWizard(t)
	answers := map[string]string{"scenario": "5", "customers": "1", "paying-users": "2000"}
	s := walk(t, w, w.Start("en"), answers, "")
	if !w.Done(s) || !s.Review {
		t.Fatal("not at the review")
	}
	// Editing customers to "both" makes the enterprise questions relevant:
	// they are asked, then the wizard returns to the review.
	rows := w.Applicable(s)
	s = w.Edit(s, rows[1])
	s, _ = w.Answer(s, "3")
	var asked []string
	for !w.Done(s) {
		q, _ := w.Current(s)
		asked = append(asked, q.ID)
		s = w.Skip(s)
	}
	if !slices.Equal(asked, []string{"hallucination", "digital-maturity"}) {
		t.Errorf("after the edit asked %v, want the two enterprise questions", asked)
	}
	// Back from an edit returns to the review without a change.
	e := w.Back(w.Edit(s, rows[0]))
	if !w.Done(e) {
		t.Error("back from an edit left the review")
	}
	// A saved file resumes at the first question it does not name.
	data, err := EncodeProfile(Profile{Scenario: "agent"}, []string{"customers"})
	if err != nil {
		t.Fatal(err)
	}
	p, seen, err := ParseAnswers(data)
	if err != nil {
		t.Fatal(err)
	}
	r := w.Resume(p, seen, "en")
	if q, _ := w.Current(r); q.ID != "model-strategy" || len(r.History) != 2 {
		t.Errorf("resumed at %s with history %v, want model-strategy after 2", q.ID, r.History)
	}
	if b := w.Back(r); b.Step != r.History[1] {
		t.Error("back from a resumed wizard does not reach the saved answers")
	}
	// It asks only what the file does not name: answered questions later in
	// the bank are not walked through again.
	data, _ = EncodeProfile(Profile{Scenario: "agent", Currency: "CNY", AnnualCost: f64(1e7)}, nil)
	p, seen, _ = ParseAnswers(data)
	r = w.Resume(p, seen, "en")
	for !w.Done(r) {
		q, _ := w.Current(r)
		if slices.Contains(seen, q.Field) {
			t.Errorf("resumed wizard asks %s again", q.ID)
		}
		r = w.Skip(r)
	}
}
