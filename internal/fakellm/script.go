// Package fakellm is the script both loopback model fakes (fakeopenai,
// fakeollama) play: each request to a chat endpoint takes the next Step,
// and the last Step repeats. Steps cover what real servers do wrong: 429
// with Retry-After, 500, a hang, a cut stream, garbage, and a model that
// invents citations and figures or thinks aloud in <think> tags.
package fakellm

import (
	"sync"
)

// Kind is what a Step does.
type Kind int

const (
	KindReply     Kind = iota // stream Chunks, then finish
	KindStatus                // refuse with Status (and Retry-After)
	KindHang                  // accept and never answer until the client gives up
	KindTruncated             // stream Chunks, then cut the connection
	KindGarbage               // answer 200 with bytes that are not the protocol
)

// Step is one scripted answer.
type Step struct {
	Kind       Kind
	Chunks     []string // content pieces, streamed in order
	Reasoning  string   // a reasoning field sent before the content (OpenAI's reasoning_content)
	Finish     string   // finish reason; "" means "stop"
	Status     int
	RetryAfter string // Retry-After header value
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
	requests []Request
}

// Request is what a client sent to a chat endpoint.
type Request struct {
	Model    string
	Stream   bool
	Messages []Message
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

// Set replaces the remaining steps.
func (s *Script) Set(steps ...Step) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.steps, s.next = steps, 0
}

// Take records r and returns the step that answers it.
func (s *Script) Take(r Request) Step {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r)
	st := s.steps[min(s.next, len(s.steps)-1)]
	s.next++
	return st
}

// Requests returns what was asked so far.
func (s *Script) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}
