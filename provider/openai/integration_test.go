package openai_test

import (
	"testing"

	"github.com/premortem/premortem/provider/openai"
	"github.com/premortem/premortem/provider/providertest"
)

// TestRealOllamaV1 runs the OpenAI provider against Ollama's /v1, on the
// server .ci/ollama.sh starts; it skips cleanly when none runs.
func TestRealOllamaV1(t *testing.T) {
	url, model := providertest.LocalOllama(t)
	c, err := openai.New(openai.Config{BaseURL: url + "/v1", Model: model})
	if err != nil {
		t.Fatal(err)
	}
	resp := providertest.Smoke(t, c)
	t.Logf("ollama /v1: %d+%d tokens, finish %s: %q", resp.Usage.PromptTokens, resp.Usage.CompletionTokens, resp.FinishReason, resp.Content)
}
