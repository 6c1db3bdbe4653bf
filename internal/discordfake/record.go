package discordfake

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Call is one recorded REST request and the fake's answer.
type Call struct {
	At     time.Time
	Method string
	// Path is the path below the API version, e.g. "/channels/1/messages"
	// for "/api/v9/channels/1/messages".
	Path    string
	Query   url.Values
	Version string // API version from the URL, e.g. "9"
	// Route is the matched route pattern with its major parameter, which is
	// also the rate-limit bucket, e.g. "POST /channels/{channel}/messages 123".
	Route  string
	Header http.Header
	// Body is the JSON body, or payload_json of a multipart body.
	Body  json.RawMessage
	Files []File
	// AllowedMentions is the body's allowed_mentions, nil when absent.
	// HasAllowedMentions tells whether it was present on a message
	// create, edit, webhook or interaction-response call.
	AllowedMentions    json.RawMessage
	HasAllowedMentions bool
	// Pings lists who this call's message would notify on Discord, from its
	// content and allowed_mentions; nil for calls that post no message.
	Pings *Pings
	// Status is the HTTP status the fake answered with; Response its body.
	Status   int
	Response json.RawMessage
}

// File is one multipart attachment (files[n]).
type File struct {
	Field, Name, ContentType string
	Data                     []byte
}

// Authorization returns the call's Authorization header.
func (c Call) Authorization() string { return c.Header.Get("Authorization") }

// AuditLogReason returns the decoded X-Audit-Log-Reason header.
func (c Call) AuditLogReason() string {
	r := c.Header.Get("X-Audit-Log-Reason")
	if d, err := url.PathUnescape(r); err == nil {
		return d
	}
	return r
}

// Decode unmarshals the call's JSON body into v.
func (c Call) Decode(v any) error {
	if len(c.Body) == 0 {
		return fmt.Errorf("decode %s %s: empty body", c.Method, c.Path)
	}
	if err := json.Unmarshal(c.Body, v); err != nil {
		return fmt.Errorf("decode %s %s: %w", c.Method, c.Path, err)
	}
	return nil
}

// String is a one-line summary for test failure messages.
func (c Call) String() string {
	return fmt.Sprintf("%s %s -> %d", c.Method, c.Path, c.Status)
}

// Ack is one interaction's first response: a callback (POST
// /interactions/{id}/{token}/callback), or the bot's HTTP response to an
// interaction posted with PostInteraction.
type Ack struct {
	InteractionID string
	Type          discordgo.InteractionResponseType
	Data          json.RawMessage // the response's "data", may be nil
	// Latency is the time from DispatchInteraction writing the event (or
	// PostInteraction sending the request) to the response arriving.
	Latency time.Duration
	At      time.Time
	// Status is 204 when accepted, else Discord's error status; for a
	// posted interaction whose HTTP status was not 200, that status (0 when
	// the request failed).
	Status int
}

// Identify is one accepted or rejected Identify (op 2).
type Identify struct {
	Token    string
	Intents  discordgo.Intent
	Compress bool
	Shard    *[2]int
	// CloseCode is non-zero when the fake refused the Identify.
	CloseCode int
	// Throttled is set when the Identify came sooner than
	// Options.IdentifyInterval after another of its bucket and was answered
	// with op 9 Invalid Session.
	Throttled bool
	// At is when the fake received it.
	At time.Time
}

// Calls returns every REST call so far, oldest first.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// CallsTo returns the calls with this method (empty = any) whose path
// starts with pathPrefix.
func (s *Server) CallsTo(method, pathPrefix string) []Call {
	var out []Call
	for _, c := range s.Calls() {
		if matchCall(c, method, pathPrefix) {
			out = append(out, c)
		}
	}
	return out
}

func matchCall(c Call, method, pathPrefix string) bool {
	return (method == "" || c.Method == method) && strings.HasPrefix(c.Path, pathPrefix)
}

// WaitFor blocks until a recorded call satisfies match (including calls made
// before WaitFor) and returns the first such call.
func (s *Server) WaitFor(ctx context.Context, match func(Call) bool) (Call, error) {
	var found Call
	err := s.waitUntil(ctx, "matching REST call", func() bool {
		for _, c := range s.calls {
			if match(c) {
				found = c
				return true
			}
		}
		return false
	})
	return found, err
}

// WaitCall blocks until a call with method (empty = any) and a path
// starting with pathPrefix has been recorded, and returns the first one.
func (s *Server) WaitCall(ctx context.Context, method, pathPrefix string) (Call, error) {
	c, err := s.WaitFor(ctx, func(c Call) bool { return matchCall(c, method, pathPrefix) })
	if err != nil {
		return c, fmt.Errorf("%s %s: %w", method, pathPrefix, err)
	}
	return c, nil
}

// WaitCalls blocks until at least n matching calls have been recorded and
// returns all matching calls.
func (s *Server) WaitCalls(ctx context.Context, n int, match func(Call) bool) ([]Call, error) {
	var out []Call
	err := s.waitUntil(ctx, fmt.Sprintf("%d matching REST calls", n), func() bool {
		out = out[:0]
		for _, c := range s.calls {
			if match(c) {
				out = append(out, c)
			}
		}
		return len(out) >= n
	})
	return out, err
}

// Acks returns every interaction callback so far, oldest first.
func (s *Server) Acks() []Ack {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Ack(nil), s.acks...)
}

// Interactions is Acks under the name the bot's issue uses: every
// interaction acknowledgement with its latency since dispatch.
func (s *Server) Interactions() []Ack { return s.Acks() }

// WaitAck blocks until the interaction with this ID has been acknowledged
// successfully and returns the acknowledgement.
func (s *Server) WaitAck(ctx context.Context, interactionID string) (Ack, error) {
	var found Ack
	err := s.waitUntil(ctx, "ack of interaction "+interactionID, func() bool {
		for _, a := range s.acks {
			if a.InteractionID == interactionID && a.Status >= 200 && a.Status < 300 {
				found = a
				return true
			}
		}
		return false
	})
	return found, err
}

// WaitAcks blocks until n interaction callbacks (accepted or not) have
// arrived.
func (s *Server) WaitAcks(ctx context.Context, n int) error {
	return s.waitUntil(ctx, fmt.Sprintf("%d interaction callbacks", n), func() bool { return len(s.acks) >= n })
}

// Identifies returns how many Identify payloads the gateway has received.
func (s *Server) Identifies() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.identifies)
}

// IdentifyLog returns every Identify received, oldest first.
func (s *Server) IdentifyLog() []Identify {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Identify(nil), s.identifies...)
}

// Resumes returns how many sessions were resumed successfully.
func (s *Server) Resumes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.resumes
}

// WaitIdentifies blocks until n successful Identifies (READY sent) happened.
func (s *Server) WaitIdentifies(ctx context.Context, n int) error {
	return s.waitUntil(ctx, fmt.Sprintf("%d identifies", n), func() bool {
		ok := 0
		for _, id := range s.identifies {
			if id.CloseCode == 0 {
				ok++
			}
		}
		return ok >= n
	})
}

// WaitResumes blocks until n resumes succeeded (RESUMED sent).
func (s *Server) WaitResumes(ctx context.Context, n int) error {
	return s.waitUntil(ctx, fmt.Sprintf("%d resumes", n), func() bool { return s.resumes >= n })
}

// WaitReady blocks until a client is steadily connected: READY or RESUMED
// was sent on a connection that is still open and the client has sent a
// heartbeat on it. Call it before each Reconnect, DropConnection or
// InvalidateSession: discordgo v0.29.0 starts its heartbeat goroutine after
// Open returns, and a connection lost before that first heartbeat makes the
// stale goroutine close the next connection too, a reconnect loop that
// tests should not provoke by accident.
func (s *Server) WaitReady(ctx context.Context) error {
	return s.waitUntil(ctx, "a ready gateway connection", func() bool {
		return s.current != nil && s.current.conn != nil && s.current.conn.heartbeats > 0
	})
}

// Heartbeats returns how many heartbeats (op 1) the gateway received.
func (s *Server) Heartbeats() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.heartbeats
}

// WaitDisconnected blocks until no gateway connection is open.
func (s *Server) WaitDisconnected(ctx context.Context) error {
	return s.waitUntil(ctx, "gateway disconnect", func() bool { return len(s.conns) == 0 })
}
