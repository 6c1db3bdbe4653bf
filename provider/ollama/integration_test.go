package ollama_test

import (
	"testing"

	"github.com/premortem/premortem/provider/ollama"
	"github.com/premortem/premortem/provider/providertest"
)

// TestRealOllama runs against the server .ci/ollama.sh starts; it skips
// cleanly when none runs.
func TestRealOllama(t *testing.T) {
	url, model := providertest.LocalOllama(t)
	c, err := ollama.New(ollama.Config{BaseURL: url, Model: model})
	if err != nil {
		t.Fatal(err)
	}
	resp := providertest.Smoke(t, c)
	t.Logf("ollama native: %d+%d tokens, finish %s: %q", resp.Usage.PromptTokens, resp.Usage.CompletionTokens, resp.FinishReason, resp.Content)
}
