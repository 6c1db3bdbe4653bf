package openai

import (
	"errors"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/premortem/premortem/llm"
)

// Conversions between the neutral llm vocabulary and go-openai's types.

func toRequest(model string, req llm.Request, stream bool) goopenai.ChatCompletionRequest {
	msgs := make([]goopenai.ChatCompletionMessage, len(req.Messages))
	for i, m := range req.Messages {
		msgs[i] = goopenai.ChatCompletionMessage{Role: string(m.Role), Content: m.Content}
	}
	r := goopenai.ChatCompletionRequest{
		Model:       model,
		Messages:    msgs,
		MaxTokens:   req.MaxTokens, // max_tokens: what every compatible server understands
		Temperature: float32(req.Temperature),
		Stream:      stream,
	}
	if stream {
		r.StreamOptions = &goopenai.StreamOptions{IncludeUsage: true}
	}
	if req.Schema != nil {
		r.ResponseFormat = &goopenai.ChatCompletionResponseFormat{
			Type: goopenai.ChatCompletionResponseFormatTypeJSONSchema,
			JSONSchema: &goopenai.ChatCompletionResponseFormatJSONSchema{
				Name: req.Schema.Name, Schema: req.Schema.Schema, Strict: true,
			},
		}
	}
	return r
}

// jsonObjectOnly downgrades a json_schema request to plain JSON mode, for
// servers that refuse json_schema (DeepSeek, older vLLM and llama.cpp
// builds); the caller validates the reply against the schema itself.
func jsonObjectOnly(r goopenai.ChatCompletionRequest) goopenai.ChatCompletionRequest {
	r.ResponseFormat = &goopenai.ChatCompletionResponseFormat{Type: goopenai.ChatCompletionResponseFormatTypeJSONObject}
	return r
}

func fromResponse(r goopenai.ChatCompletionResponse) (llm.Response, error) {
	if len(r.Choices) == 0 {
		return llm.Response{}, errors.New("the reply has no choices")
	}
	c := r.Choices[0]
	return llm.Response{
		Content:      c.Message.Content,
		Reasoning:    c.Message.ReasoningContent,
		Model:        r.Model,
		FinishReason: string(c.FinishReason),
		Usage:        fromUsage(&r.Usage),
	}, nil
}

func fromUsage(u *goopenai.Usage) llm.Usage {
	if u == nil {
		return llm.Usage{}
	}
	return llm.Usage{PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens}
}

// fromError turns SDK errors that carry an HTTP status into *llm.StatusError.
// Most refusals are already turned into one by the transport; this covers
// errors the SDK builds itself (an error frame inside a stream has no status
// and stays as it is).
func fromError(err error) error {
	var se *llm.StatusError
	if errors.As(err, &se) {
		return err
	}
	var apiErr *goopenai.APIError
	if errors.As(err, &apiErr) && apiErr.HTTPStatusCode >= 400 {
		return &llm.StatusError{StatusCode: apiErr.HTTPStatusCode, Message: apiErr.Message}
	}
	var reqErr *goopenai.RequestError
	if errors.As(err, &reqErr) && reqErr.HTTPStatusCode >= 400 {
		return &llm.StatusError{StatusCode: reqErr.HTTPStatusCode}
	}
	return err
}
