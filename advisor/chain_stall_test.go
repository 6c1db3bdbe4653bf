package advisor

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/premortem/premortem/internal/fakellm"
)

// Over both protocols: a server slow to its first token is cut by the
// first-token timeout, one that answers 200 with no body falls back, and
// each says why in its fallback notice.
func TestStallsAndEmptyBodiesOverLoopback(t *testing.T) {
	tests := []struct {
		name   string
		step   fakellm.Step
		reason string
	}{
		{"stalls before the first token", fakellm.Stall(5*time.Second, fakellm.Reply("见 `capital`")), "no first token within 150ms"},
		{"empty body", fakellm.Empty(), ""},
	}
	for _, lb := range loopback {
		for _, tt := range tests {
			t.Run(lb.name+"/"+tt.name, func(t *testing.T) {
				m, stop := lb.start(t, fakellm.NewScript(tt.step))
				defer stop()
				a, _ := testAdvisor(t, BackendSpec{Name: "m", ModelName: "fake", Model: m, FirstTokenTimeout: 150 * time.Millisecond, Retries: 0})
				g := testGrounding("en")
				var notices []Notice
				var shown []string
				ans := &Answer{TimingMS: map[string]float64{}}
				err := a.write(context.Background(), Request{Question: g.Question,
					OnNotice: func(n Notice) { notices = append(notices, n) },
					OnDelta:  func(s string) { shown = append(shown, s) }}, g, ans)
				if err != nil {
					t.Fatal(err)
				}
				if ans.Model.Backend != Builtin || ans.Model.FallbackFrom != "m" || len(ans.ModelCited) != 0 {
					t.Errorf("answered by %+v citing %q, want builtin standing in for m", ans.Model, ans.ModelCited)
				}
				last := notices[len(notices)-1]
				if last.Kind != NoticeFallback || last.Next != Builtin || last.Reason == "" || strings.Contains(last.Reason, "\n") {
					t.Errorf("notices %+v, want a one-line fallback to builtin last", notices)
				}
				if tt.reason != "" && last.Reason != tt.reason {
					t.Errorf("reason %q, want %q", last.Reason, tt.reason)
				}
				if len(shown) != 1 || shown[0] != ans.Text {
					t.Errorf("shown %d texts; want the builtin answer alone", len(shown))
				}
			})
		}
	}
}
