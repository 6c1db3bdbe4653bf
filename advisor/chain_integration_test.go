package advisor

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/llm"
	"github.com/premortem/premortem/provider/ollama"
	"github.com/premortem/premortem/provider/openai"
	"github.com/premortem/premortem/provider/providertest"
)

// realBackends returns both providers pointed at the real Ollama that
// .ci/ollama.sh starts, or skips.
func realBackends(t *testing.T) []BackendSpec {
	url, model := providertest.LocalOllama(t)
	native, err := ollama.New(ollama.Config{BaseURL: url, Model: model})
	if err != nil {
		t.Fatal(err)
	}
	v1, err := openai.New(openai.Config{BaseURL: url + "/v1", Model: model})
	if err != nil {
		t.Fatal(err)
	}
	spec := func(name, provider string, m llm.Model) BackendSpec {
		return BackendSpec{Name: name, Provider: provider, ModelName: model, Model: m, Timeout: time.Minute, MaxTokens: 64}
	}
	return []BackendSpec{spec("local", "ollama", native), spec("local-v1", "openai", v1)}
}

func TestRealOllamaWritesCheckedAnswers(t *testing.T) {
	specs := realBackends(t)
	a, _ := testAdvisor(t, specs...)
	for _, s := range specs {
		t.Run(s.Name, func(t *testing.T) {
			ans, shown, err := ask(t, a, s.Name)
			if err != nil {
				t.Fatal(err)
			}
			if ans.Model.Backend != s.Name || ans.Model.FallbackFrom != "" || ans.Model.Name == "" {
				t.Errorf("model = %+v, want %s with no fallback", ans.Model, s.Name)
			}
			// The tiny model writes stories, not citations: the answer still
			// names the retrieved risks.
			if !strings.Contains(ans.Text, "`capital`") {
				t.Errorf("the answer cites nothing:\n%s", ans.Text)
			}
			if len(shown) < 2 || shown[len(shown)-1] != ans.Text {
				t.Errorf("streamed %d texts; the last is not the answer", len(shown))
			}
			t.Logf("%s: %q", s.Name, ans.Text)
		})
	}
}

func TestRealOllamaAsk(t *testing.T) {
	specs := realBackends(t)
	kb, err := knowledge.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(kb.Modes) == 0 {
		t.Skip("the knowledge base is not loaded in this build")
	}
	bs, err := NewBackends(BackendsConfig{Backends: specs, Default: "local", Fallback: []string{"local-v1"}})
	if err != nil {
		t.Fatal(err)
	}
	a := New(Options{KB: kb, Search: knowledge.NewIndex(kb), Backends: bs})
	for _, s := range specs {
		t.Run(s.Name, func(t *testing.T) {
			ans, err := a.Ask(context.Background(), Request{Question: "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?", Model: s.Name, OnDelta: func(string) {}})
			if err != nil {
				t.Fatal(err)
			}
			if len(ans.Risks) == 0 || ans.Model.Backend != s.Name {
				t.Errorf("risks %d, model %+v; want risks from %s", len(ans.Risks), ans.Model, s.Name)
			}
			if !strings.Contains(ans.Text, "`"+ans.Risks[0].ID+"`") {
				t.Errorf("the answer does not cite the top risk %s:\n%s", ans.Risks[0].ID, ans.Text)
			}
		})
	}
}

// TestRealOllamaRoutes asks the real Ollama's native API for a router
// verdict under its format schema: whatever the tiny model thinks, the
// reply is a valid verdict, or a clear error and retrieval alone.
func TestRealOllamaRoutes(t *testing.T) {
	specs := realBackends(t)
	kb := loadKB(t)
	for i := range specs {
		specs[i].Route, specs[i].RouteTimeout = true, time.Minute
	}
	bs, err := NewBackends(BackendsConfig{Backends: specs, Default: "local"})
	if err != nil {
		t.Fatal(err)
	}
	a := New(Options{KB: kb, Search: knowledge.NewIndex(kb), Backends: bs})
	for _, s := range specs {
		t.Run(s.Name, func(t *testing.T) {
			ans, err := a.Ask(context.Background(), Request{Question: "账上只剩半年现金,下一轮还没谈下来", Model: s.Name})
			if err != nil {
				t.Fatal(err)
			}
			if ans.Route == nil || (!ans.Route.Used && ans.Route.Error == "") {
				t.Fatalf("route %+v, want a verdict or an error", ans.Route)
			}
			t.Logf("%s: route %+v, risks %d", s.Name, *ans.Route, len(ans.Risks))
		})
	}
}
