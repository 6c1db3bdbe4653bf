// Package openai talks to any OpenAI-compatible chat API (OpenAI, DeepSeek,
// Zhipu, Moonshot, Qwen's compatible mode, vLLM, llama.cpp's server,
// LM Studio, Ollama's /v1) through github.com/sashabaranov/go-openai and
// converts to and from the llm vocabulary (format.go). Presets (presets.go)
// name the usual base URLs, models and key variables.
package openai

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/premortem/premortem/llm"
	"github.com/premortem/premortem/provider/internal/wire"
)

// Config says where the server is and what to ask it.
type Config struct {
	BaseURL   string // e.g. https://api.deepseek.com/v1
	Model     string
	APIKey    string            // "" for servers that need none; never logged
	Transport http.RoundTripper // nil: http.DefaultTransport
}

// String redacts the key, so a Config can be logged.
func (c Config) String() string {
	key := "none"
	if c.APIKey != "" {
		key = "[redacted]"
	}
	return fmt.Sprintf("openai{base_url: %s, model: %s, key: %s}", c.BaseURL, c.Model, key)
}

// Client is one OpenAI-compatible backend. It is safe for concurrent use.
type Client struct {
	c     *goopenai.Client
	model string
	// noSchema is set once the server refused a json_schema response
	// format: later structured calls ask for plain JSON mode straight away.
	noSchema atomic.Bool
}

var (
	_ llm.Model  = (*Client)(nil)
	_ llm.Lister = (*Client)(nil)
)

// New returns a client for cfg.
func New(cfg Config) (*Client, error) {
	if cfg.BaseURL == "" {
		return nil, errors.New("openai: base_url is empty")
	}
	if cfg.Model == "" {
		return nil, errors.New("openai: model is empty")
	}
	oc := goopenai.DefaultConfig(cfg.APIKey)
	oc.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	oc.HTTPClient = wire.Client(cfg.Transport, cfg.APIKey)
	return &Client{c: goopenai.NewClientWithConfig(oc), model: cfg.Model}, nil
}

// Generate asks for one chat completion, streaming when onDelta is not nil.
func (c *Client) Generate(ctx context.Context, req llm.Request, onDelta func(string)) (llm.Response, error) {
	if onDelta == nil {
		r, err := c.complete(ctx, toRequest(c.model, req, false))
		if err != nil {
			return llm.Response{}, fmt.Errorf("chat completion: %w", fromError(err))
		}
		return fromResponse(r)
	}
	cr := toRequest(c.model, req, true)
	if req.Schema != nil && c.noSchema.Load() {
		cr = jsonObjectOnly(cr)
	}
	stream, err := c.c.CreateChatCompletionStream(ctx, cr)
	if err != nil {
		return llm.Response{}, fmt.Errorf("chat completion stream: %w", fromError(err))
	}
	defer stream.Close()
	var out llm.Response
	var content, reasoning strings.Builder
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return llm.Response{}, fmt.Errorf("read chat stream: %w", fromError(err))
		}
		if chunk.Model != "" {
			out.Model = chunk.Model
		}
		if chunk.Usage != nil {
			out.Usage = fromUsage(chunk.Usage)
		}
		for _, ch := range chunk.Choices {
			if ch.Index != 0 {
				continue
			}
			if ch.Delta.ReasoningContent != "" {
				reasoning.WriteString(ch.Delta.ReasoningContent)
				onDelta("") // alive, thinking: see llm.Model
			}
			if ch.Delta.Content != "" {
				content.WriteString(ch.Delta.Content)
				onDelta(ch.Delta.Content)
			}
			if ch.FinishReason != "" {
				out.FinishReason = string(ch.FinishReason)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return llm.Response{}, fmt.Errorf("read chat stream: %w", err)
	}
	if out.FinishReason == "" {
		// The body ended without a finish reason: the connection was cut
		// (go-openai reports a missing [DONE] as a plain io.EOF).
		return llm.Response{}, llm.ErrTruncated
	}
	out.Content, out.Reasoning = content.String(), reasoning.String()
	return out, nil
}

// complete makes one buffered call. A structured call the server refuses
// with 400 (it does not know json_schema) is made once more in plain JSON
// mode, and the server is remembered as one that needs it.
func (c *Client) complete(ctx context.Context, r goopenai.ChatCompletionRequest) (goopenai.ChatCompletionResponse, error) {
	structured := r.ResponseFormat != nil && r.ResponseFormat.JSONSchema != nil
	if structured && c.noSchema.Load() {
		r = jsonObjectOnly(r)
	}
	resp, err := c.c.CreateChatCompletion(ctx, r)
	var se *llm.StatusError
	if err != nil && structured && !c.noSchema.Load() && errors.As(fromError(err), &se) && se.StatusCode == http.StatusBadRequest {
		c.noSchema.Store(true)
		resp, err = c.c.CreateChatCompletion(ctx, jsonObjectOnly(r))
	}
	return resp, err
}

// ListModels returns the IDs GET /models reports.
func (c *Client) ListModels(ctx context.Context) ([]string, error) {
	list, err := c.c.ListModels(ctx)
	if err != nil {
		return nil, fmt.Errorf("list models: %w", fromError(err))
	}
	ids := make([]string, len(list.Models))
	for i, m := range list.Models {
		ids[i] = m.ID
	}
	return ids, nil
}
