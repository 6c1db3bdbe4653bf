package discordfake

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"regexp"
	"strings"
	"time"
)

// restReq is one REST request as the route handlers see it.
type restReq struct {
	r    *http.Request
	call *Call
	body map[string]json.RawMessage // top-level keys of the JSON body
}

type ctxKey struct{}

// restFunc handles one route and returns the status and the value to send
// as JSON (nil for no body).
type restFunc func(s *Server, q *restReq) (int, any)

type restRoute struct {
	s  *Server
	fn restFunc
}

func (h restRoute) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.Context().Value(ctxKey{}).(*restReq)
	q.r = r
	status, v := h.fn(h.s, q)
	writeJSON(w, q.call, status, v)
}

func writeJSON(w http.ResponseWriter, call *Call, status int, v any) {
	call.Status = status
	if v == nil || status == http.StatusNoContent {
		w.WriteHeader(status)
		return
	}
	b, err := json.Marshal(v)
	if err != nil {
		b = []byte(`{"message":"fake: marshal response failed","code":0}`)
		status = http.StatusInternalServerError
		call.Status = status
	}
	call.Response = b
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

// apiError is Discord's error body.
func apiError(status, code int, message string) (int, any) {
	return status, map[string]any{"code": code, "message": message}
}

var versionPrefix = regexp.MustCompile(`^/api(/v(\d+))?(/.*)$`)

func (s *Server) handler() http.Handler {
	mux := http.NewServeMux()
	s.routes(mux)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/gateway-ws" || r.URL.Path == "/gateway-ws/" {
			s.serveGateway(w, r)
			return
		}
		m := versionPrefix.FindStringSubmatch(r.URL.Path)
		if m == nil {
			http.NotFound(w, r)
			return
		}
		s.serveREST(w, r, mux, m[2], m[3])
	})
}

func (s *Server) serveREST(w http.ResponseWriter, r *http.Request, mux *http.ServeMux, version, path string) {
	call := &Call{At: time.Now(), Method: r.Method, Path: path, Query: r.URL.Query(), Version: version, Header: r.Header.Clone()}
	defer s.record(call)
	q := &restReq{call: call}
	if err := readBody(r, call); err != nil {
		st, v := apiError(http.StatusBadRequest, 50109, "The request body contains invalid JSON. ("+err.Error()+")")
		writeJSON(w, call, st, v)
		return
	}
	if len(call.Body) > 0 {
		if err := json.Unmarshal(call.Body, &q.body); err != nil && call.Body[0] == '{' {
			st, v := apiError(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
			writeJSON(w, call, st, v)
			return
		}
	}
	if am, ok := q.body["allowed_mentions"]; ok {
		call.AllowedMentions = am
	}
	inner := r.Clone(context.WithValue(r.Context(), ctxKey{}, q))
	inner.URL.Path = path
	inner.URL.RawPath = ""
	_, pattern := mux.Handler(inner)
	call.Route = strings.TrimSpace(pattern + " " + majorParam(path))
	if pattern == "" {
		st, v := apiError(http.StatusNotFound, 0, "404: Not Found")
		writeJSON(w, call, st, v)
		return
	}
	if needsAuth(path) && r.Header.Get("Authorization") != s.Token() {
		st, v := apiError(http.StatusUnauthorized, 0, "401: Unauthorized")
		writeJSON(w, call, st, v)
		return
	}
	if s.failScripted(w, call) || s.rateLimit(w, call) {
		return
	}
	mux.ServeHTTP(w, inner)
}

// record appends a finished call and wakes waiters.
func (s *Server) record(c *Call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, *c)
	s.notifyLocked()
}

// needsAuth tells whether a path needs the bot token: interaction
// callbacks and webhook-token routes are authorised by their token, and
// GET /gateway is public.
func needsAuth(path string) bool {
	return !strings.HasPrefix(path, "/interactions/") && !strings.HasPrefix(path, "/webhooks/") && path != "/gateway"
}

// majorParam is the part of the path that splits a route into rate-limit
// buckets on Discord: the channel, guild, webhook (with token) or
// interaction.
func majorParam(path string) string {
	p := strings.Split(strings.TrimPrefix(path, "/"), "/")
	if len(p) < 2 {
		return ""
	}
	switch p[0] {
	case "channels", "guilds":
		return p[1]
	case "webhooks", "interactions":
		if len(p) >= 3 {
			return p[1] + "/" + p[2]
		}
		return p[1]
	}
	return ""
}

// readBody reads a JSON or multipart body into call.Body and call.Files.
func readBody(r *http.Request, call *Call) error {
	if r.Body == nil {
		return nil
	}
	return readPayload(r.Body, r.Header.Get("Content-Type"), call)
}

// readPayload reads a JSON or multipart/form-data payload (a request's, or
// the bot's HTTP response to an interaction) into call.Body and call.Files.
func readPayload(body io.Reader, contentType string, call *Call) error {
	raw, err := io.ReadAll(io.LimitReader(body, 32<<20))
	if err != nil {
		return fmt.Errorf("read body: %w", err)
	}
	mt, params, _ := mime.ParseMediaType(contentType)
	if mt != "multipart/form-data" {
		if len(bytes.TrimSpace(raw)) > 0 {
			if !json.Valid(raw) {
				return fmt.Errorf("body is not JSON")
			}
			call.Body = raw
		}
		return nil
	}
	mr := multipart.NewReader(bytes.NewReader(raw), params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read multipart body: %w", err)
		}
		data, err := io.ReadAll(p)
		if err != nil {
			return fmt.Errorf("read multipart part %q: %w", p.FormName(), err)
		}
		if p.FormName() == "payload_json" {
			if !json.Valid(data) {
				return fmt.Errorf("payload_json is not JSON")
			}
			call.Body = data
			continue
		}
		call.Files = append(call.Files, File{Field: p.FormName(), Name: p.FileName(), ContentType: p.Header.Get("Content-Type"), Data: data})
	}
}
