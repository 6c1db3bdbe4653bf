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
