package discordfake

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Failure scripts error answers for matching REST calls, checked before
// rate limits and routing.
type Failure struct {
	Method     string // empty matches any method
	PathPrefix string // matched against Call.Path, e.g. "/channels/1/messages"
	Status     int    // e.g. 429, 500, 502
	// RetryAfter and Global shape a 429 (retry_after, X-RateLimit-Global).
	RetryAfter time.Duration
	Global     bool
	// Code and Message fill Discord's error body for statuses other than 429.
	Code    int
	Message string
	// Times is how many matching calls fail; 0 means once.
	Times int
}

// Fail scripts a failure.
func (s *Server) Fail(f Failure) {
	if f.Times <= 0 {
		f.Times = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = append(s.failures, &f)
}

// FailNext makes the next call on route fail with status; route is a method
// and a path prefix, e.g. "POST /channels/810000000000000001/messages" or
// "PATCH /webhooks/". For 429 the answer carries retryAfter as Retry-After
// header and JSON retry_after, with Discord's rate-limit headers.
func (s *Server) FailNext(route string, status int, retryAfter time.Duration) {
	method, path, ok := strings.Cut(route, " ")
	if !ok {
		method, path = "", route
	}
	s.Fail(Failure{Method: method, PathPrefix: path, Status: status, RetryAfter: retryAfter})
}

// failScripted answers the call with a scripted failure if one matches.
func (s *Server) failScripted(w http.ResponseWriter, call *Call) bool {
	s.mu.Lock()
	var f *Failure
	for i, cand := range s.failures {
		if (cand.Method == "" || cand.Method == call.Method) && strings.HasPrefix(call.Path, cand.PathPrefix) {
			f = cand
			if cand.Times--; cand.Times <= 0 {
				s.failures = append(s.failures[:i], s.failures[i+1:]...)
			}
			break
		}
	}
	s.mu.Unlock()
	if f == nil {
		return false
	}
	if f.Status == http.StatusTooManyRequests {
		s.tooMany(w, call, f.RetryAfter, f.Global)
		return true
	}
	msg := f.Message
	if msg == "" {
		msg = fmt.Sprintf("%d: %s", f.Status, http.StatusText(f.Status))
	}
	st, v := apiError(f.Status, f.Code, msg)
	writeJSON(w, call, st, v)
	return true
}

// bucket is a fixed window of requests for one route and major parameter.
type bucket struct {
	start time.Time
	count int
}

func bucketHash(route string) string {
	h := sha1.Sum([]byte(route))
	return hex.EncodeToString(h[:8])
}

// rateLimit counts the call in its bucket, sets the X-RateLimit-* headers
// and answers 429 when the bucket is exhausted.
func (s *Server) rateLimit(w http.ResponseWriter, call *Call) bool {
	lim := s.opts.RateLimit
	now := time.Now()
	s.mu.Lock()
	b := s.buckets[call.Route]
	if b == nil || now.Sub(b.start) >= lim.Window {
		b = &bucket{start: now}
		s.buckets[call.Route] = b
	}
	b.count++
	count, reset := b.count, b.start.Add(lim.Window)
	s.mu.Unlock()
	if count > lim.Requests {
		s.tooMany(w, call, reset.Sub(now), false)
		return true
	}
	setLimitHeaders(w.Header(), call.Route, lim.Requests, lim.Requests-count, reset, reset.Sub(now))
	return false
}

func setLimitHeaders(h http.Header, route string, limit, remaining int, reset time.Time, after time.Duration) {
	h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	h.Set("X-RateLimit-Reset", strconv.FormatFloat(float64(reset.UnixMilli())/1000, 'f', 3, 64))
	h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(after.Seconds(), 'f', 3, 64))
	h.Set("X-RateLimit-Bucket", bucketHash(route))
}

// tooMany writes Discord's 429 answer.
func (s *Server) tooMany(w http.ResponseWriter, call *Call, retryAfter time.Duration, global bool) {
	h := w.Header()
	secs := math.Round(retryAfter.Seconds()*1000) / 1000
	h.Set("Retry-After", strconv.Itoa(int(math.Ceil(retryAfter.Seconds()))))
	if global {
		h.Set("X-RateLimit-Global", "true")
		h.Set("X-RateLimit-Scope", "global")
	} else {
		setLimitHeaders(h, call.Route, s.opts.RateLimit.Requests, 0, time.Now().Add(retryAfter), retryAfter)
		h.Set("X-RateLimit-Scope", "user")
	}
	writeJSON(w, call, http.StatusTooManyRequests, map[string]any{
		"message":     "You are being rate limited.",
		"retry_after": secs,
		"global":      global,
		"code":        0,
	})
}
