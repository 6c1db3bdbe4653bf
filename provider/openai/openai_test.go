package openai_test

import (
	"strings"
	"testing"

	"github.com/premortem/premortem/internal/fakellm"
	"github.com/premortem/premortem/internal/fakeopenai"
	"github.com/premortem/premortem/llm"
	"github.com/premortem/premortem/provider/openai"
	"github.com/premortem/premortem/provider/providertest"
)

func TestConformance(t *testing.T) {
	providertest.Run(t, func(t *testing.T, script *fakellm.Script, models ...string) (llm.Model, func()) {
		srv := fakeopenai.New(script, models...)
		c, err := openai.New(openai.Config{BaseURL: srv.URL, Model: providertest.Model, APIKey: "sk-test"})
		if err != nil {
			t.Fatal(err)
		}
		return c, srv.Close
	})
}

func TestReasoningMovesOutOfContent(t *testing.T) {
	srv := fakeopenai.New(fakellm.NewScript(fakellm.Step{Chunks: []string{"answer"}, Reasoning: "thinking..."}))
	defer srv.Close()
	c, err := openai.New(openai.Config{BaseURL: srv.URL, Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	for _, stream := range []bool{false, true} {
		var onDelta func(string)
		if stream {
			onDelta = func(string) {}
		}
		got, err := c.Generate(t.Context(), llm.Request{Messages: []llm.Message{{Role: llm.RoleUser, Content: "q"}}}, onDelta)
		if err != nil {
			t.Fatal(err)
		}
		if got.Content != "answer" || got.Reasoning != "thinking..." || got.Usage.PromptTokens != 11 {
			t.Errorf("stream=%v: got %+v", stream, got)
		}
	}
}

func TestConfigStringRedactsKey(t *testing.T) {
	s := openai.Config{BaseURL: "http://x/v1", Model: "m", APIKey: "sk-very-secret"}.String()
	if got := s; got == "" || strings.Contains(got, "sk-very-secret") {
		t.Errorf("String() = %q", got)
	}
}

func TestLookupPreset(t *testing.T) {
	p, err := openai.LookupPreset("deepseek")
	if err != nil || p.APIKeyEnv != "DEEPSEEK_API_KEY" {
		t.Errorf("deepseek preset = %+v, %v", p, err)
	}
	if _, err := openai.LookupPreset("deepsek"); err == nil {
		t.Error("a typo found a preset")
	}
}

// A server that refuses json_schema (as DeepSeek does) is asked again in
// plain JSON mode, and from then on in JSON mode straight away.
func TestSchemaRefusedFallsBackToJSONMode(t *testing.T) {
	script := fakellm.NewScript()
	script.Route(fakellm.Status(400, ""), fakellm.Reply(`{"modes":["none"]}`))
	srv := fakeopenai.New(script)
	defer srv.Close()
	c, err := openai.New(openai.Config{BaseURL: srv.URL, Model: "m"})
	if err != nil {
		t.Fatal(err)
	}
	req := llm.Request{Messages: []llm.Message{{Role: llm.RoleUser, Content: "q"}},
		Schema: &llm.Schema{Name: "route", Schema: []byte(`{"type":"object","properties":{"modes":{"type":"array"}}}`)}}
	for i := range 2 {
		got, err := c.Generate(t.Context(), req, nil)
		if err != nil || got.Content != `{"modes":["none"]}` {
			t.Fatalf("call %d: %q, %v", i+1, got.Content, err)
		}
	}
	var schemas []string
	for _, r := range script.Requests() {
		schemas = append(schemas, r.Schema)
	}
	want := []string{`{"type":"object","properties":{"modes":{"type":"array"}}}`, `{"type":"object"}`, `{"type":"object"}`}
	if strings.Join(schemas, "|") != strings.Join(want, "|") {
		t.Errorf("the server saw schemas %q, want %q", schemas, want)
	}
}
