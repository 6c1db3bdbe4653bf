// Package endpoint is Discord's HTTP interactions endpoint (the
// application's "Interactions Endpoint URL"): POST /interactions, each
// request verified with the application's Ed25519 public key
// (discordgo.VerifyInteraction on X-Signature-Ed25519 and
// X-Signature-Timestamp; a bad or missing signature gets 401), PING
// answered with PONG, and every other interaction handed to the bot's
// router with a function that sends its first response as this request's
// HTTP response. The router's deferral keeps that within Discord's 3 s;
// everything after it goes through the interaction's webhook, as over the
// gateway.
//
// The endpoint keeps no state of its own, so several processes can serve
// one application behind a load balancer (their state is the store's).
package endpoint

import (
	"context"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Path is where Discord posts interactions.
const Path = "/interactions"

// Deadline is how long Discord waits for an interaction's HTTP response.
const Deadline = 3 * time.Second

// maxBody bounds an interaction's body (Discord's are a few KB).
const maxBody = 1 << 20

// errGone is the first response's error when the HTTP request ended first.
var errGone = errors.New("the interaction's HTTP request has ended")

// Dispatch routes an interaction whose first response is sent with first.
// It may block until then; the endpoint calls it in its own goroutine.
type Dispatch func(i *discordgo.Interaction, first func(ctx context.Context, r *discordgo.InteractionResponse) error)

// ParseKey reads the application's public key, as the Developer Portal
// shows it (64 hex digits).
func ParseKey(s string) (ed25519.PublicKey, error) {
	k, err := hex.DecodeString(s)
	if err != nil || len(k) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("DISCORD_PUBLIC_KEY: want the application's public key, %d hex digits (Developer Portal, General Information)", 2*ed25519.PublicKeySize)
	}
	return k, nil
}

// Endpoint serves POST /interactions.
type Endpoint struct {
	key      ed25519.PublicKey
	dispatch Dispatch
	log      *slog.Logger
	deadline time.Duration
}

// New returns the endpoint verifying with key and routing with dispatch.
func New(key ed25519.PublicKey, dispatch Dispatch, log *slog.Logger) *Endpoint {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Endpoint{key: key, dispatch: dispatch, log: log, deadline: Deadline}
}

// Register adds the endpoint to mux at POST Path.
func (e *Endpoint) Register(mux *http.ServeMux) { mux.Handle("POST "+Path, e) }

// ServeHTTP answers one interaction.
func (e *Endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	if !discordgo.VerifyInteraction(r, e.key) {
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, "unreadable body", http.StatusBadRequest)
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		http.Error(w, "not an interaction", http.StatusBadRequest)
		return
	}
	if i.Type == discordgo.InteractionPing {
		e.write(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	}
	firsts := make(chan *discordgo.InteractionResponse)
	written := make(chan error, 1)
	gone := make(chan struct{})
	go e.dispatch(&i, func(ctx context.Context, resp *discordgo.InteractionResponse) error {
		select {
		case firsts <- resp:
			return <-written // what follows may edit the response: it must be out
		case <-gone:
			return errGone
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	timer := time.NewTimer(e.deadline)
	defer timer.Stop()
	select {
	case resp := <-firsts:
		written <- e.write(w, resp)
	case <-timer.C:
		close(gone)
		e.log.Warn("interaction not answered in time", "interaction", i.ID)
		http.Error(w, "no response in time", http.StatusServiceUnavailable)
	case <-r.Context().Done():
		close(gone)
	}
}

// write sends resp as the HTTP response: JSON, or multipart/form-data
// with payload_json when it carries files.
func (e *Endpoint) write(w http.ResponseWriter, resp *discordgo.InteractionResponse) error {
	var ctype string
	var body []byte
	var err error
	if resp.Data != nil && len(resp.Data.Files) > 0 {
		ctype, body, err = discordgo.MultipartBodyWithJSON(resp, resp.Data.Files)
	} else {
		ctype = "application/json"
		body, err = json.Marshal(resp)
	}
	if err != nil {
		e.log.Error("encode interaction response", "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return fmt.Errorf("encode interaction response: %w", err)
	}
	w.Header().Set("Content-Type", ctype)
	if _, err := w.Write(body); err != nil {
		return fmt.Errorf("write interaction response: %w", err)
	}
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	return nil
}
