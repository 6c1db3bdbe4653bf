package knowledge

import (
	"strings"
	"testing"
)

func TestQuestions(t *testing.T) {
	qs, err := Questions()
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 12 || len(qs) > 18 { // a short wizard: every profile field at most once
		t.Errorf("%d questions, want 12 to 18", len(qs))
	}
	for _, q := range qs {
		if q.Kind == "bool" && len(q.Choices) != 2 {
			t.Errorf("%s: bool without yes/no", q.ID)
		}
	}
}

func TestParseQuestionsErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"unknown field", "- {id: a, field: f, kind: amount, modes: [market], prompt: {zh: 甲, en: a}, bogus: 1}", "bogus"},
		{"bad kind", "- {id: a, field: f, kind: essay, modes: [market], prompt: {zh: 甲, en: a}}", "kind"},
		{"bad mode", "- {id: a, field: f, kind: amount, modes: [weather], prompt: {zh: 甲, en: a}}", "weather"},
		{"no english", "- {id: a, field: f, kind: amount, modes: [market], prompt: {zh: 甲}}", "prompt"},
		{"choice without choices", "- {id: a, field: f, kind: choice, modes: [market], prompt: {zh: 甲, en: a}}", "choices"},
		{"duplicate", "- {id: a, field: f, kind: amount, modes: [market], prompt: {zh: 甲, en: a}}\n- {id: a, field: g, kind: amount, modes: [market], prompt: {zh: 甲, en: a}}", "twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseQuestions([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want mention of %q", err, tt.want)
			}
		})
	}
}
