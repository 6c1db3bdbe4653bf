// Package fakellm is the script both loopback model fakes (fakeopenai,
// fakeollama) play: each request to a chat endpoint takes the next Step,
// and the last Step repeats. Steps cover what real servers do wrong: 429
// with Retry-After, 500, a hang, a stall before the first token, a cut
// stream, garbage, an empty 200, and a model that invents citations and
// figures or thinks aloud in <think> tags. Dynamic steps (cite.go) answer
// from the request: cite what the prompt offered, or nothing. Requests
// that ask for structured output (a JSON schema) can get their own steps
// (Script.Route), as a model-backed router's calls do.
package fakellm

import (
	"context"
	"sync"
	"time"
)

// Kind is what a Step does.
type Kind int

const (
	KindReply     Kind = iota // stream Chunks, then finish
	KindStatus                // refuse with Status (and Retry-After)
	KindHang                  // accept and never answer until the client gives up
	KindTruncated             // stream Chunks, then cut the connection
	KindGarbage               // answer 200 with bytes that are not the protocol
	KindEmpty                 // answer 200 with an empty body
)

// Step is one scripted answer.
type Step struct {
	Kind       Kind
	Chunks     []string // content pieces, streamed in order
	Reasoning  string   // a reasoning field sent before the content (OpenAI's reasoning_content)
	Finish     string   // finish reason; "" means "stop"
	Status     int
	RetryAfter string // Retry-After header value
	// Delay holds everything back (headers included) for this long, or
	// until the client gives up: a server slow to its first token.
	Delay time.Duration
	// Respond, when not nil, builds the step from the request: Take
	// returns what it returns (see CiteGiven).
	Respond func(Request) Step
}

// Reply streams chunks and finishes normally.
func Reply(chunks ...string) Step { return Step{Kind: KindReply, Chunks: chunks} }

// Status refuses with code, sending retryAfter as Retry-After when not "".
func Status(code int, retryAfter string) Step {
	return Step{Kind: KindStatus, Status: code, RetryAfter: retryAfter}
}

// Hang never answers.
func Hang() Step { return Step{Kind: KindHang} }

// Truncated streams chunks and cuts the connection before finishing.
func Truncated(chunks ...string) Step { return Step{Kind: KindTruncated, Chunks: chunks} }

// Garbage answers with bytes that are not the protocol.
func Garbage() Step { return Step{Kind: KindGarbage} }

// Empty answers 200 with nothing in the body.
func Empty() Step { return Step{Kind: KindEmpty} }

// Stall waits d before streaming step s: a slow first token.
func Stall(d time.Duration, s Step) Step { s.Delay = d; return s }

// Text joins a reply's chunks.
func (s Step) Text() string {
	var n string
	for _, c := range s.Chunks {
		n += c
	}
	return n
}

// Script hands out Steps and records what was asked. It is safe for
// concurrent use.
type Script struct {
	mu       sync.Mutex
	steps    []Step
	next     int
	route    []Step // for requests with a Schema, when set
	nextR    int
	requests []Request
}

// Request is what a client sent to a chat endpoint.
type Request struct {
	Model    string
	Stream   bool
	Messages []Message
	Schema   string // the JSON schema asked for (raw JSON), "" for free text
}

// LastUser returns the content of the last user message.
func (r Request) LastUser() string {
	for i := len(r.Messages) - 1; i >= 0; i-- {
		if r.Messages[i].Role == "user" {
			return r.Messages[i].Content
		}
	}
	return ""
}

// Message is one chat message as received.
type Message struct {
	Role    string
	Content string
}

// NewScript returns a script playing steps; with none it replies "ok".
func NewScript(steps ...Step) *Script {
	if len(steps) == 0 {
		steps = []Step{Reply("ok")}
	}
	return &Script{steps: steps}
}

// Route makes requests that carry a Schema take these steps (the last
// repeats) instead of the main ones.
func (s *Script) Route(steps ...Step) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.route, s.nextR = steps, 0
}

// Take records r and returns the step that answers it.
func (s *Script) Take(r Request) Step {
	s.mu.Lock()
	s.requests = append(s.requests, r)
	var st Step
	if r.Schema != "" && len(s.route) > 0 {
		st = s.route[min(s.nextR, len(s.route)-1)]
		s.nextR++
	} else {
		st = s.steps[min(s.next, len(s.steps)-1)]
		s.next++
	}
	s.mu.Unlock()
	if st.Respond != nil {
		delay := st.Delay
		st = st.Respond(r)
		st.Delay = max(st.Delay, delay)
	}
	return st
}

// Requests returns what was asked so far.
func (s *Script) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Wait sleeps d, or until ctx ends; it reports whether the full wait passed.
func Wait(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
