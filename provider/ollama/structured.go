package ollama

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/premortem/premortem/llm"
)

// Structured output. Ollama constrains a reply to a JSON Schema given as
// /api/chat's "format" object, but langchaingo (v0.1.14) sends format only
// as a string ("json"), which Ollama refuses for anything else. So a
// request carrying an llm.Schema goes over plain net/http, like
// ListModels, buffered: such replies are a few tokens long.

type chatRequest struct {
	Model    string          `json:"model"`
	Messages []chatMessage   `json:"messages"`
	Stream   bool            `json:"stream"`
	Format   json.RawMessage `json:"format"`
	Options  map[string]any  `json:"options,omitempty"`
}

type chatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type chatResponse struct {
	Model           string      `json:"model"`
	Message         chatMessage `json:"message"`
	Done            bool        `json:"done"`
	DoneReason      string      `json:"done_reason"`
	PromptEvalCount int         `json:"prompt_eval_count"`
	EvalCount       int         `json:"eval_count"`
}

// generateStructured asks /api/chat for one reply constrained to req.Schema.
func (c *Client) generateStructured(ctx context.Context, req llm.Request) (llm.Response, error) {
	body := chatRequest{Model: c.model, Format: req.Schema.Schema, Options: map[string]any{"temperature": req.Temperature}}
	if req.MaxTokens > 0 {
		body.Options["num_predict"] = req.MaxTokens
	}
	for _, m := range req.Messages {
		body.Messages = append(body.Messages, chatMessage{Role: string(m.Role), Content: m.Content})
	}
	b, err := json.Marshal(body)
	if err != nil {
		return llm.Response{}, fmt.Errorf("ollama structured chat: %w", err)
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base.JoinPath("api", "chat").String(), bytes.NewReader(b))
	if err != nil {
		return llm.Response{}, fmt.Errorf("ollama structured chat: %w", err)
	}
	hr.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(hr)
	if err != nil {
		return llm.Response{}, fmt.Errorf("ollama structured chat: %w", err)
	}
	defer resp.Body.Close()
	var cr chatResponse
	if err := json.NewDecoder(resp.Body).Decode(&cr); err != nil {
		return llm.Response{}, fmt.Errorf("ollama structured chat: decode the reply: %w", err)
	}
	if !cr.Done {
		return llm.Response{}, errors.New("ollama structured chat: the reply is not finished")
	}
	return llm.Response{
		Content:      cr.Message.Content,
		Model:        c.model,
		FinishReason: cmp.Or(cr.DoneReason, "stop"),
		Usage:        llm.Usage{PromptTokens: cr.PromptEvalCount, CompletionTokens: cr.EvalCount},
	}, nil
}
