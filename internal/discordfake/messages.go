package discordfake

import (
	"context"
	"encoding/json"
	"time"

	"github.com/bwmarrin/discordgo"
)

// channelStore keeps a channel's messages as the JSON Discord would return,
// oldest first.
type channelStore struct {
	order []string
	msgs  map[string]json.RawMessage
}

// Message flags the fake interprets.
const (
	flagEphemeral = 1 << 6
	flagLoading   = 1 << 7
)

func (s *Server) storeLocked(channelID, id string, m map[string]any) json.RawMessage {
	cs := s.messages[channelID]
	if cs == nil {
		cs = &channelStore{msgs: map[string]json.RawMessage{}}
		s.messages[channelID] = cs
	}
	raw, err := json.Marshal(m)
	if err != nil {
		panic("discord fake: marshal stored message: " + err.Error()) // fake's own data
	}
	if _, ok := cs.msgs[id]; !ok {
		cs.order = append(cs.order, id)
	}
	cs.msgs[id] = raw
	return raw
}

func (s *Server) loadLocked(channelID, id string) map[string]any {
	cs := s.messages[channelID]
	if cs == nil || cs.msgs[id] == nil {
		return nil
	}
	var m map[string]any
	json.Unmarshal(cs.msgs[id], &m)
	return m
}

func (s *Server) deleteLocked(channelID, id string) bool {
	cs := s.messages[channelID]
	if cs == nil || cs.msgs[id] == nil {
		return false
	}
	delete(cs.msgs, id)
	for i, o := range cs.order {
		if o == id {
			cs.order = append(cs.order[:i], cs.order[i+1:]...)
			break
		}
	}
	return true
}

func decodeMessage(raw json.RawMessage) *discordgo.Message {
	var m discordgo.Message
	if err := json.Unmarshal(raw, &m); err != nil {
		return nil
	}
	return &m
}

func mapToMessage(m map[string]any) *discordgo.Message {
	raw, _ := json.Marshal(m)
	return decodeMessage(raw)
}

// Messages returns the channel's messages, oldest first, as stored
// (including ephemeral ones, flagged 64, and deferred "thinking" ones,
// flagged 128).
func (s *Server) Messages(channelID string) []*discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	cs := s.messages[channelID]
	if cs == nil {
		return nil
	}
	out := make([]*discordgo.Message, 0, len(cs.order))
	for _, id := range cs.order {
		out = append(out, decodeMessage(cs.msgs[id]))
	}
	return out
}

// Message returns one stored message, or nil.
func (s *Server) Message(channelID, id string) *discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	cs := s.messages[channelID]
	if cs == nil || cs.msgs[id] == nil {
		return nil
	}
	return decodeMessage(cs.msgs[id])
}

// WaitMessage blocks until a stored message in the channel satisfies match
// (for example "is no longer loading and has an embed") and returns it.
func (s *Server) WaitMessage(ctx context.Context, channelID string, match func(*discordgo.Message) bool) (*discordgo.Message, error) {
	var found *discordgo.Message
	err := s.waitUntil(ctx, "message in channel "+channelID, func() bool {
		cs := s.messages[channelID]
		if cs == nil {
			return false
		}
		for _, id := range cs.order {
			if m := decodeMessage(cs.msgs[id]); m != nil && match(m) {
				found = m
				return true
			}
		}
		return false
	})
	return found, err
}

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// messageKeys are the payload fields copied into a stored message.
var messageKeys = []string{"content", "embeds", "components", "flags", "tts", "sticker_ids", "poll", "attachments"}

// buildMessageLocked makes a stored message from a create payload sent by
// the bot (REST, webhook or interaction response).
func (s *Server) buildMessageLocked(channelID string, body map[string]json.RawMessage, files []File, pings *Pings) map[string]any {
	id := s.nextID()
	m := map[string]any{
		"id": id, "channel_id": channelID, "author": s.opts.Bot, "type": 0,
		"timestamp": now(), "edited_timestamp": nil, "pinned": false, "tts": false,
		"content": "", "embeds": []any{}, "components": []any{}, "attachments": []any{},
		"mentions": []any{}, "mention_roles": []string{}, "mention_everyone": false,
	}
	if c := s.channels[channelID]; c != nil && c.GuildID != "" {
		m["guild_id"] = c.GuildID
		if mem := s.memberAtLocked(channelID, s.opts.Bot.ID); mem != nil {
			m["member"] = map[string]any{"roles": mem.Roles, "joined_at": mem.JoinedAt}
		}
	}
	applyPayload(m, body)
	if len(files) > 0 {
		var atts []map[string]any
		for _, f := range files {
			atts = append(atts, map[string]any{
				"id": s.nextID(), "filename": f.Name, "size": len(f.Data), "content_type": f.ContentType,
				"url": s.http.URL + "/attachments/" + channelID + "/" + f.Name,
			})
		}
		m["attachments"] = atts
	}
	if pings != nil {
		var users []any
		for _, u := range pings.Users {
			if mem := s.memberAtLocked(channelID, u); mem != nil {
				users = append(users, mem.User)
			}
		}
		if users != nil {
			m["mentions"] = users
		}
		if pings.Roles != nil {
			m["mention_roles"] = pings.Roles
		}
		m["mention_everyone"] = pings.Everyone
	}
	return m
}

// applyPayload copies the message fields present in body into m; JSON null
// clears a field.
func applyPayload(m map[string]any, body map[string]json.RawMessage) {
	for _, k := range messageKeys {
		raw, ok := body[k]
		if !ok {
			continue
		}
		var v any
		json.Unmarshal(raw, &v)
		if v == nil {
			delete(m, k)
			continue
		}
		m[k] = v
	}
}

// contentOf returns the "content" string of a payload.
func contentOf(body map[string]json.RawMessage) string {
	var c string
	json.Unmarshal(body["content"], &c)
	return c
}

func flagsOf(m map[string]any) int {
	f, _ := m["flags"].(float64)
	if i, ok := m["flags"].(int); ok {
		return i
	}
	return int(f)
}
