package providertest

import (
	"context"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/premortem/premortem/llm"
)

// LocalOllama returns the base URL and model of the real Ollama server that
// .ci/ollama.sh starts (PREMORTEM_OLLAMA_URL, PREMORTEM_OLLAMA_MODEL,
// default model stories260k), or skips the test when none is set or
// answering. No build tag: the integration tests run wherever a server is.
func LocalOllama(t testing.TB) (baseURL, model string) {
	t.Helper()
	baseURL = strings.TrimRight(os.Getenv("PREMORTEM_OLLAMA_URL"), "/")
	if baseURL == "" {
		t.Skip("PREMORTEM_OLLAMA_URL is not set; run `source .ci/ollama.sh` for a local model server")
	}
	model = os.Getenv("PREMORTEM_OLLAMA_MODEL")
	if model == "" {
		model = "stories260k"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, baseURL+"/api/version", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Skipf("no Ollama answers at %s: %v", baseURL, err)
	}
	resp.Body.Close()
	return baseURL, model
}

// Smoke asks m a short question, streaming, and checks the protocol
// worked: pieces arrived, they add up to the reply, the reply finished.
func Smoke(t *testing.T, m llm.Model) llm.Response {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var pieces []string
	resp, err := m.Generate(ctx, llm.Request{
		Messages:  []llm.Message{{Role: llm.RoleSystem, Content: "You tell stories."}, {Role: llm.RoleUser, Content: "Once upon a time"}},
		MaxTokens: 32, Temperature: 0.5,
	}, func(s string) { pieces = append(pieces, s) })
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	if len(pieces) < 2 || strings.Join(pieces, "") != resp.Content || resp.Content == "" {
		t.Errorf("streamed %d pieces %q for content %q", len(pieces), pieces, resp.Content)
	}
	if resp.FinishReason == "" {
		t.Errorf("no finish reason: %+v", resp)
	}
	if l, ok := m.(llm.Lister); ok {
		models, err := l.ListModels(ctx)
		if err != nil || len(models) == 0 {
			t.Errorf("ListModels = %q, %v", models, err)
		}
	}
	return resp
}
