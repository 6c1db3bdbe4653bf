package main

import (
	"encoding/json"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	stabilityProfile = "../../examples/stability.yaml"
	chatProfile      = "../../examples/consumer-chat.yaml"
)

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
			Actions    []string          `json:"actions"`
		} `json:"risks"`
		Overall struct {
			Score int    `json:"score"`
			Level string `json:"level"`
		} `json:"overall"`
		Summary  string   `json:"summary"`
		Enough   bool     `json:"enough"`
		Explain  []string `json:"explain"`
		InFavour []struct {
			ID, Text string
		} `json:"in_favour"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(rep.Risks) != 7 || rep.Summary == "" || rep.Overall.Level == "" || !rep.Enough || len(rep.InFavour) == 0 {
		t.Fatalf("report %+v", rep)
	}
	levels := map[string]string{}
	explained := map[string]bool{}
	for _, id := range rep.Explain {
		explained[id] = true
	}
	for i, r := range rep.Risks {
		if i > 0 && r.Score > rep.Risks[i-1].Score {
			t.Errorf("risks not ordered by score: %s %d after %d", r.ID, r.Score, rep.Risks[i-1].Score)
		}
		if r.Reasons == nil || r.Benchmarks == nil || r.Citations == nil {
			t.Errorf("%s: null list", r.ID)
		}
		if r.Level != "low" && (!explained[r.ID] || len(r.Reasons) == 0 || len(r.Actions) == 0) {
			t.Errorf("%s at %s is not explained with reasons and an action", r.ID, r.Level)
		}
		levels[r.ID] = r.Level
	}
	for _, id := range []string{"market", "open-source", "capital"} {
		if levels[id] != "high" && levels[id] != "critical" {
			t.Errorf("%s level %s, want high or critical", id, levels[id])
		}
	}
}

// TestAssessTextGolden pins the terminal report: aligned columns in both
// languages, every fate at medium or above explained, favours apart.
func TestAssessTextGolden(t *testing.T) {
	for _, tt := range []struct{ profile, lang, golden string }{
		{chatProfile, "zh", "testdata/assess/consumer-chat.zh.txt"},
		{stabilityProfile, "en", "testdata/assess/stability.en.txt"},
		{"../../assess/testdata/profiles/empty.yaml", "zh", "testdata/assess/empty.zh.txt"},
	} {
		t.Run(filepath.Base(tt.golden), func(t *testing.T) {
			code, out, errs := runCLI(t, "assess", "--profile", tt.profile, "--lang", tt.lang)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden(t, tt.golden, out)
		})
	}
}

func TestAssessNotEnoughAnswers(t *testing.T) {
	code, out, _ := runCLI(t, "assess", "--profile", "../../assess/testdata/profiles/only-cost.yaml", "--lang", "en")
	if code != 0 || !strings.Contains(out, "Not enough answers to score yet") || strings.Contains(out, "Overall risk low") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestAssessFiles(t *testing.T) {
	dir := t.TempDir()
	chart, jpg, md := filepath.Join(dir, "r.png"), filepath.Join(dir, "r.jpg"), filepath.Join(dir, "out", "r.md")
	os.Mkdir(filepath.Join(dir, "out"), 0o755)
	code, out, errs := runCLI(t, "assess", "--profile", stabilityProfile, "--chart", chart, "--markdown", md, "--lang", "en")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "capital") {
		t.Errorf("text report lacks capital:\n%s", out)
	}
	for _, want := range []string{"chart written to " + chart, "Markdown report written to " + md} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr %q lacks %q", errs, want)
		}
	}
	b, err := os.ReadFile(md)
	if err != nil || !strings.Contains(string(b), "`open-source`") || !strings.Contains(string(b), "](../r.png)") {
		t.Errorf("markdown (%v) lacks the risks or the chart link:\n%s", err, b)
	}
	if code, _, errs := runCLI(t, "assess", "--profile", stabilityProfile, "--chart", jpg); code != 0 {
		t.Fatalf("jpg: exit %d: %s", code, errs)
	}
	for path, format := range map[string]string{chart: "png", jpg: "jpeg"} {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		_, kind, err := image.Decode(f)
		f.Close()
		if err != nil || kind != format {
			t.Errorf("%s: decoded as %q (%v), want %s", path, kind, err, format)
		}
		if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
			t.Errorf("%s mode %v, want 0644", path, fi.Mode().Perm())
		}
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
		{"misspelt field", []string{"--profile", write("m.yaml", "runway_month: 5\n")}, "did you mean runway_months?"},
		{"wrong type", []string{"--profile", write("w.yaml", "runway_months: soon\n")}, "runway_months"},
		{"bad enum", []string{"--profile", write("e.json", `{"customers": "martians"}`)}, "customers"},
		{"missing file", []string{"--profile", filepath.Join(dir, "nope.yaml")}, "read profile"},
		{"bad lang", []string{"--profile", stabilityProfile, "--lang", "fr"}, "--lang"},
		{"stray argument", []string{stabilityProfile}, "--profile"},
		{"chart format", []string{"--profile", stabilityProfile, "--chart", filepath.Join(dir, "c.gif")}, ".png or .jpg"},
		{"profile and save", []string{"--profile", stabilityProfile, "--save", filepath.Join(dir, "s.yaml")}, "--save"},
		{"resume missing", []string{"--resume", filepath.Join(dir, "nope.yaml")}, "resume"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := filepath.Join(dir, tt.name+".md")
			code, out, errs := runCLI(t, append([]string{"assess", "--markdown", md}, tt.args...)...)
			if code == 0 || !strings.Contains(errs, tt.want) || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
				t.Errorf("exit %d, stderr %q: want one line mentioning %q (stdout %q)", code, errs, tt.want, out)
			}
			if _, err := os.Stat(md); err == nil {
				t.Error("a report was written despite the error")
			}
		})
	}
}

// TestAssessLang: the report follows --lang, else the locale, like risks.
func TestAssessLang(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{map[string]string{"LANG": "zh_CN.UTF-8"}, nil, "总体风险"},
		{map[string]string{"LANG": "en_US.UTF-8"}, nil, "Overall risk"},
		{map[string]string{"LANG": "en_US.UTF-8"}, []string{"--lang", "zh"}, "总体风险"},
		{nil, nil, "Overall risk"},
	} {
		code, out, _ := runCLIInput(t, "", tt.env, append([]string{"assess", "--profile", stabilityProfile}, tt.args...)...)
		if code != 0 || !strings.HasPrefix(out, tt.want) {
			t.Errorf("env %v args %v: exit %d, report starts %q", tt.env, tt.args, code, out[:min(40, len(out))])
		}
	}
}

// TestGlobalFlags: --config may come before the command, as the usage
// line in config.example.yaml writes it.
func TestGlobalFlags(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(cfg, []byte("log:\n  level: warn\n"), 0o644)
	for _, args := range [][]string{
		{"--config", cfg, "assess", "--profile", stabilityProfile, "--json"},
		{"--config=" + cfg, "assess", "--profile", stabilityProfile, "--json"},
		{"-config", cfg, "assess", "--json", "--profile", stabilityProfile},
	} {
		if code, out, errs := runCLI(t, args...); code != 0 || !strings.Contains(out, `"overall"`) {
			t.Errorf("%v: exit %d %s", args, code, errs)
		}
	}
	if code, _, errs := runCLI(t, "--verbose", "assess"); code != 2 || !strings.Contains(errs, "--config") {
		t.Errorf("unknown global flag: exit %d %q", code, errs)
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("logg: {}\n"), 0o644)
	if code, _, errs := runCLI(t, "--config", bad, "risks"); code == 0 || !strings.Contains(errs, "did you mean log") {
		t.Errorf("bad config before the command: exit %d %q", code, errs)
	}
}
