package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalDevset holds the product's quality targets on the development
// set: recall@3 at least 0.95 and every off-topic question citing nothing.
func TestEvalDevset(t *testing.T) {
	code, out, errOut := runCLI(t, "eval", "--set", "../../testdata/devset.yaml", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep evalReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, out)
	}
	if len(rep.Models) != 1 || rep.Questions < 70 {
		t.Fatalf("%d models, %d questions; want 1 model, at least 70 questions", len(rep.Models), rep.Questions)
	}
	s := rep.Models[0]
	if s.OffTopic < 8 {
		t.Errorf("only %d off-topic questions in the devset", s.OffTopic)
	}
	if s.RecallAt3 < 0.95 || s.OffTopicAccuracy < 1 || s.FigureHits < s.Figures {
		for _, m := range s.Misses {
			t.Logf("miss: %q expected %v got %v missing figures %v", m.Q, m.Expected, m.Got, m.MissingFigures)
		}
		t.Errorf("recall@3 %.3f (want >= 0.95), off-topic accuracy %.3f (want 1), figures %d/%d",
			s.RecallAt3, s.OffTopicAccuracy, s.FigureHits, s.Figures)
	}
}

func TestEvalTable(t *testing.T) {
	code, out, errOut := runCLI(t, "eval", "--set", "../../testdata/heldout.yaml", "--model", "builtin,builtin")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"recall@1", "recall@3", "MRR", "off-topic accuracy", "figure hits", "latency p95 ms", "builtin"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func TestEvalBadSets(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no set", []string{"eval"}, "Usage"},
		{"missing file", []string{"eval", "--set", filepath.Join(dir, "nope.yaml")}, "read question set"},
		{"unknown field", []string{"eval", "--set", write("f.yaml", "- q: hi\n  expected: [market]\n")}, "expected"},
		{"unknown id", []string{"eval", "--set", write("id.yaml", "- q: hi\n  expect: [markets]\n")}, `unknown failure mode "markets"`},
		{"empty q", []string{"eval", "--set", write("q.yaml", "- q: ''\n  expect: []\n")}, "has no q"},
		{"empty file", []string{"eval", "--set", write("e.yaml", "")}, "empty"},
		{"not a list", []string{"eval", "--set", write("l.yaml", "q: hi\n")}, "question set"},
		{"unknown model", []string{"eval", "--set", write("ok.yaml", "- q: hi\n  expect: []\n"), "--model", "nosuch"}, "nosuch"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errOut := runCLI(t, tc.args...)
			if code == 0 {
				t.Fatal("exit 0, want non-zero")
			}
			if !strings.Contains(errOut, tc.want) {
				t.Errorf("stderr %q does not say %q", errOut, tc.want)
			}
		})
	}
}
