package config

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/premortem/premortem/provider/catalog"
)

func TestModelsValidation(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		env  map[string]string
		want []string // one line each; none means valid
	}{
		{"defaults", "", nil, nil},
		{"preset fills everything", `
models:
  default: hosted
  backends:
    hosted: {provider: openai, preset: deepseek}
`, nil, nil},
		{"local ollama", `
models:
  default: local
  fallback: [local, builtin]
  backends:
    local: {provider: ollama, base_url: "http://127.0.0.1:11434", model: "qwen2.5:7b", timeout: 20s}
`, nil, nil},
		{"first-token timeout and router", `
models:
  backends:
    x: {provider: ollama, base_url: "http://127.0.0.1:11434", model: m, timeout: 20s, first_token_timeout: 30s, route: true, route_timeout: -1s}
`, nil, []string{"models.backends.x.first_token_timeout 30s: want a positive duration no longer than timeout (20s)",
			"models.backends.x.route_timeout -1s: want a positive duration such as 5s"}},
		{"unknown default and fallback", `
models:
  default: hostd
  fallback: [locl]
  backends:
    local: {provider: ollama, base_url: "http://127.0.0.1:11434", model: m}
`, nil, []string{
			`models.default "hostd": no such backend; want one of builtin, local`,
			`models.fallback "locl": no such backend; want one of builtin, local`}},
		{"PREMORTEM_MODEL picks an unknown default", "", map[string]string{"PREMORTEM_MODEL": "gpt"},
			[]string{`models.default "gpt": no such backend; want one of builtin`}},
		{"provider typo", `
models:
  backends:
    x: {provider: opnai, base_url: "http://h/v1", model: m}
`, nil, []string{`models.backends.x.provider "opnai": want openai or ollama (did you mean openai?)`}},
		{"preset typo", `
models:
  backends:
    x: {provider: openai, preset: deepsek}
`, nil, []string{`models.backends.x.preset "deepsek": want one of openai, deepseek, zhipu, moonshot, qwen, vllm, llamacpp, lmstudio, ollama-openai (did you mean deepseek?)`}},
		{"missing url and model", `
models:
  backends:
    x: {provider: ollama}
`, nil, []string{"models.backends.x.base_url is empty: give the server's URL (or a preset)",
			"models.backends.x.model is empty: name the model the server should run"}},
		{"bad url", `
models:
  backends:
    x: {provider: ollama, base_url: "127.0.0.1:11434", model: m}
`, nil, []string{`models.backends.x.base_url "127.0.0.1:11434": want an http:// or https:// URL`}},
		{"key pasted into api_key_env", `
models:
  backends:
    x: {provider: openai, preset: openai, api_key_env: "sk-abc123-def"}
`, nil, []string{"models.backends.x.api_key_env must name an environment variable (like DEEPSEEK_API_KEY), not hold the key"}},
		{"numbers out of range", `
models:
  backends:
    x: {provider: ollama, base_url: "http://h", model: m, temperature: 3, retries: 99, max_tokens: -1}
`, nil, []string{"models.backends.x.max_tokens -1: want a positive number", "models.backends.x.temperature 3: want 0 to 2", "models.backends.x.retries 99: want 0 to 10"}},
		{"builtin reserved", `
models:
  backends:
    builtin: {provider: ollama, base_url: "http://h", model: m}
`, nil, []string{"models.backends.builtin: the name builtin is reserved for the built-in composer"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadYAML(t, tt.yaml, tt.env)
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error lacks the line %q:\n%v", w, err)
				}
			}
			if strings.Contains(err.Error(), "sk-abc123") {
				t.Errorf("the error echoes a key: %v", err)
			}
		})
	}
}

func TestResolvedAppliesPresetAndDefaults(t *testing.T) {
	c, err := loadYAML(t, `
models:
  backends:
    hosted: {provider: openai, preset: qwen, model: qwen-max, timeout: 5s, temperature: 0}
`, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := c.Models.Backends["hosted"].Resolved()
	if r.BaseURL != "https://dashscope.aliyuncs.com/compatible-mode/v1" || r.Model != "qwen-max" || r.APIKeyEnv != "DASHSCOPE_API_KEY" ||
		r.Timeout != 5*time.Second || *r.Temperature != 0 || *r.Retries != catalog.DefaultRetries || r.MaxTokens != catalog.DefaultMaxTokens ||
		r.FirstTokenTimeout != 5*time.Second || r.RouteTimeout != catalog.DefaultRouteTimeout || r.Route {
		t.Errorf("resolved = %+v", r)
	}
}

func TestSecretNeverPrints(t *testing.T) {
	b := Backend{Provider: "openai", Preset: "deepseek"}
	s, err := b.APIKey(func(string) string { return "sk-live-123456" })
	if err != nil || s.Reveal() != "sk-live-123456" {
		t.Fatalf("APIKey = %v, %v", s, err)
	}
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("key", "key", s)
	slog.New(slog.NewTextHandler(&logs, nil)).Info("key", "key", s)
	for _, out := range []string{fmt.Sprint(s), fmt.Sprintf("%v %+v %#v %s %q", s, s, s, s, s), logs.String()} {
		if strings.Contains(out, "sk-live") {
			t.Errorf("the key was printed: %s", out)
		}
	}
	if _, err := b.APIKey(func(string) string { return "" }); err == nil || err.Error() != "the key variable DEEPSEEK_API_KEY is not set" {
		t.Errorf("unset variable: %v", err)
	}
}
