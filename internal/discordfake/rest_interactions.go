package discordfake

import (
	"context"
	"encoding/json"
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

func errUnknownInteraction() (int, any) {
	return apiError(http.StatusNotFound, 10062, "Unknown interaction")
}
func errUnknownWebhook() (int, any) { return apiError(http.StatusNotFound, 10015, "Unknown Webhook") }

// allowedResponses lists the callback types each interaction type accepts.
var allowedResponses = map[discordgo.InteractionType][]discordgo.InteractionResponseType{
	discordgo.InteractionPing:                           {1},
	discordgo.InteractionApplicationCommand:             {4, 5, 9},
	discordgo.InteractionMessageComponent:               {4, 5, 6, 7, 9},
	discordgo.InteractionApplicationCommandAutocomplete: {8},
	discordgo.InteractionModalSubmit:                    {4, 5, 6, 7},
}

// interactionCallback handles POST /interactions/{id}/{token}/callback.
func interactionCallback(s *Server, q *restReq) (int, any) {
	typ, raw, data, err := decodeResponse(q.call)
	if err != nil {
		return apiError(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
	}
	return s.applyResponse(q.r.PathValue("id"), q.r.PathValue("token"), q.call, typ, raw, data)
}

// decodeResponse reads the interaction response in call's body, a
// callback's or the HTTP response to a posted interaction: its type, its
// "data" raw and by field. The data's allowed_mentions is recorded in call.
func decodeResponse(call *Call) (discordgo.InteractionResponseType, json.RawMessage, map[string]json.RawMessage, error) {
	var resp struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data json.RawMessage                   `json:"data"`
	}
	if err := call.Decode(&resp); err != nil {
		return 0, nil, nil, err
	}
	var data map[string]json.RawMessage
	if len(resp.Data) > 0 && string(resp.Data) != "null" {
		json.Unmarshal(resp.Data, &data)
	}
	if am, ok := data["allowed_mentions"]; ok {
		call.AllowedMentions = am
	}
	return resp.Type, resp.Data, data, nil
}

// applyResponse checks and applies an interaction's first response, sent
// with token to the callback endpoint or as the HTTP response to a posted
// interaction, records its Ack and echoes the message it made.
func (s *Server) applyResponse(id, token string, call *Call, typ discordgo.InteractionResponseType, rawData json.RawMessage, data map[string]json.RawMessage) (int, any) {
	at := time.Now()
	s.mu.Lock()
	st := s.interactions[id]
	status, body := s.ackLocked(st, token, call, typ, rawData, data, at)
	var latency time.Duration
	if st != nil {
		latency = at.Sub(st.dispatched)
		st.answered = true
	}
	s.acks = append(s.acks, Ack{InteractionID: id, Type: typ, Data: rawData, Latency: latency, At: at, Status: status})
	var echo map[string]any
	if status == http.StatusNoContent && st.originalID != "" && (typ == 4 || typ == 5 || typ == 7) {
		echo = s.loadLocked(st.i.ChannelID, st.originalID)
	}
	s.notifyLocked()
	s.mu.Unlock()
	if echo != nil {
		ev := "MESSAGE_CREATE" // for 5, the "thinking" message
		if typ == 7 {
			ev = "MESSAGE_UPDATE"
		}
		s.echo(ev, echo)
	}
	return status, body
}

// ackLocked checks and applies an interaction response, sent with token
// (to the callback endpoint, or as the HTTP response) and recorded in call.
func (s *Server) ackLocked(st *interactionState, token string, call *Call, typ discordgo.InteractionResponseType, rawData json.RawMessage, data map[string]json.RawMessage, at time.Time) (int, any) {
	if st == nil || st.i.Token != token {
		return errUnknownInteraction()
	}
	if s.opts.AckDeadline > 0 && at.Sub(st.dispatched) > s.opts.AckDeadline {
		return errUnknownInteraction() // Discord forgets unanswered interactions after 3s
	}
	if st.acked {
		return apiError(http.StatusBadRequest, 40060, "Interaction has already been acknowledged.")
	}
	ok := false
	for _, t := range allowedResponses[st.i.Type] {
		ok = ok || t == typ
	}
	if !ok {
		e := formErrors{}
		e.add("type", "INTERACTION_RESPONSE_TYPE_INVALID", "Interaction response type is invalid for this interaction type")
		return e.response()
	}
	switch typ {
	case 4, 7:
		call.HasAllowedMentions = data["allowed_mentions"] != nil
		if status, v, ok := validateMessage(rawData, typ == 4, len(call.Files)); !ok {
			return status, v
		}
	case 8:
		var ac struct {
			Choices []struct {
				Name string `json:"name"`
			} `json:"choices"`
		}
		json.Unmarshal(rawData, &ac)
		e := formErrors{}
		if len(ac.Choices) > MaxAutocompleteCh {
			e.add("data.choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
		for _, c := range ac.Choices {
			if n := utf8.RuneCountInString(c.Name); n < 1 || n > 100 {
				e.add("data.choices.name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
			}
		}
		if len(e) > 0 {
			return e.response()
		}
	case 9:
		var md struct {
			CustomID   string            `json:"custom_id"`
			Title      string            `json:"title"`
			Components []json.RawMessage `json:"components"`
		}
		json.Unmarshal(rawData, &md)
		e := formErrors{}
		if md.CustomID == "" {
			e.add("data.custom_id", "BASE_TYPE_REQUIRED", "This field is required")
		}
		if n := utf8.RuneCountInString(md.Title); n < 1 || n > 45 {
			e.add("data.title", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 45 in length.")
		}
		if len(md.Components) < 1 || len(md.Components) > 5 {
			e.add("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
		}
		if len(e) > 0 {
			return e.response()
		}
	}
	st.acked, st.ackType = true, typ
	cid := st.i.ChannelID
	switch typ {
	case 4:
		call.Pings = computePings(contentOf(data), data["allowed_mentions"], false)
		m := s.buildMessageLocked(cid, data, call.Files, call.Pings)
		s.asInteractionReplyLocked(m, st)
		st.originalID = m["id"].(string)
		s.storeLocked(cid, st.originalID, m)
	case 5:
		var d struct {
			Flags int `json:"flags"`
		}
		json.Unmarshal(rawData, &d)
		m := s.buildMessageLocked(cid, nil, nil, nil)
		m["flags"] = flagLoading | d.Flags&flagEphemeral
		s.asInteractionReplyLocked(m, st)
		st.originalID = m["id"].(string)
		s.storeLocked(cid, st.originalID, m)
	case 6, 7:
		if st.i.Message != nil {
			st.originalID = st.i.Message.ID
		}
		if typ == 7 && st.originalID != "" {
			if m := s.loadLocked(cid, st.originalID); m != nil {
				call.Pings = computePings(contentOf(data), data["allowed_mentions"], false)
				s.editLocked(cid, st.originalID, m, data)
			}
		}
	}
	return http.StatusNoContent, nil
}

// asInteractionReplyLocked marks a message as the response to st.
func (s *Server) asInteractionReplyLocked(m map[string]any, st *interactionState) {
	m["webhook_id"] = s.opts.Bot.ID
	m["application_id"] = s.opts.Bot.ID
	m["type"] = 0
	name := ""
	if d, ok := st.i.Data.(discordgo.ApplicationCommandInteractionData); ok {
		m["type"] = 20 // CHAT_INPUT_COMMAND
		name = d.Name
	}
	user := st.i.User
	if st.i.Member != nil {
		user = st.i.Member.User
	}
	m["interaction"] = map[string]any{"id": st.i.ID, "type": st.i.Type, "name": name, "user": user}
}

// awaitHTTPResponse holds a webhook call for an interaction posted over
// HTTP until the bot's HTTP response to it has been applied: on Discord a
// follow-up cannot overtake the response it follows.
func (s *Server) awaitHTTPResponse(q *restReq) {
	token := q.r.PathValue("token")
	ctx, cancel := context.WithTimeout(q.r.Context(), 3*time.Second)
	defer cancel()
	s.waitUntil(ctx, "the HTTP response to an interaction", func() bool {
		st := s.byToken[token]
		return st == nil || !st.http || st.answered
	})
}

// webhookInteraction finds the interaction behind /webhooks/{app}/{token}.
func (s *Server) webhookInteractionLocked(q *restReq) *interactionState {
	if q.r.PathValue("app") != s.opts.Bot.ID {
		return nil
	}
	return s.byToken[q.r.PathValue("token")]
}

// webhookMessageID resolves "@original" to the original response's ID.
func webhookMessageID(st *interactionState, id string) string {
	if id == "@original" {
		return st.originalID
	}
	return id
}

func getWebhookMessage(s *Server, q *restReq) (int, any) {
	s.awaitHTTPResponse(q)
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.webhookInteractionLocked(q)
	if st == nil {
		return errUnknownWebhook()
	}
	m := s.loadLocked(st.i.ChannelID, webhookMessageID(st, q.r.PathValue("message")))
	if m == nil {
		return errUnknownMessage()
	}
	return http.StatusOK, m
}

func editWebhookMessage(s *Server, q *restReq) (int, any) {
	s.awaitHTTPResponse(q)
	q.call.HasAllowedMentions = q.call.AllowedMentions != nil
	if st, v, ok := validateMessage(q.call.Body, false, len(q.call.Files)); !ok {
		return st, v
	}
	s.mu.Lock()
	st := s.webhookInteractionLocked(q)
	if st == nil {
		s.mu.Unlock()
		return errUnknownWebhook()
	}
	cid, mid := st.i.ChannelID, webhookMessageID(st, q.r.PathValue("message"))
	m := s.loadLocked(cid, mid)
	if m == nil {
		s.mu.Unlock()
		return errUnknownMessage()
	}
	q.call.Pings = computePings(contentOf(q.body), q.call.AllowedMentions, false)
	m = s.editLocked(cid, mid, m, q.body)
	s.mu.Unlock()
	s.echo("MESSAGE_UPDATE", m)
	return http.StatusOK, m
}

func deleteWebhookMessage(s *Server, q *restReq) (int, any) {
	s.awaitHTTPResponse(q)
	s.mu.Lock()
	st := s.webhookInteractionLocked(q)
	if st == nil {
		s.mu.Unlock()
		return errUnknownWebhook()
	}
	cid, mid := st.i.ChannelID, webhookMessageID(st, q.r.PathValue("message"))
	ok := s.deleteLocked(cid, mid)
	s.mu.Unlock()
	if !ok {
		return errUnknownMessage()
	}
	return http.StatusNoContent, nil
}

// followup handles POST /webhooks/{app}/{token}. As on Discord, the first
// followup after a deferred response replaces the "thinking" message.
func followup(s *Server, q *restReq) (int, any) {
	s.awaitHTTPResponse(q)
	q.call.HasAllowedMentions = q.call.AllowedMentions != nil
	if st, v, ok := validateMessage(q.call.Body, true, len(q.call.Files)); !ok {
		return st, v
	}
	s.mu.Lock()
	st := s.webhookInteractionLocked(q)
	if st == nil || !st.acked {
		s.mu.Unlock()
		return errUnknownWebhook()
	}
	cid := st.i.ChannelID
	q.call.Pings = computePings(contentOf(q.body), q.call.AllowedMentions, false)
	var m map[string]any
	event := "MESSAGE_CREATE"
	if st.ackType == 5 && st.originalID != "" {
		if orig := s.loadLocked(cid, st.originalID); orig != nil && flagsOf(orig)&flagLoading != 0 {
			m, event = s.editLocked(cid, st.originalID, orig, q.body), "MESSAGE_UPDATE"
		}
	}
	if m == nil {
		m = s.buildMessageLocked(cid, q.body, q.call.Files, q.call.Pings)
		s.asInteractionReplyLocked(m, st)
		s.storeLocked(cid, m["id"].(string), m)
	}
	s.mu.Unlock()
	s.echo(event, m)
	return http.StatusOK, m
}
