// Package llm is the provider-neutral vocabulary every model backend speaks.
// Providers (provider/openai, provider/ollama) convert to and from these types;
// the advisor knows only these, never an SDK.
package llm

import "context"

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
	MaxTokens   int
	Temperature float64
}

// Usage counts tokens when the server reports them.
type Usage struct {
	PromptTokens     int
	CompletionTokens int
}

// Response is a finished generation. Content never holds reasoning: providers
// move reasoning fields to Reasoning, and the advisor strips <think> blocks.
type Response struct {
	Content      string
	Reasoning    string
	Model        string // the model the server says answered
	FinishReason string // "stop", "length", ...
	Usage        Usage
}

// Model generates a reply. When onDelta is not nil the provider streams and
// calls it with each piece of content as it arrives, in order, from the
// calling goroutine's point of view (no concurrent calls).
type Model interface {
	Generate(ctx context.Context, req Request, onDelta func(string)) (Response, error)
}

// Lister is the optional ability to report what the server serves; it is
// used by `premortem models --check`.
type Lister interface {
	ListModels(ctx context.Context) ([]string, error)
}
