package main

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// runCLI runs one command line in-process with no config and no
// environment, and returns its exit code and output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runCLIInput(t, "", nil, args...)
}

// runWith is runCLI with env as the environment.
func runWith(t *testing.T, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	return runCLIInput(t, "", env, args...)
}

// runCLIInput is runCLI with standard input and environment.
func runCLIInput(t *testing.T, stdin string, env map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	c := &cli{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(k string) string { return env[k] }}
	code := run(context.Background(), c, args)
	return code, out.String(), errb.String()
}

// askJSON is the `ask --json` contract of PRODUCT.md, decoded loosely
// enough to tell null from [].
type askJSON struct {
	Question   string             `json:"question"`
	Lang       string             `json:"lang"`
	Answer     string             `json:"answer"`
	Risks      *[]json.RawMessage `json:"risks"`
	Benchmarks *[]json.RawMessage `json:"benchmarks"`
	Model      struct {
		Backend string `json:"backend"`
		Name    string `json:"name"`
	} `json:"model"`
	TimingMS map[string]float64 `json:"timing_ms"`
}

type riskJSON struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Score     float64 `json:"score"`
	Why       string  `json:"why"`
	Citations []struct {
		Paragraph int    `json:"paragraph"`
		Quote     string `json:"quote"`
	} `json:"citations"`
}

func TestAskJSON(t *testing.T) {
	tests := []struct {
		name      string
		args      []string
		lang      string
		firstRisk string // "" = off-topic: no risks
	}{
		{"open source zh", []string{"ask", "--json", "我们把模型开源了,接下来怎么赚钱?"}, "zh", "open-source"},
		{"weights en, flag after", []string{"ask", "we give our weights away,", "how do we make money?", "--json"}, "en", "open-source"},
		{"runway zh", []string{"ask", "--json", "账上只剩半年现金"}, "zh", "capital"},
		{"off-topic", []string{"ask", "--json", "明天北京天气怎么样"}, "zh", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.args...)
			if code != 0 {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			var got askJSON
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("output is not one JSON object: %v\n%s", err, out)
			}
			if got.Risks == nil || got.Benchmarks == nil {
				t.Fatalf("risks or benchmarks is null, want a list:\n%s", out)
			}
			if got.Lang != tc.lang {
				t.Errorf("lang = %q, want %q", got.Lang, tc.lang)
			}
			if got.Model.Backend != "builtin" || got.Answer == "" {
				t.Errorf("model %+v, answer %q: want a builtin answer", got.Model, got.Answer)
			}
			if tc.firstRisk == "" {
				if len(*got.Risks) != 0 || len(*got.Benchmarks) != 0 {
					t.Errorf("off-topic question cites %d risks, %d benchmarks", len(*got.Risks), len(*got.Benchmarks))
				}
				if strings.Contains(got.Answer, "`market`") {
					t.Errorf("off-topic answer shows a risk ID: %q", got.Answer)
				}
				return
			}
			if len(*got.Risks) == 0 {
				t.Fatalf("no risks for an on-topic question")
			}
			var first riskJSON
			if err := json.Unmarshal((*got.Risks)[0], &first); err != nil {
				t.Fatal(err)
			}
			if first.ID != tc.firstRisk {
				t.Errorf("first risk %q, want %q", first.ID, tc.firstRisk)
			}
			if len(first.Citations) == 0 || first.Why == "" || first.Title == "" || first.Score <= 0 || first.Score > 1 {
				t.Errorf("first risk incomplete: %+v", first)
			}
			if !strings.Contains(got.Answer, "`"+tc.firstRisk+"`") {
				t.Errorf("answer does not show the ID `%s` as code", tc.firstRisk)
			}
		})
	}
}

func TestAskPlain(t *testing.T) {
	code, out, _ := runCLI(t, "ask", "what", "is", "the", "biggest", "risk", "for", "my", "AI", "startup?")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.HasSuffix(out, "— answered by builtin\n") {
		t.Errorf("no footer naming the model:\n%s", out)
	}
}

func TestAskBadInput(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no question", []string{"ask"}, "empty"},
		{"whitespace", []string{"ask", "  \t\n "}, "empty"},
		{"100 KB", []string{"ask", strings.Repeat("钱", 100<<10/3)}, "longer than 4000 characters"},
		{"unknown flag", []string{"ask", "--nope", "q"}, "flag provided but not defined"},
		{"unknown model", []string{"ask", "--model", "nosuch", "q"}, "nosuch"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.args...)
			if code == 0 {
				t.Fatalf("exit 0, want non-zero; stdout %q", out)
			}
			if !strings.Contains(errOut, tc.want) {
				t.Errorf("stderr %q does not say %q", errOut, tc.want)
			}
			if lines := strings.Count(strings.TrimSpace(errOut), "\n"); lines > 0 && tc.name != "unknown flag" {
				t.Errorf("stderr has %d lines, want one: %q", lines+1, errOut)
			}
		})
	}
}
