// Package llm is the provider-neutral vocabulary every model backend speaks.
// Providers (provider/openai, provider/ollama) convert to and from these types;
// the advisor knows only these, never an SDK.
//
// Errors a provider returns are classified by the advisor's fallback chain:
// a *StatusError carries the HTTP status and Retry-After of a refused call,
// ErrTruncated marks a reply stream that ended before the model finished.
package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Role of a chat message.
type Role string

const (
	RoleSystem    Role = "system"
	RoleUser      Role = "user"
	RoleAssistant Role = "assistant"
)

// Message is one turn of a chat.
type Message struct {
	Role    Role
	Content string
}

// Request is one generation.
type Request struct {
	Messages    []Message
	MaxTokens   int     // 0: the server's default
	Temperature float64 // 0: Ollama samples greedily; OpenAI-compatible servers use their default
	Schema      *Schema // when not nil, the reply must be one JSON value of this schema
}

// Schema asks for structured output: a reply that is one JSON value
// matching a JSON Schema. Providers pass it the way their API takes it
// (OpenAI's response_format json_schema, Ollama's format); a server that
// cannot constrain its output still gets told to answer in JSON, so the
// caller validates the reply whatever the provider.
type Schema struct {
	Name   string          // a short identifier, [a-z_]+, for APIs that want one
	Schema json.RawMessage // the JSON Schema object
}

// Usage counts tokens when the server reports them.
type Usage struct {
	PromptTokens     int
	CompletionTokens int
}

// Response is a finished generation. Content never holds reasoning fields:
// providers move them to Reasoning, and the advisor strips <think> blocks
// that some models write inline.
type Response struct {
	Content      string
	Reasoning    string
	Model        string // the model the server says answered
	FinishReason string // "stop", "length", ...
	Usage        Usage
}

// Model generates a reply. When onDelta is not nil the provider streams and
// calls it with each piece of content as it arrives, in order, never
// concurrently. Reasoning never goes through onDelta: a provider that sees
// reasoning arrive may call onDelta("") instead, a sign that the model is
// at work (a first-token timeout should not cut a model that thinks first).
type Model interface {
	Generate(ctx context.Context, req Request, onDelta func(string)) (Response, error)
}

// Lister is the optional ability to report what the server serves; it is
// used by `premortem models --check`.
type Lister interface {
	ListModels(ctx context.Context) ([]string, error)
}

// ErrTruncated reports a reply stream that ended before the server said the
// model had finished.
var ErrTruncated = errors.New("the reply stream ended before the model finished")

// StatusError is a call the server refused with an HTTP status of 400 or
// more. Providers return it (possibly wrapped) so that retry decisions do
// not depend on any SDK's error types.
type StatusError struct {
	StatusCode int
	RetryAfter time.Duration // from the Retry-After header; 0 when absent
	Message    string        // the server's one-line explanation, secrets redacted
}

func (e *StatusError) Error() string {
	s := fmt.Sprintf("server answered %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// Temporary reports whether the same call may succeed later: rate limits and
// server-side failures.
func (e *StatusError) Temporary() bool {
	return e.StatusCode == http.StatusTooManyRequests || e.StatusCode == http.StatusRequestTimeout || e.StatusCode >= 500
}
