package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/premortem/premortem/provider/providertest"
)

// TestEvalRealOllama runs `eval --model local` end to end against the real
// Ollama that .ci/ollama.sh starts (stories260k), or skips. The tiny model
// writes stories, not citations: every answer is its own (no fallback), but
// its model recall is near zero while retrieval's stays whole.
func TestEvalRealOllama(t *testing.T) {
	url, model := providertest.LocalOllama(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "premortem.yaml")
	os.WriteFile(cfg, []byte(fmt.Sprintf(`models:
  backends:
    local: {provider: ollama, base_url: %q, model: %q, max_tokens: 32, timeout: 3m, first_token_timeout: 2m}
log: {level: error}
`, url, model)), 0o600)
	set := filepath.Join(dir, "set.yaml")
	os.WriteFile(set, []byte(`- q: 我们技术很强,benchmark 都是第一,但就是没人买单,怎么办?
  expect: [market]
- q: we give our weights away, how do we make money?
  expect: [open-source]
- q: 账上只剩半年现金,下一轮还没谈下来
  expect: [capital]
- q: 明天北京天气怎么样
  expect: []
`), 0o600)
	code, rep, errOut := evalJSON(t, "--config", cfg, "--set", set, "--model", "local")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	s := rep.Models[0]
	t.Logf("local: model recall@3 %.3f, recall@3 %.3f, answered %d/%d, first token p50 %.0f ms, latency p50 %.0f ms, tokens %d/%d",
		s.ModelRecallAt3, s.RecallAt3, s.AnsweredByModel, s.Asked, s.FirstTokenP50MS, s.LatencyP50MS, s.PromptTokens, s.CompletionTokens)
	if s.OnTopic != 3 || s.OffTopic != 1 || s.Asked != 3 || s.AnsweredByModel != 3 || s.Fallbacks != 0 || s.Errors != 0 {
		t.Errorf("on-topic %d, off-topic %d, asked %d, answered by the model %d, fallbacks %d, errors %d; want 3, 1, 3, 3, 0, 0",
			s.OnTopic, s.OffTopic, s.Asked, s.AnsweredByModel, s.Fallbacks, s.Errors)
	}
	if s.RecallAt3 != 1 || s.OffTopicAccuracy != 1 || s.ModelRecallAt3 > 0.34 || s.CompletionTokens == 0 || s.FirstTokenP50MS <= 0 {
		t.Errorf("recall@3 %.3f, off-topic %.3f, model recall@3 %.3f (nonsense words cite little), tokens out %d, first token %.0f ms",
			s.RecallAt3, s.OffTopicAccuracy, s.ModelRecallAt3, s.CompletionTokens, s.FirstTokenP50MS)
	}
}
