package assess

import (
	"encoding/json"
	"errors"
	"slices"
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
