package knowledge

import (
	"slices"
	"strings"
	"testing"
)

// TestSearchEverydayWords: an everyday word, or a weak word inside a phrase
// that means something else, ranks no mode and is never shown as a term.
func TestSearchEverydayWords(t *testing.T) {
	ix := NewIndex(loadForTest(t))
	tests := []struct {
		q     string
		first string // the mode the question is about
		not   string // a mode only the everyday word pointed at
		word  string // never a term of any hit
	}{
		{"Should we buy GPUs or rent them? We have $30M raised and need about 500 H100s for training.", "capital", "scenario", "need"},
		{"Is electricity going to be a problem for us? We're planning a 10,000 GPU training cluster.", "capital", "scenario", "planning"},
		{"我们年成本5000万美元,年收入300万美元,这个比例在行业里算什么水平?", "market", "generality", "行业里"},
		{"Our runway is 2 years, burn $1M per month, cash $5M.", "capital", "segment", "month"},
		{"We build an AI agent for logistics companies. Burn is $2M a month, we have $18M in the bank and 3 enterprise customers.", "capital", "", "bank"},
		{"We build an AI agent for logistics companies. Burn is $2M a month, we have $18M in the bank and 3 enterprise customers.", "capital", "", "month"},
		{"GPU cloud bills are eating our runway", "capital", "generality", ""},
	}
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			res := ix.Search(tc.q)
			got := ids(res.Modes)
			if len(got) == 0 || got[0] != tc.first {
				t.Fatalf("modes %v, want %s first", got, tc.first)
			}
			if tc.not != "" && slices.Contains(got[:min(3, len(got))], tc.not) {
				t.Errorf("modes %v: %s ranks on an everyday word", got, tc.not)
			}
			for _, h := range append(res.Modes, res.Benchmarks...) {
				for _, term := range h.Terms {
					if tc.word != "" && strings.EqualFold(term, tc.word) {
						t.Errorf("%s shows the everyday word %q as a term (%v)", h.ID, term, h.Terms)
					}
				}
			}
		})
	}
}

// TestConceptsBeside: a beside rule names a tag concept and a count.
func TestConceptsBeside(t *testing.T) {
	for _, tc := range []struct{ name, yaml string }{
		{"not a tag", "- id: a\n  zh: [甲乙]\n- id: b\n  kind: out\n  beside: {a: 1}\n  en: [bee]\n"},
		{"unknown", "- id: b\n  kind: out\n  beside: {nope: 1}\n  en: [bee]\n"},
		{"zero", "- id: a\n  kind: tag\n  en: [ay]\n- id: b\n  kind: out\n  beside: {a: 0}\n  en: [bee]\n"},
		{"not out", "- id: a\n  kind: tag\n  en: [ay]\n- id: b\n  beside: {a: 1}\n  en: [bee]\n"},
		{"lift, not out", "- id: a\n  lift: topic\n  en: [ay]\n"},
		{"an out form with two homes", "- id: a\n  en: [step by step]\n- id: b\n  kind: ask\n  en: [~Step by step]\n"},
		{"asker, not out", "- id: a\n  asker: true\n  en: [ay]\n"},
		{"unknown lift", "- id: a\n  kind: out\n  lift: sometimes\n  en: [ay]\n"},
	} {
		if _, err := parseConcepts([]byte(tc.yaml)); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	if _, err := parseConcepts([]byte("- id: a\n  kind: tag\n  en: [ay]\n- id: b\n  kind: out\n  beside: {a: 2}\n  en: [bee]\n")); err != nil {
		t.Errorf("a valid beside rule: %v", err)
	}
}
