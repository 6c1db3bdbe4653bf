// Package ollama talks to Ollama's native API (/api/chat, NDJSON streaming)
// through github.com/tmc/langchaingo/llms/ollama, converting to and from the
// llm vocabulary (format.go).
//
// ListModels uses GET /api/tags over plain net/http: langchaingo's Ollama
// client has no call for it and keeps its HTTP client internal.
package ollama

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/tmc/langchaingo/llms"
	lcollama "github.com/tmc/langchaingo/llms/ollama"

	"github.com/premortem/premortem/llm"
	"github.com/premortem/premortem/provider/internal/wire"
)

// Config says where Ollama listens and which model to run.
type Config struct {
	BaseURL   string // e.g. http://127.0.0.1:11434 (no /api, no /v1)
	Model     string // e.g. qwen2.5:7b
	Transport http.RoundTripper
}

// Client is one Ollama backend. It is safe for concurrent use.
type Client struct {
	llm   *lcollama.LLM
	http  *http.Client
	base  *url.URL
	model string
}

var (
	_ llm.Model  = (*Client)(nil)
	_ llm.Lister = (*Client)(nil)
)

// New returns a client for cfg.
func New(cfg Config) (*Client, error) {
	if cfg.Model == "" {
		return nil, errors.New("ollama: model is empty")
	}
	// Parsed here because langchaingo's WithServerURL calls log.Fatal on a
	// bad URL.
	base, err := url.Parse(strings.TrimRight(cfg.BaseURL, "/"))
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("ollama: base_url %q is not an http(s) URL", cfg.BaseURL)
	}
	hc := wire.Client(cfg.Transport, "")
	l, err := lcollama.New(lcollama.WithServerURL(base.String()), lcollama.WithModel(cfg.Model), lcollama.WithHTTPClient(hc))
	if err != nil {
		return nil, fmt.Errorf("ollama: %w", err)
	}
	return &Client{llm: l, http: hc, base: base, model: cfg.Model}, nil
}

// Generate asks /api/chat for one reply. It always streams from the server,
// so that a stream cut before Ollama's final "done" line is told apart from
// an empty reply; onDelta, when not nil, sees each piece. A request with a
// Schema is answered in one piece (structured.go).
func (c *Client) Generate(ctx context.Context, req llm.Request, onDelta func(string)) (llm.Response, error) {
	if req.Schema != nil {
		resp, err := c.generateStructured(ctx, req)
		if err == nil && onDelta != nil && resp.Content != "" {
			onDelta(resp.Content)
		}
		return resp, err
	}
	var streamed strings.Builder
	opts := append(toOptions(req, onDelta), llms.WithStreamingFunc(func(_ context.Context, chunk []byte) error {
		if len(chunk) == 0 {
			return nil
		}
		streamed.Write(chunk)
		if onDelta != nil {
			onDelta(string(chunk))
		}
		return nil
	}))
	resp, err := c.llm.GenerateContent(ctx, toMessages(req.Messages), opts...)
	if err != nil {
		return llm.Response{}, fmt.Errorf("ollama chat: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return llm.Response{}, fmt.Errorf("ollama chat: %w", err)
	}
	if len(resp.Choices) == 0 {
		return llm.Response{}, errors.New("ollama chat: the reply has no choices")
	}
	ch := resp.Choices[0]
	if ch.Content == "" && streamed.Len() > 0 {
		// langchaingo fills Content only from the final done line.
		return llm.Response{}, llm.ErrTruncated
	}
	out := llm.Response{
		Content:      ch.Content,
		Model:        c.model,
		FinishReason: "stop",
		Usage: llm.Usage{
			PromptTokens:     intInfo(ch.GenerationInfo, "PromptTokens"),
			CompletionTokens: intInfo(ch.GenerationInfo, "CompletionTokens"),
		},
	}
	if req.MaxTokens > 0 && out.Usage.CompletionTokens >= req.MaxTokens {
		out.FinishReason = "length" // langchaingo drops done_reason; infer it
	}
	return out, nil
}

// ListModels returns the model names GET /api/tags reports.
func (c *Client) ListModels(ctx context.Context) ([]string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base.JoinPath("api", "tags").String(), nil)
	if err != nil {
		return nil, fmt.Errorf("list models: %w", err)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("list models: %w", err)
	}
	defer resp.Body.Close()
	var tags struct {
		Models []struct {
			Name  string `json:"name"`
			Model string `json:"model"`
		} `json:"models"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&tags); err != nil {
		return nil, fmt.Errorf("list models: decode /api/tags: %w", err)
	}
	names := make([]string, 0, len(tags.Models))
	for _, m := range tags.Models {
		n := m.Name
		if n == "" {
			n = m.Model
		}
		names = append(names, n)
	}
	return names, nil
}
