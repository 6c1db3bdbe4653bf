package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/premortem/premortem/internal/fakellm"
	"github.com/premortem/premortem/internal/fakeollama"
	"github.com/premortem/premortem/internal/fakeopenai"
)

func writeConfig(t *testing.T, yaml string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "premortem.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestModelsCheck(t *testing.T) {
	hosted := fakeopenai.New(fakellm.NewScript(), "deepseek-chat", "deepseek-reasoner")
	defer hosted.Close()
	local := fakeollama.New(fakellm.NewScript(), "stories260k:latest")
	defer local.Close()
	gone := fakeollama.New(fakellm.NewScript())
	gone.Close()
	cfg := writeConfig(t, `
models:
  default: hosted
  fallback: [local, builtin]
  backends:
    hosted: {provider: openai, base_url: "`+hosted.URL+`", model: deepseek-chat, api_key_env: FAKE_KEY}
    local: {provider: ollama, base_url: "`+local.URL+`", model: stories260k}
    other: {provider: ollama, base_url: "`+local.URL+`", model: "qwen2.5:7b"}
    down: {provider: ollama, base_url: "`+gone.URL+`", model: m}
`)
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		code    int
		want    []string
		notWant []string
	}{
		{"list", nil, []string{"models", "--config", cfg}, 0,
			[]string{"hosted", "default", "fallback 1", "last resort", "deepseek-chat"}, []string{"CHECK"}},
		{"check", map[string]string{"FAKE_KEY": "sk-fake-key-1"}, []string{"models", "--config", cfg, "--check"}, 1,
			[]string{"ok", "2 models", `does not report model "qwen2.5:7b"`, "unreachable:", "2 backend(s) failed the check: down (unreachable"}, []string{"sk-fake-key-1"}},
		{"stray argument", nil, []string{"models", "--config", cfg, "extra"}, 1,
			[]string{`unexpected argument "extra"; usage: premortem models`}, nil},
		{"check without the default's key", nil, []string{"models", "--config", cfg, "--check"}, 1,
			[]string{"missing key: the key variable FAKE_KEY is not set", "the default backend hosted is not usable"}, nil},
		{"PREMORTEM_MODEL picks a broken default", map[string]string{"FAKE_KEY": "k", "PREMORTEM_MODEL": "down"}, []string{"models", "--config", cfg, "--check"}, 1,
			[]string{"the default backend down is not usable: unreachable"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runWith(t, tt.env, tt.args...)
			all := out + errOut
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, all)
			}
			for _, w := range tt.want {
				if !strings.Contains(all, w) {
					t.Errorf("output lacks %q:\n%s", w, all)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(all, w) {
					t.Errorf("output holds %q:\n%s", w, all)
				}
			}
		})
	}
}

func TestModelsJSON(t *testing.T) {
	local := fakeollama.New(fakellm.NewScript(), "m:latest")
	defer local.Close()
	cfg := writeConfig(t, "models:\n  default: local\n  backends:\n    local: {provider: ollama, base_url: \""+local.URL+"\", model: m}\n")
	code, out, errOut := runWith(t, nil, "models", "--config", cfg, "--check", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Default  string
		Backends []backendRow
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Default != "local" || len(got.Backends) != 2 || got.Backends[1].Check == nil || !got.Backends[1].Check.HasModel {
		t.Errorf("got %+v", got)
	}
}

func TestBadModelConfigOneLineEach(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		env  map[string]string
		want string
	}{
		{"provider typo", "models:\n  backends:\n    x: {provider: olama, base_url: \"http://127.0.0.1:1\", model: m}\n", nil,
			`models.backends.x.provider "olama": want openai or ollama (did you mean ollama?)`},
		{"unknown default", "models:\n  default: gpt\n", nil, `models.default "gpt": no such backend; want one of builtin`},
		{"default without its key", "models:\n  default: h\n  backends:\n    h: {provider: openai, preset: deepseek}\n", nil,
			"backend h is the default but the key variable DEEPSEEK_API_KEY is not set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runWith(t, tt.env, "ask", "--config", writeConfig(t, tt.yaml), "what kills us?")
			if code == 0 || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want non-zero and %q", code, errOut, tt.want)
			}
		})
	}
	code, _, errOut := runWith(t, nil, "ask", "--model", "gpt-9", "what kills us?")
	if code == 0 || !strings.Contains(errOut, `unknown model backend "gpt-9": want one of builtin`) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
		t.Errorf("ask --model gpt-9: exit %d, stderr %q", code, errOut)
	}
}
