// Package wire holds the HTTP plumbing both providers share: a transport
// that turns refused calls into *llm.StatusError.
//
// Why a transport: neither SDK reports status and Retry-After in a usable
// way. go-openai's *APIError carries HTTPStatusCode but drops the response
// headers, and langchaingo's Ollama client keeps its StatusError in an
// internal package (and, while streaming, returns a bare string error with
// no status at all). Seeing the response before the SDK does is the one
// place where both the status and the Retry-After header are still there.
package wire

import (
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/premortem/premortem/llm"
)

// maxErrorBody bounds how much of a refusal's body is read for its message.
const maxErrorBody = 4 << 10

// Client returns an HTTP client whose transport reports every response with
// status 400 or more as a *llm.StatusError. secret, when not empty, is
// removed from any message the server echoes back.
func Client(base http.RoundTripper, secret string) *http.Client {
	if base == nil {
		base = http.DefaultTransport
	}
	return &http.Client{Transport: &transport{base: base, secret: secret}}
}

type transport struct {
	base   http.RoundTripper
	secret string
}

func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil || resp.StatusCode < 400 {
		return resp, err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	return nil, &llm.StatusError{
		StatusCode: resp.StatusCode,
		RetryAfter: RetryAfter(resp.Header.Get("Retry-After"), time.Now()),
		Message:    redact(message(body), t.secret),
	}
}

// RetryAfter parses a Retry-After value: delay-seconds or an HTTP date.
func RetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// message pulls the explanation out of an error body: OpenAI's
// {"error":{"message":...}}, Ollama's {"error":"..."}, else the text.
func message(body []byte) string {
	var withObject struct {
		Error struct {
			Message string `json:"message"`
		} `json:"error"`
	}
	var withString struct {
		Error string `json:"error"`
	}
	s := string(body)
	switch {
	case json.Unmarshal(body, &withObject) == nil && withObject.Error.Message != "":
		s = withObject.Error.Message
	case json.Unmarshal(body, &withString) == nil && withString.Error != "":
		s = withString.Error
	}
	s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "")), " ")
	if r := []rune(s); len(r) > 200 {
		s = string(r[:200]) + "…"
	}
	return s
}

func redact(s, secret string) string {
	if len(secret) < 4 {
		return s
	}
	return strings.ReplaceAll(s, secret, "[redacted]")
}
