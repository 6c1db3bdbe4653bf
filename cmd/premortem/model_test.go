package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/premortem/premortem/internal/fakellm"
	"github.com/premortem/premortem/internal/fakeopenai"
)

// hostedConfig writes a config whose backend "hosted" is an OpenAI-compatible
// server at url, and returns its path. extra is added to the backend.
func hostedConfig(t *testing.T, url, extra string) string {
	t.Helper()
	return writeConfig(t, fmt.Sprintf(`models:
  default: builtin
  fallback: [builtin]
  backends:
    hosted:
      provider: openai
      base_url: %s
      model: deepseek-chat
      retries: 0
%s
log:
  level: error
`, url, extra))
}

// fakeHosted starts an OpenAI-compatible fake playing steps.
func fakeHosted(t *testing.T, steps ...fakellm.Step) (*fakeopenai.Server, *fakellm.Script) {
	t.Helper()
	script := fakellm.NewScript(steps...)
	srv := fakeopenai.New(script, "deepseek-chat")
	t.Cleanup(srv.Close)
	return srv, script
}

func evalJSON(t *testing.T, args ...string) (int, evalReport, string) {
	t.Helper()
	code, out, errOut := runCLI(t, append([]string{"eval", "--json"}, args...)...)
	var rep evalReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("eval --json: %v\n%s\nstderr: %s", err, out, errOut)
	}
	return code, rep, errOut
}

const devset = "../../testdata/devset.yaml"

func TestEvalScoresWhatTheModelWrote(t *testing.T) {
	dead, _ := fakeHosted(t)
	dead.Close()
	tests := []struct {
		name     string
		url      string
		steps    []fakellm.Step
		fails    bool
		check    func(t *testing.T, s evalScores)
		errorHas string
	}{
		{"dead backend", dead.URL, nil, true, func(t *testing.T, s evalScores) {
			if s.AnsweredByModel != 0 || s.ModelRecallAt3 != 0 || s.Fallbacks != s.Asked || s.RecallAt3 < 0.95 {
				t.Errorf("answered %d/%d, model recall %.3f, fallbacks %d, recall %.3f", s.AnsweredByModel, s.Asked, s.ModelRecallAt3, s.Fallbacks, s.RecallAt3)
			}
		}, "hosted wrote none of the"},
		{"cites nothing", "", []fakellm.Step{fakellm.CiteNothing()}, false, func(t *testing.T, s evalScores) {
			if s.AnsweredByModel != s.Asked || s.ModelRecallAt3 != 0 || s.RecallAt3 < 0.95 {
				t.Errorf("answered %d/%d, model recall %.3f (want 0), retrieval recall %.3f (want >= 0.95)", s.AnsweredByModel, s.Asked, s.ModelRecallAt3, s.RecallAt3)
			}
		}, ""},
		{"cites what it is given", "", []fakellm.Step{fakellm.CiteGiven(0)}, false, func(t *testing.T, s evalScores) {
			if s.ModelRecallAt3 != s.RecallAt3 || s.AnsweredByModel != s.Asked || s.ModelFigureHits == 0 || s.FirstTokenP50MS <= 0 {
				t.Errorf("model recall %.3f, retrieval recall %.3f (want equal), answered %d/%d, figures %d, first token %v",
					s.ModelRecallAt3, s.RecallAt3, s.AnsweredByModel, s.Asked, s.ModelFigureHits, s.FirstTokenP50MS)
			}
		}, ""},
		{"empty bodies", "", []fakellm.Step{fakellm.Empty()}, true, func(t *testing.T, s evalScores) {
			if s.AnsweredByModel != 0 || s.Errors != 0 || s.Fallbacks != s.Asked {
				t.Errorf("answered %d, errors %d, fallbacks %d of %d", s.AnsweredByModel, s.Errors, s.Fallbacks, s.Asked)
			}
		}, "hosted wrote none of the"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url := tt.url
			if url == "" {
				srv, _ := fakeHosted(t, tt.steps...)
				url = srv.URL
			}
			code, rep, errOut := evalJSON(t, "--config", hostedConfig(t, url, ""), "--set", devset, "--model", "hosted")
			if (code != 0) != tt.fails || !strings.Contains(errOut, tt.errorHas) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
				t.Errorf("exit %d, stderr %q; want failure %v saying %q in one line", code, errOut, tt.fails, tt.errorHas)
			}
			if len(rep.Models) != 1 || rep.Models[0].Model != "hosted" {
				t.Fatalf("models %+v", rep.Models)
			}
			tt.check(t, rep.Models[0])
		})
	}
}

// Citing only the first entry it is given, a model's recall@3 is the
// share of questions whose first retrieved risk is expected, on a set
// where each question expects one risk: retrieval's recall@1.
func TestEvalModelRecallMatchesWhatItCited(t *testing.T) {
	srv, _ := fakeHosted(t, fakellm.CiteGiven(1))
	set := filepath.Join(t.TempDir(), "one.yaml")
	body := `- q: 我们技术很强,benchmark 都是第一,但就是没人买单,怎么办?
  expect: [market]
- q: 账上只剩半年现金,下一轮还没谈下来
  expect: [capital]
- q: we give our weights away, how do we make money?
  expect: [open-source]
- q: 明天北京天气怎么样
  expect: []
`
	if err := os.WriteFile(set, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	code, rep, errOut := evalJSON(t, "--config", hostedConfig(t, srv.URL, ""), "--set", set, "--model", "builtin,hosted")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	b, h := rep.Models[0], rep.Models[1]
	if h.ModelRecallAt3 != h.RecallAt1 || b.ModelRecallAt3 != b.RecallAt3 || h.AnsweredByModel != 3 || h.Asked != 3 {
		t.Errorf("hosted: model recall %.3f, recall@1 %.3f, answered %d/%d; builtin: model recall %.3f, recall@3 %.3f",
			h.ModelRecallAt3, h.RecallAt1, h.AnsweredByModel, h.Asked, b.ModelRecallAt3, b.RecallAt3)
	}
}

func TestEvalRouteBoth(t *testing.T) {
	srv, script := fakeHosted(t, fakellm.CiteGiven(0))
	script.Route(fakellm.Reply(`{"modes":["capital"]}`), fakellm.Reply(`{"modes": capital`))
	set := filepath.Join(t.TempDir(), "two.yaml")
	if err := os.WriteFile(set, []byte("- q: 账上只剩半年现金\n  expect: [capital]\n- q: 钱还能烧一年\n  expect: [capital]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, rep, errOut := evalJSON(t, "--config", hostedConfig(t, srv.URL, "      route: true"), "--set", set, "--model", "hosted", "--route", "both")
	if code != 0 || len(rep.Models) != 2 {
		t.Fatalf("exit %d, %d columns: %s", code, len(rep.Models), errOut)
	}
	with, without := rep.Models[0], rep.Models[1]
	if with.Model != "hosted" || without.Model != "hosted (no route)" || with.Routed != 1 || with.RouteFailures != 1 || without.Routed+without.RouteFailures != 0 {
		t.Errorf("columns %+v / %+v", with, without)
	}
}

func TestEvalEmptyList(t *testing.T) {
	set := filepath.Join(t.TempDir(), "empty.yaml")
	os.WriteFile(set, []byte("[]\n"), 0o600)
	code, _, errOut := runCLI(t, "eval", "--set", set)
	if code == 0 || !strings.Contains(errOut, "has no questions") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestAskModelPrintsOnceWithQuotes(t *testing.T) {
	srv, _ := fakeHosted(t, fakellm.Reply("Your biggest risk is `open-source`: ", "Stability AI lost 9.9亿美元 ", "(`moat`). ", "Watch `capital` too."))
	code, out, errOut := runCLI(t, "ask", "--config", hostedConfig(t, srv.URL, ""), "--model", "hosted", "we give our weights away, how do we make money?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Your biggest risk is `open-source`", "9.9亿美元 (unverified)", "From the article:", "`open-source` ", "para. ", "「", "— answered by hosted (deepseek-chat)"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "Your biggest risk"); n != 1 {
		t.Errorf("the answer is printed %d times:\n%s", n, out)
	}
	if strings.Contains(out, "moat") || strings.Contains(out, "()") {
		t.Errorf("an invented citation or its brackets were shown:\n%s", out)
	}
}

func TestAskAnnouncesAHang(t *testing.T) {
	srv, _ := fakeHosted(t, fakellm.Hang())
	cfg := hostedConfig(t, srv.URL, "      first_token_timeout: 2500ms")
	start := time.Now()
	code, out, errOut := runCLI(t, "ask", "--config", cfg, "--model", "hosted", "we give our weights away, how do we make money?")
	t.Logf("answered after %v", time.Since(start).Round(100*time.Millisecond))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "waiting for hosted (deepseek-chat)...\nhosted (deepseek-chat) failed: no first token within 2.5s; the built-in composer answers instead\n"
	if errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	if !strings.Contains(out, "standing in for hosted") {
		t.Errorf("the fallback answer does not say so:\n%s", out)
	}
}
