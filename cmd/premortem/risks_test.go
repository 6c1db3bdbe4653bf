package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/premortem/premortem/knowledge"
)

var kbVersion = regexp.MustCompile(`kb-[0-9a-f]{8}`)

// TestRisksGolden pins the printed list and one full mode per language;
// the knowledge version is masked so data edits do not churn the files.
func TestRisksGolden(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
	}{
		{"list-en", nil, []string{"risks", "--lang", "en"}},
		{"list-zh-from-locale", map[string]string{"LANG": "zh_CN.UTF-8"}, []string{"risks"}},
		{"capital-en", nil, []string{"risks", "capital", "--lang", "en"}},
		{"open-source-zh", nil, []string{"risks", "--lang", "zh", "open-source"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runWith(t, tc.env, tc.args...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			golden(t, filepath.Join("testdata", "risks", tc.name+".golden"), kbVersion.ReplaceAllString(out, "kb-VERSION"))
		})
	}
}

// TestRisksJSONQuotesVerbatim checks every quote `risks --json ID` can
// print, for every mode, against the article.
func TestRisksJSONQuotesVerbatim(t *testing.T) {
	a, err := knowledge.ParseArticle(knowledge.ArticleText())
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range knowledge.ModeIDs {
		code, out, errOut := runWith(t, nil, "risks", "--json", id)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", id, code, errOut)
		}
		var d riskDetailJSON
		if err := json.Unmarshal([]byte(out), &d); err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if d.Stance == nil || d.Stance.Answer.ZH == "" || d.Stance.Answer.EN == "" || len(d.Stance.Citations) == 0 {
			t.Errorf("%s: no stance in the JSON: %+v", id, d.Stance)
		}
		cs := []knowledge.Citation{d.Heading}
		if d.Stance != nil {
			cs = append(cs, d.Stance.Citations...)
		}
		for _, group := range [][]claimJSON{d.Signals, d.Actions, d.Evidence} {
			for _, c := range group {
				cs = append(cs, c.Citations...)
			}
		}
		for _, x := range d.Benchmarks {
			cs = append(cs, x.Citation)
			if !strings.Contains(x.Citation.Quote, x.Text) {
				t.Errorf("%s: benchmark %s figure %q not in its quote", id, x.ID, x.Text)
			}
		}
		for _, c := range d.Cases {
			cs = append(cs, c.Citations...)
			for _, cl := range c.Claims {
				cs = append(cs, cl.Citations...)
			}
		}
		for _, c := range cs {
			if err := a.Verify(c); err != nil {
				t.Errorf("%s: %v", id, err)
			}
		}
		if d.ID != id || d.Title.ZH == "" || d.Title.EN == "" || len(d.Benchmarks) == 0 || len(d.Cases) == 0 {
			t.Errorf("%s: incomplete JSON: %+v", id, d)
		}
	}
	code, out, _ := runWith(t, nil, "risks", "--json")
	var l riskListJSON
	if code != 0 || json.Unmarshal([]byte(out), &l) != nil || len(l.Risks) != 7 {
		t.Errorf("risks --json: exit %d, %d risks: %s", code, len(l.Risks), out)
	}
}

func TestRisksBadInput(t *testing.T) {
	pack := t.TempDir()
	if err := os.WriteFile(filepath.Join(pack, "x.yaml"), []byte("cases: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(t.TempDir(), "premortem.yaml")
	if err := os.WriteFile(cfg, []byte("knowledge:\n  packs: ["+pack+"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string // stderr
	}{
		{"unknown ID", []string{"risks", "money"},
			`premortem risks: unknown risk "money"; valid IDs: market, open-source, scenario, generality, segment, capital, on-device`},
		{"two IDs", []string{"risks", "market", "capital"}, "premortem risks: one risk ID at most, got 2 (market capital)"},
		{"bad lang", []string{"risks", "--lang", "fr"}, `premortem risks: unknown --lang "fr"; use zh or en`},
		{"broken pack", []string{"risks", "--config", cfg},
			"premortem risks: knowledge pack " + pack + "/x.yaml: invalid YAML: line 1: did not find expected node content"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runWith(t, nil, tc.args...)
			if code != 1 || out != "" {
				t.Errorf("exit %d, stdout %q; want 1 and nothing", code, out)
			}
			if got := strings.TrimSuffix(errOut, "\n"); got != tc.want {
				t.Errorf("stderr\n got: %s\nwant: %s", got, tc.want)
			}
		})
	}
}
