package wire

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/premortem/premortem/llm"
)

func TestClientTurnsRefusalsIntoStatusErrors(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ok":
			io.WriteString(w, "fine")
		case "/busy":
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, `{"error":{"message":"slow down, key sk-secret-123"}}`)
		default:
			w.WriteHeader(http.StatusInternalServerError)
			io.WriteString(w, `{"error":"boom"}`)
		}
	}))
	defer srv.Close()
	c := Client(nil, "sk-secret-123")

	resp, err := c.Get(srv.URL + "/ok")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()

	tests := []struct {
		name      string
		path      string
		code      int
		retry     time.Duration
		msg       string
		temporary bool
	}{
		{"rate limited", "/busy", 429, 7 * time.Second, "slow down, key [redacted]", true},
		{"server error", "/fail", 500, 0, "boom", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Get(srv.URL + tt.path)
			var se *llm.StatusError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a *llm.StatusError", err)
			}
			if se.StatusCode != tt.code || se.RetryAfter != tt.retry || se.Message != tt.msg || se.Temporary() != tt.temporary {
				t.Errorf("got %+v", se)
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		in   string
		want time.Duration
	}{
		{"empty", "", 0},
		{"seconds", "3", 3 * time.Second},
		{"negative", "-1", 0},
		{"date", now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{"past date", now.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"garbage", "soon", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RetryAfter(tt.in, now); got != tt.want {
				t.Errorf("RetryAfter(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}
