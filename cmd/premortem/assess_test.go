package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const stabilityProfile = "../../assess/testdata/profiles/stability.yaml"

// runCLIInput is runCLI with standard input.
func runCLIInput(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cli{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code := run(context.Background(), env, args)
	return code, out.String(), errb.String()
}

func TestAssessJSONContract(t *testing.T) {
	code, out, errs := runCLI(t, "assess", "--profile", stabilityProfile, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep struct {
		Risks []struct {
			ID         string            `json:"id"`
			Score      int               `json:"score"`
			Level      string            `json:"level"`
			Reasons    []string          `json:"reasons"`
			Benchmarks []json.RawMessage `json:"benchmarks"`
			Citations  []json.RawMessage `json:"citations"`
		} `json:"risks"`
		Overall struct {
			Score int    `json:"score"`
			Level string `json:"level"`
		} `json:"overall"`
		Summary string `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(rep.Risks) != 7 || rep.Summary == "" || rep.Overall.Level == "" {
		t.Fatalf("report %+v", rep)
	}
	levels := map[string]string{}
	for i, r := range rep.Risks {
		if i > 0 && r.Score > rep.Risks[i-1].Score {
			t.Errorf("risks not ordered by score: %s %d after %d", r.ID, r.Score, rep.Risks[i-1].Score)
		}
		if r.Reasons == nil || r.Benchmarks == nil || r.Citations == nil {
			t.Errorf("%s: null list", r.ID)
		}
		levels[r.ID] = r.Level
	}
	for _, id := range []string{"market", "open-source", "capital"} {
		if levels[id] != "high" && levels[id] != "critical" {
			t.Errorf("%s level %s, want high or critical", id, levels[id])
		}
	}
}

func TestAssessFiles(t *testing.T) {
	dir := t.TempDir()
	chart, md := filepath.Join(dir, "r.png"), filepath.Join(dir, "r.md")
	code, out, errs := runCLI(t, "assess", "--profile", stabilityProfile, "--chart", chart, "--markdown", md, "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "capital") {
		t.Errorf("text report lacks capital:\n%s", out)
	}
	f, err := os.Open(chart)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := png.Decode(f); err != nil {
		t.Errorf("chart: %v", err)
	}
	b, err := os.ReadFile(md)
	if err != nil || !strings.Contains(string(b), "`open-source`") {
		t.Errorf("markdown: %v", err)
	}
}

func TestAssessBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(s), 0o644)
		return p
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown field", []string{"--profile", write("u.yaml", "scenario: agent\nteam_size: 5\n")}, `unknown field "team_size"`},
		{"wrong type", []string{"--profile", write("w.yaml", "runway_months: soon\n")}, "runway_months"},
		{"bad enum", []string{"--profile", write("e.json", `{"customers": "martians"}`)}, "customers"},
		{"missing file", []string{"--profile", filepath.Join(dir, "nope.yaml")}, "read profile"},
		{"bad lang", []string{"--profile", stabilityProfile, "--lang", "fr"}, "--lang"},
		{"stray argument", []string{stabilityProfile}, "--profile"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chart := filepath.Join(dir, tt.name+".png")
			code, out, errs := runCLI(t, append([]string{"assess", "--chart", chart}, tt.args...)...)
			if code == 0 || !strings.Contains(errs, tt.want) || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
				t.Errorf("exit %d, stderr %q: want one line mentioning %q (stdout %q)", code, errs, tt.want, out)
			}
			if _, err := os.Stat(chart); err == nil {
				t.Error("a chart was written despite the error")
			}
		})
	}
}

func TestAssessTerminalWizard(t *testing.T) {
	dir := t.TempDir()
	save := filepath.Join(dir, "p.yaml")
	input := strings.Join([]string{
		"1",        // scenario: text-to-image
		"consumer", // customers
		"bogus",    // not a choice: asked again
		"1",        // model strategy: open-source
		"back",     // back to model strategy
		"1",        // open-source again
		"general",  // model scope
		"USD",      // currency
		"-3",       // negative: asked again
		"1.53亿",    // cost
		"$11m",     // revenue
		"3个月",      // runway
		"否",        // parent
		"yes",      // cloud bills overdue
		"skip",     // paying users
		"partly",   // on-device
		"是",        // platform giants
	}, "\n") + "\n"
	code, out, errs := runCLIInput(t, input, "assess", "--save", save, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{"[1/", "不是可选项", "负数", `"overall"`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	b, err := os.ReadFile(save)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"scenario: text-to-image", "annual_cost: 1.53e+08", "cloud_bills_overdue: true"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("saved profile lacks %q:\n%s", want, b)
		}
	}
	// The saved profile reads back and gives the same report.
	code, again, _ := runCLI(t, "assess", "--profile", save, "--json")
	if code != 0 || !strings.Contains(out, strings.TrimSpace(again)) {
		t.Errorf("saved profile report differs")
	}
}

func TestAssessWizardQuit(t *testing.T) {
	for _, input := range []string{"1\nquit\n", "1\n"} {
		code, out, _ := runCLIInput(t, input, "assess", "--lang", "en")
		if code != 0 || strings.Contains(out, "Overall risk") {
			t.Errorf("input %q: exit %d, printed a report:\n%s", input, code, out)
		}
	}
}
