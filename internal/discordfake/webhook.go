package discordfake

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Discord can also deliver interactions to an application's Interactions
// Endpoint URL instead of the gateway: it POSTs each one, signed with the
// application's Ed25519 key (X-Signature-Ed25519 over the
// X-Signature-Timestamp header followed by the body), and takes the HTTP
// response as the interaction's first response. This file is that side.

// signer is the application's key pair; the bot verifies with the public
// half (DISCORD_PUBLIC_KEY).
type signer struct {
	pub  ed25519.PublicKey
	priv ed25519.PrivateKey
}

func newSigner() (signer, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return signer{}, fmt.Errorf("discord fake: application key: %w", err)
	}
	return signer{pub, priv}, nil
}

// PublicKey is the application's public key as the Developer Portal shows
// it (hex), for DISCORD_PUBLIC_KEY.
func (s *Server) PublicKey() string { return hex.EncodeToString(s.keys.pub) }

// Sign returns the X-Signature-Ed25519 and X-Signature-Timestamp headers
// Discord sends with body.
func (s *Server) Sign(body []byte) (signature, timestamp string) {
	timestamp = strconv.FormatInt(time.Now().Unix(), 10)
	sig := ed25519.Sign(s.keys.priv, append([]byte(timestamp), body...))
	return hex.EncodeToString(sig), timestamp
}

// Ping builds the PING Discord posts to check an endpoint (answer: PONG).
func (s *Server) Ping() *discordgo.Interaction {
	return &discordgo.Interaction{ID: s.nextID(), AppID: s.opts.Bot.ID, Type: discordgo.InteractionPing, Token: "itoken-" + s.nextID(), Version: 1}
}

// PostInteraction posts i, signed, to the bot's interactions endpoint at
// url (for example "http://127.0.0.1:8080/interactions") and applies the
// HTTP response as Discord does: as the interaction's first response,
// checked like a callback, recorded in Acks with its latency since the
// post and in Calls with Method "RESPONSE". Edits and follow-ups then go
// through the interaction's webhook as for DispatchInteraction; the fake
// holds them until the HTTP response is in. A status other than 200
// comes back as Ack.Status, with no type.
func (s *Server) PostInteraction(ctx context.Context, url string, i *discordgo.Interaction) (Ack, error) {
	wire, st, err := s.register(i, true, "post")
	if err != nil {
		return Ack{}, err
	}

	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(wire))
	if err != nil {
		return Ack{}, fmt.Errorf("discord fake: post interaction: %w", err)
	}
	sig, ts := s.Sign(wire)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Signature-Ed25519", sig)
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)")
	s.mu.Lock()
	st.dispatched = time.Now()
	s.mu.Unlock()
	resp, err := s.webhookClient.Do(req)
	if err != nil {
		s.settle(st, 0)
		return Ack{}, fmt.Errorf("discord fake: post interaction %s: %w", i.ID, err)
	}
	defer resp.Body.Close()
	call := &Call{At: time.Now(), Method: "RESPONSE", Path: "/interactions/" + i.ID, Header: resp.Header.Clone(), Status: resp.StatusCode}
	if resp.StatusCode != http.StatusOK {
		s.record(call)
		return s.settle(st, resp.StatusCode), nil
	}
	if err := readPayload(resp.Body, resp.Header.Get("Content-Type"), call); err != nil {
		s.settle(st, http.StatusBadRequest)
		return Ack{}, fmt.Errorf("discord fake: the bot's response to interaction %s: %w", i.ID, err)
	}
	typ, raw, data, err := decodeResponse(call)
	if err != nil {
		s.settle(st, http.StatusBadRequest)
		return Ack{}, fmt.Errorf("discord fake: the bot's response to interaction %s is not JSON: %w", i.ID, err)
	}
	call.Status, _ = s.applyResponse(i.ID, i.Token, call, typ, raw, data)
	s.record(call)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.acks[slices.IndexFunc(s.acks, func(a Ack) bool { return a.InteractionID == i.ID })], nil
}

// settle ends a posted interaction's HTTP exchange without a response
// applied: status is the bot's HTTP status (0 for none), recorded as its
// Ack, and webhook calls held for it go on (and fail).
func (s *Server) settle(st *interactionState, status int) Ack {
	s.mu.Lock()
	defer s.mu.Unlock()
	st.answered = true
	a := Ack{InteractionID: st.i.ID, Latency: time.Since(st.dispatched), At: time.Now(), Status: status}
	s.acks = append(s.acks, a)
	s.notifyLocked()
	return a
}
