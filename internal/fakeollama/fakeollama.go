// Package fakeollama is a loopback server speaking Ollama's native API for
// tests: /api/chat (NDJSON streaming or one JSON object) and /api/tags,
// playing a fakellm.Script.
package fakeollama

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/premortem/premortem/internal/fakellm"
)

// Server is a running fake; URL is the base_url (no /api).
type Server struct {
	*httptest.Server
	Script *fakellm.Script
	Models []string
}

// New starts a fake serving models and playing script.
func New(script *fakellm.Script, models ...string) *Server {
	s := &Server{Script: script, Models: models}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/chat", s.chat)
	mux.HandleFunc("GET /api/tags", s.tags)
	s.Server = httptest.NewServer(mux)
	return s
}

type chatRequest struct {
	Model    string          `json:"model"`
	Stream   *bool           `json:"stream"`
	Format   json.RawMessage `json:"format"`
	Messages []struct {
		Role    string `json:"role"`
		Content string `json:"content"`
	} `json:"messages"`
}

func (s *Server) chat(w http.ResponseWriter, r *http.Request) {
	var req chatRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, `{"error":"bad json"}`, http.StatusBadRequest)
		return
	}
	// Ollama streams unless told "stream": false.
	stream := req.Stream == nil || *req.Stream
	fr := fakellm.Request{Model: req.Model, Stream: stream}
	switch f := string(req.Format); f {
	case "", `""`, "null":
	case `"json"`:
		fr.Schema = `{"type":"object"}`
	default:
		if f[0] != '{' {
			// What Ollama itself answers to a format that is neither.
			http.Error(w, `{"error":"invalid format: expected \"json\" or a JSON schema"}`, http.StatusBadRequest)
			return
		}
		fr.Schema = f
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
		fmt.Fprintf(w, `{"error":"scripted %d"}`, st.Status)
		return
	case fakellm.KindHang:
		<-r.Context().Done()
		return
	case fakellm.KindGarbage:
		w.Header().Set("Content-Type", "application/x-ndjson")
		fmt.Fprint(w, "<html>not ndjson</html>\n")
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	fl, _ := w.(http.Flusher)
	enc := json.NewEncoder(w)
	line := func(content string, done bool) map[string]any {
		m := map[string]any{"model": req.Model, "created_at": time.Now().UTC().Format(time.RFC3339Nano),
			"message": map[string]any{"role": "assistant", "content": content}, "done": done}
		if done {
			reason := st.Finish
			if reason == "" {
				reason = "stop"
			}
			m["done_reason"] = reason
			m["prompt_eval_count"] = 11
			m["eval_count"] = len(st.Chunks)
		}
		return m
	}
	if !stream {
		if st.Kind == fakellm.KindTruncated {
			return
		}
		enc.Encode(line(st.Text(), true))
		return
	}
	for _, c := range st.Chunks {
		enc.Encode(line(c, false))
		if fl != nil {
			fl.Flush()
		}
	}
	if st.Kind == fakellm.KindTruncated {
		return
	}
	enc.Encode(line("", true))
}

func (s *Server) tags(w http.ResponseWriter, r *http.Request) {
	models := make([]any, len(s.Models))
	for i, m := range s.Models {
		models[i] = map[string]any{"name": m, "model": m, "size": 1}
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"models": models})
}
