package llm

import (
	"errors"
	"fmt"
	"testing"
)

func TestStatusError(t *testing.T) {
	tests := []struct {
		name      string
		err       *StatusError
		text      string
		temporary bool
	}{
		{"rate limited", &StatusError{StatusCode: 429, Message: "slow down"}, "server answered 429 Too Many Requests: slow down", true},
		{"unavailable", &StatusError{StatusCode: 503}, "server answered 503 Service Unavailable", true},
		{"unauthorized", &StatusError{StatusCode: 401}, "server answered 401 Unauthorized", false},
		{"not found", &StatusError{StatusCode: 404, Message: "model 'x' not found"}, "server answered 404 Not Found: model 'x' not found", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wrapped := fmt.Errorf("chat: %w", tt.err)
			var se *StatusError
			if !errors.As(wrapped, &se) || se.Error() != tt.text || se.Temporary() != tt.temporary {
				t.Errorf("got %q temporary=%v, want %q %v", se.Error(), se.Temporary(), tt.text, tt.temporary)
			}
		})
	}
}
