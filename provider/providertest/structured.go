package providertest

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/premortem/premortem/internal/fakellm"
	"github.com/premortem/premortem/llm"
)

// schema is the kind of schema a router asks for.
const schema = `{"type":"object","properties":{"modes":{"type":"array","items":{"type":"string","enum":["capital","none"]}}},"required":["modes"],"additionalProperties":false}`

// runStructured checks structured output and a 200 with no body.
func runStructured(t *testing.T, start Start, req llm.Request) {
	ctx := context.Background()
	t.Run("structured", func(t *testing.T) {
		script := fakellm.NewScript(fakellm.Reply("free text"))
		script.Route(fakellm.Reply(`{"modes":["capital"]}`))
		m, stop := start(t, script, Model)
		defer stop()
		sreq := req
		sreq.Schema = &llm.Schema{Name: "route", Schema: json.RawMessage(schema)}
		bothWays(func(stream bool, onDelta func(string)) {
			got, err := m.Generate(ctx, sreq, onDelta)
			if err != nil {
				t.Fatalf("stream=%v: Generate: %v", stream, err)
			}
			if got.Content != `{"modes":["capital"]}` {
				t.Errorf("stream=%v: content = %q, want the router's JSON", stream, got.Content)
			}
		})
		for _, r := range script.Requests() {
			var v any
			if r.Schema == "" || json.Unmarshal([]byte(r.Schema), &v) != nil {
				t.Errorf("the server got no JSON schema: %q", r.Schema)
			}
		}
		if got, err := m.Generate(ctx, req, nil); err != nil || got.Content != "free text" {
			t.Errorf("a request without a schema got %q, %v", got.Content, err)
		}
	})

	t.Run("empty body", func(t *testing.T) {
		m, stop := start(t, fakellm.NewScript(fakellm.Empty()), Model)
		defer stop()
		bothWays(func(stream bool, onDelta func(string)) {
			got, err := m.Generate(ctx, req, onDelta)
			if err == nil && got.Content != "" {
				t.Errorf("stream=%v: an empty body gave content %q", stream, got.Content)
			}
		})
	})
}

// bothWays calls f for a buffered call (onDelta nil), then a streaming one.
func bothWays(f func(stream bool, onDelta func(string))) {
	f(false, nil)
	f(true, func(string) {})
}
