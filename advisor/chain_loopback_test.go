package advisor

import (
	"strings"
	"testing"
	"time"

	"github.com/premortem/premortem/internal/fakellm"
	"github.com/premortem/premortem/internal/fakeollama"
	"github.com/premortem/premortem/internal/fakeopenai"
	"github.com/premortem/premortem/llm"
	"github.com/premortem/premortem/provider/ollama"
	"github.com/premortem/premortem/provider/openai"
)

// loopback starts a fake server of each protocol and returns a client of
// the matching provider.
var loopback = []struct {
	name  string
	start func(t *testing.T, s *fakellm.Script) (llm.Model, func())
}{
	{"openai", func(t *testing.T, s *fakellm.Script) (llm.Model, func()) {
		srv := fakeopenai.New(s, "fake")
		c, err := openai.New(openai.Config{BaseURL: srv.URL, Model: "fake"})
		if err != nil {
			t.Fatal(err)
		}
		return c, srv.Close
	}},
	{"ollama", func(t *testing.T, s *fakellm.Script) (llm.Model, func()) {
		srv := fakeollama.New(s, "fake")
		c, err := ollama.New(ollama.Config{BaseURL: srv.URL, Model: "fake"})
		if err != nil {
			t.Fatal(err)
		}
		return c, srv.Close
	}},
}

func TestChainOverLoopback(t *testing.T) {
	invent := fakellm.Reply("<think>I will cite `moat`</think>风险:`mo", "at`、[talent] 和 `capi", "tal`,亏损 7.7亿美元。")
	tests := []struct {
		name     string
		steps    []fakellm.Step
		killed   bool // the server is gone before the call
		timeout  time.Duration
		backend  string
		notShown []string
	}{
		{"invented citations never shown", []fakellm.Step{invent}, false, 0, "m", []string{"moat", "talent", "think"}},
		{"killed before the call", nil, true, 0, Builtin, nil},
		{"killed during the call", []fakellm.Step{fakellm.Truncated("风险是 `capital`,因为")}, false, 0, Builtin, nil},
		{"rate limited then fine", []fakellm.Step{fakellm.Status(429, "1"), fakellm.Reply("见 `capital`")}, false, 0, "m", nil},
		{"server error twice", []fakellm.Step{fakellm.Status(500, ""), fakellm.Status(502, ""), fakellm.Status(500, "")}, false, 0, Builtin, nil},
		{"hangs", []fakellm.Step{fakellm.Hang()}, false, 150 * time.Millisecond, Builtin, nil},
		{"garbage", []fakellm.Step{fakellm.Garbage()}, false, 0, Builtin, nil},
	}
	for _, lb := range loopback {
		for _, tt := range tests {
			t.Run(lb.name+"/"+tt.name, func(t *testing.T) {
				m, stop := lb.start(t, fakellm.NewScript(tt.steps...))
				defer stop()
				if tt.killed {
					stop()
				}
				a, _ := testAdvisor(t, BackendSpec{Name: "m", Model: m, Timeout: tt.timeout, Retries: 2})
				ans, shown, err := ask(t, a, "")
				if err != nil {
					t.Fatal(err)
				}
				if ans.Model.Backend != tt.backend {
					t.Errorf("answered by %+v, want %s", ans.Model, tt.backend)
				}
				if tt.backend == Builtin && ans.Model.FallbackFrom != "m" {
					t.Errorf("fallback not recorded: %+v", ans.Model)
				}
				if !strings.Contains(ans.Text, "`capital`") {
					t.Errorf("the answer does not cite capital:\n%s", ans.Text)
				}
				if len(shown) == 0 || shown[len(shown)-1] != ans.Text {
					t.Errorf("the last streamed text is not the answer")
				}
				for _, s := range append(shown, ans.Text) {
					for _, bad := range tt.notShown {
						if strings.Contains(s, bad) {
							t.Errorf("%q reached the user: %q", bad, s)
						}
					}
				}
			})
		}
	}
}
