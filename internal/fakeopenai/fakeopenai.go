// Package fakeopenai is a loopback OpenAI-compatible server for tests: it
// speaks /v1/chat/completions (JSON and SSE streaming, with usage and
// reasoning_content) and /v1/models, and plays a fakellm.Script.
package fakeopenai

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/premortem/premortem/internal/fakellm"
)

// Server is a running fake. URL ends in /v1, ready for a base_url.
type Server struct {
	*httptest.Server
	URL    string
	Script *fakellm.Script
	Models []string
}

// New starts a fake serving models and playing script.
func New(script *fakellm.Script, models ...string) *Server {
	s := &Server{Script: script, Models: models}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", s.chat)
	mux.HandleFunc("GET /v1/models", s.models)
	s.Server = httptest.NewServer(mux)
	s.URL = s.Server.URL + "/v1"
	return s
}

type chatRequest struct {
	Model          string `json:"model"`
	Stream         bool   `json:"stream"`
	ResponseFormat *struct {
		Type       string `json:"type"`
		JSONSchema *struct {
			Schema json.RawMessage `json:"schema"`
		} `json:"json_schema"`
	} `json:"response_format"`
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
}

func (s *Server) chat(w http.ResponseWriter, r *http.Request) {
	var req chatRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, `{"error":{"message":"bad json"}}`, http.StatusBadRequest)
		return
	}
	fr := fakellm.Request{Model: req.Model, Stream: req.Stream}
	if rf := req.ResponseFormat; rf != nil {
		fr.Schema = `{"type":"object"}` // json_object mode: any object
		if rf.JSONSchema != nil {
			fr.Schema = string(rf.JSONSchema.Schema)
		}
	}
	for _, m := range req.Messages {
		fr.Messages = append(fr.Messages, fakellm.Message{Role: m.Role, Content: m.Content})
	}
	st := s.Script.Take(fr)
	if !fakellm.Wait(r.Context(), st.Delay) {
		return
	}
	switch st.Kind {
	case fakellm.KindEmpty:
		w.WriteHeader(http.StatusOK)
		return
	case fakellm.KindStatus:
		if st.RetryAfter != "" {
			w.Header().Set("Retry-After", st.RetryAfter)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(st.Status)
		fmt.Fprintf(w, `{"error":{"message":"scripted %d","type":"fake"}}`, st.Status)
		return
	case fakellm.KindHang:
		<-r.Context().Done()
		return
	case fakellm.KindGarbage:
		w.Header().Set("Content-Type", "text/event-stream")
		fmt.Fprint(w, "data: {not json at all\n\n<html>oops</html>\n")
		return
	}
	finish := st.Finish
	if finish == "" {
		finish = "stop"
	}
	if !req.Stream {
		if st.Kind == fakellm.KindTruncated {
			hijackClose(w)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{
			"id": "fake", "object": "chat.completion", "model": req.Model,
			"choices": []any{map[string]any{"index": 0, "finish_reason": finish,
				"message": map[string]any{"role": "assistant", "content": st.Text(), "reasoning_content": st.Reasoning}}},
			"usage": map[string]any{"prompt_tokens": 11, "completion_tokens": len(st.Chunks), "total_tokens": 11 + len(st.Chunks)},
		})
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	fl, _ := w.(http.Flusher)
	send := func(v any) {
		b, _ := json.Marshal(v)
		fmt.Fprintf(w, "data: %s\n\n", b)
		if fl != nil {
			fl.Flush()
		}
	}
	chunk := func(delta map[string]any, finish any) map[string]any {
		return map[string]any{"id": "fake", "object": "chat.completion.chunk", "model": req.Model,
			"choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": finish}}}
	}
	send(chunk(map[string]any{"role": "assistant", "content": ""}, nil))
	if st.Reasoning != "" {
		send(chunk(map[string]any{"reasoning_content": st.Reasoning}, nil))
	}
	for _, c := range st.Chunks {
		send(chunk(map[string]any{"content": c}, nil))
	}
	if st.Kind == fakellm.KindTruncated {
		return // the body ends without a finish reason or [DONE]
	}
	send(chunk(map[string]any{}, finish))
	send(map[string]any{"id": "fake", "object": "chat.completion.chunk", "model": req.Model, "choices": []any{},
		"usage": map[string]any{"prompt_tokens": 11, "completion_tokens": len(st.Chunks), "total_tokens": 11 + len(st.Chunks)}})
	fmt.Fprint(w, "data: [DONE]\n\n")
}

func (s *Server) models(w http.ResponseWriter, r *http.Request) {
	data := make([]any, len(s.Models))
	for i, m := range s.Models {
		data[i] = map[string]any{"id": m, "object": "model", "owned_by": "fake"}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"object": "list", "data": data})
}

// hijackClose drops the connection without a response.
func hijackClose(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if c, _, err := hj.Hijack(); err == nil {
			c.Close()
		}
	}
}
