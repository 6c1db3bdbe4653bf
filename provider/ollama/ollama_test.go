package ollama_test

import (
	"testing"

	"github.com/premortem/premortem/internal/fakellm"
	"github.com/premortem/premortem/internal/fakeollama"
	"github.com/premortem/premortem/llm"
	"github.com/premortem/premortem/provider/ollama"
	"github.com/premortem/premortem/provider/providertest"
)

func TestConformance(t *testing.T) {
	providertest.Run(t, func(t *testing.T, script *fakellm.Script, models ...string) (llm.Model, func()) {
		srv := fakeollama.New(script, models...)
		c, err := ollama.New(ollama.Config{BaseURL: srv.URL, Model: providertest.Model})
		if err != nil {
			t.Fatal(err)
		}
		return c, srv.Close
	})
}

func TestNewRejectsBadURL(t *testing.T) {
	for _, u := range []string{"", "127.0.0.1:11434", "://x"} {
		if _, err := ollama.New(ollama.Config{BaseURL: u, Model: "m"}); err == nil {
			t.Errorf("New accepted base_url %q", u)
		}
	}
}
