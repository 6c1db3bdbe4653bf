// Package providertest is the conformance suite every model provider
// passes, in the manner of testing/fstest: a provider's test starts its
// loopback fake (speaking the provider's real protocol) and hands the suite
// a way to build a client against it.
package providertest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/premortem/premortem/internal/fakellm"
	"github.com/premortem/premortem/llm"
)

// Start starts a fake server playing script and serving models, and returns
// a client of the provider under test pointed at it, plus a function that
// stops the server. The model the client asks for is "fake-model".
type Start func(t *testing.T, script *fakellm.Script, models ...string) (m llm.Model, stop func())

// Model is the name clients built by Start ask for.
const Model = "fake-model"

// Run runs the suite.
func Run(t *testing.T, start Start) {
	req := llm.Request{
		Messages: []llm.Message{
			{Role: llm.RoleSystem, Content: "You are terse."},
			{Role: llm.RoleUser, Content: "Say hello."},
		},
		MaxTokens:   64,
		Temperature: 0.2,
	}
	ctx := context.Background()

	t.Run("reply", func(t *testing.T) {
		script := fakellm.NewScript(fakellm.Reply("Hello", ", ", "world."))
		m, stop := start(t, script, Model)
		defer stop()
		got, err := m.Generate(ctx, req, nil)
		if err != nil {
			t.Fatalf("Generate: %v", err)
		}
		if got.Content != "Hello, world." || got.FinishReason != "stop" {
			t.Errorf("got %+v, want content %q finished by stop", got, "Hello, world.")
		}
		reqs := script.Requests()
		if len(reqs) != 1 || reqs[0].Model != Model {
			t.Fatalf("server saw %+v, want one request for %s", reqs, Model)
		}
		var roles []string
		for _, msg := range reqs[0].Messages {
			roles = append(roles, msg.Role)
		}
		if !slices.Equal(roles, []string{"system", "user"}) || reqs[0].Messages[1].Content != "Say hello." {
			t.Errorf("server saw messages %+v", reqs[0].Messages)
		}
	})

	t.Run("stream", func(t *testing.T) {
		script := fakellm.NewScript(fakellm.Step{Kind: fakellm.KindReply, Chunks: []string{"<thi", "nk>hm</think>", "Hel", "lo"}, Reasoning: "secret plan"})
		m, stop := start(t, script, Model)
		defer stop()
		var deltas []string
		got, err := m.Generate(ctx, req, func(s string) { deltas = append(deltas, s) })
		if err != nil {
			t.Fatalf("Generate: %v", err)
		}
		if strings.Join(deltas, "") != got.Content || len(deltas) < 2 {
			t.Errorf("deltas %q do not add up to content %q", deltas, got.Content)
		}
		if got.Content != "<think>hm</think>Hello" {
			t.Errorf("content = %q", got.Content)
		}
		if strings.Contains(got.Content, "secret plan") || strings.Contains(strings.Join(deltas, ""), "secret plan") {
			t.Errorf("a reasoning field reached the content")
		}
		if rs := script.Requests(); len(rs) != 1 || !rs[0].Stream {
			t.Errorf("the server was not asked to stream: %+v", rs)
		}
	})

	statusCases := []struct {
		name  string
		step  fakellm.Step
		code  int
		retry time.Duration
	}{
		{"rate limited", fakellm.Status(429, "2"), 429, 2 * time.Second},
		{"server error", fakellm.Status(500, ""), 500, 0},
		{"unavailable", fakellm.Status(503, "1"), 503, time.Second},
		{"not found", fakellm.Status(404, ""), 404, 0},
	}
	for _, tc := range statusCases {
		t.Run(tc.name, func(t *testing.T) {
			m, stop := start(t, fakellm.NewScript(tc.step), Model)
			defer stop()
			for _, stream := range []bool{false, true} {
				var onDelta func(string)
				if stream {
					onDelta = func(string) {}
				}
				_, err := m.Generate(ctx, req, onDelta)
				var se *llm.StatusError
				if !errors.As(err, &se) {
					t.Fatalf("stream=%v: err = %v, want a *llm.StatusError", stream, err)
				}
				if se.StatusCode != tc.code || se.RetryAfter != tc.retry {
					t.Errorf("stream=%v: got status %d retry %v, want %d %v", stream, se.StatusCode, se.RetryAfter, tc.code, tc.retry)
				}
			}
		})
	}

	t.Run("hang", func(t *testing.T) {
		m, stop := start(t, fakellm.NewScript(fakellm.Hang()), Model)
		defer stop()
		ctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
		defer cancel()
		_, err := m.Generate(ctx, req, func(string) {})
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v, want one wrapping context.DeadlineExceeded", err)
		}
	})

	t.Run("truncated stream", func(t *testing.T) {
		m, stop := start(t, fakellm.NewScript(fakellm.Truncated("Half a sen")), Model)
		defer stop()
		_, err := m.Generate(ctx, req, func(string) {})
		if !errors.Is(err, llm.ErrTruncated) {
			t.Errorf("err = %v, want llm.ErrTruncated", err)
		}
	})

	t.Run("garbage", func(t *testing.T) {
		m, stop := start(t, fakellm.NewScript(fakellm.Garbage()), Model)
		defer stop()
		for _, stream := range []bool{false, true} {
			var onDelta func(string)
			if stream {
				onDelta = func(string) {}
			}
			got, err := m.Generate(ctx, req, onDelta)
			if err == nil && got.Content != "" {
				t.Errorf("stream=%v: garbage gave content %q", stream, got.Content)
			}
		}
	})

	t.Run("server gone", func(t *testing.T) {
		m, stop := start(t, fakellm.NewScript(), Model)
		stop()
		_, err := m.Generate(ctx, req, nil)
		var se *llm.StatusError
		if err == nil || errors.As(err, &se) {
			t.Errorf("err = %v, want a connection error", err)
		}
	})

	runStructured(t, start, req)

	t.Run("list models", func(t *testing.T) {
		m, stop := start(t, fakellm.NewScript(), Model, "other:7b")
		defer stop()
		l, ok := m.(llm.Lister)
		if !ok {
			t.Skip("the provider cannot list models")
		}
		got, err := l.ListModels(ctx)
		if err != nil {
			t.Fatalf("ListModels: %v", err)
		}
		if !slices.Equal(got, []string{Model, "other:7b"}) {
			t.Errorf("ListModels = %q", got)
		}
	})
}
