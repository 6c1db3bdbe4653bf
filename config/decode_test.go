package config

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDecodeProblems: every problem is one line in the user's terms (key
// path, line, what was expected, the nearest valid key), reported together
// with the semantic checks.
func TestDecodeProblems(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want []string // after "config FILE: "
	}{
		{"misspelt top key", "logg:\n  level: debug\n", []string{"line 1: logg: unknown key (did you mean log?)"}},
		{"duration", "models:\n  cooldown: fast\n", []string{`line 2: models.cooldown: want a duration such as 30s or 2m, got "fast"`}},
		{"nested key and number", `
models:
  default: hosted
  backends:
    hosted:
      provider: ollama
      base_url: "http://127.0.0.1:11434"
      model: m
      max_tokens: lots
      tempreature: 0.2
`, []string{
			`line 9: models.backends.hosted.max_tokens: want a whole number, got "lots"`,
			"line 10: models.backends.hosted.tempreature: unknown key (did you mean temperature?)"}},
		{"bool and list", "discord:\n  stream: maybe\n  admin_role_ids: 123\n", []string{
			`line 2: discord.stream: want true or false, got "maybe"`,
			`line 3: discord.admin_role_ids: want a list such as [a, b], got "123"`}},
		{"section not a mapping", "storage: sqlite\n", []string{`line 1: storage: want a mapping of keys (driver, dsn), got "sqlite"`}},
		{"decode and semantic problems together", "log:\n  level: loud\n  formt: json\n", []string{
			"line 3: log.formt: unknown key (did you mean format?)",
			`log.level "loud": want debug, info, warn or error`}},
		{"URL without a scheme", `
models:
  backends:
    h: {provider: openai, base_url: api.deepseek.com/v1, model: m}
`, []string{`models.backends.h.base_url "api.deepseek.com/v1": want an http:// or https:// URL (did you mean https://api.deepseek.com/v1?)`}},
		{"local URL without a scheme", `
models:
  backends:
    h: {provider: ollama, base_url: "localhost:11434", model: m}
`, []string{`models.backends.h.base_url "localhost:11434": want an http:// or https:// URL (did you mean http://localhost:11434?)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadYAML(t, tt.yaml, nil)
			if err == nil {
				t.Fatal("no error")
			}
			var got []string
			for _, l := range strings.Split(err.Error(), "\n") {
				_, rest, _ := strings.Cut(l, ".yaml: ")
				got = append(got, rest)
				if strings.Contains(l, "config.Config") || strings.Contains(l, "time.Duration") || strings.Contains(l, "!!str") {
					t.Errorf("Go terms in %q", l)
				}
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("problems (-want +got):\n%s", d)
			}
		})
	}
}
