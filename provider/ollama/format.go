package ollama

import (
	"github.com/tmc/langchaingo/llms"

	"github.com/premortem/premortem/llm"
)

// Conversions between the neutral llm vocabulary and langchaingo's types.

func toMessages(msgs []llm.Message) []llms.MessageContent {
	out := make([]llms.MessageContent, len(msgs))
	for i, m := range msgs {
		out[i] = llms.TextParts(toRole(m.Role), m.Content)
	}
	return out
}

func toRole(r llm.Role) llms.ChatMessageType {
	switch r {
	case llm.RoleSystem:
		return llms.ChatMessageTypeSystem
	case llm.RoleAssistant:
		return llms.ChatMessageTypeAI
	default:
		return llms.ChatMessageTypeHuman
	}
}

func toOptions(req llm.Request, stream func(string)) []llms.CallOption {
	opts := []llms.CallOption{llms.WithTemperature(req.Temperature)}
	if req.MaxTokens > 0 {
		opts = append(opts, llms.WithMaxTokens(req.MaxTokens))
	}
	return opts
}

// intInfo reads a token count from langchaingo's GenerationInfo map.
func intInfo(info map[string]any, key string) int {
	switch v := info[key].(type) {
	case int:
		return v
	case int64:
		return int(v)
	case float64:
		return int(v)
	}
	return 0
}
