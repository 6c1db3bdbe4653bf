package discordfake

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/bwmarrin/discordgo"
)

func errUnknownChannel() (int, any) { return apiError(http.StatusNotFound, 10003, "Unknown Channel") }
func errUnknownMessage() (int, any) { return apiError(http.StatusNotFound, 10008, "Unknown Message") }
func errMissingPerms() (int, any) {
	return apiError(http.StatusForbidden, 50013, "Missing Permissions")
}

func getChannel(s *Server, q *restReq) (int, any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channels[q.r.PathValue("channel")]
	if c == nil {
		return errUnknownChannel()
	}
	return http.StatusOK, c
}

func listMessages(s *Server, q *restReq) (int, any) {
	cid := q.r.PathValue("channel")
	limit := 50
	if l, err := strconv.Atoi(q.r.URL.Query().Get("limit")); err == nil && l > 0 && l <= 100 {
		limit = l
	}
	before, after := q.r.URL.Query().Get("before"), q.r.URL.Query().Get("after")
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.channels[cid] == nil {
		return errUnknownChannel()
	}
	out := []json.RawMessage{}
	cs := s.messages[cid]
	if cs == nil {
		return http.StatusOK, out
	}
	for i := len(cs.order) - 1; i >= 0 && len(out) < limit; i-- { // newest first, as Discord
		id := cs.order[i]
		if (before != "" && !idLess(id, before)) || (after != "" && !idLess(after, id)) {
			continue
		}
		if m := decodeMessage(cs.msgs[id]); m != nil && m.Flags&flagEphemeral == 0 {
			out = append(out, cs.msgs[id])
		}
	}
	return http.StatusOK, out
}

// idLess compares snowflakes numerically.
func idLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

func getMessage(s *Server, q *restReq) (int, any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cid := q.r.PathValue("channel")
	if s.channels[cid] == nil {
		return errUnknownChannel()
	}
	m := s.loadLocked(cid, q.r.PathValue("message"))
	if m == nil || flagsOf(m)&flagEphemeral != 0 {
		return errUnknownMessage()
	}
	return http.StatusOK, m
}

func createMessage(s *Server, q *restReq) (int, any) {
	cid := q.r.PathValue("channel")
	q.call.HasAllowedMentions = q.call.AllowedMentions != nil
	if st, v, ok := validateMessage(q.call.Body, true, len(q.call.Files)); !ok {
		return st, v
	}
	s.mu.Lock()
	c := s.channels[cid]
	if c == nil {
		s.mu.Unlock()
		return errUnknownChannel()
	}
	need := int64(discordgo.PermissionViewChannel | discordgo.PermissionSendMessages)
	if c.IsThread() {
		need = discordgo.PermissionViewChannel | discordgo.PermissionSendMessagesInThreads
	}
	if c.Type != discordgo.ChannelTypeDM && s.channelPermsLocked(s.opts.Bot.ID, cid)&need != need {
		s.mu.Unlock()
		return errMissingPerms()
	}
	var ref struct {
		MessageID       string `json:"message_id"`
		ChannelID       string `json:"channel_id"`
		FailIfNotExists *bool  `json:"fail_if_not_exists"`
	}
	var referenced map[string]any
	if raw, ok := q.body["message_reference"]; ok && string(raw) != "null" {
		json.Unmarshal(raw, &ref)
		refChannel := ref.ChannelID
		if refChannel == "" {
			refChannel = cid
		}
		referenced = s.loadLocked(refChannel, ref.MessageID)
		if referenced == nil && (ref.FailIfNotExists == nil || *ref.FailIfNotExists) {
			s.mu.Unlock()
			e := formErrors{}
			e.add("message_reference", "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message")
			return e.response()
		}
	}
	q.call.Pings = computePings(contentOf(q.body), q.call.AllowedMentions, referenced != nil)
	m := s.buildMessageLocked(cid, q.body, q.call.Files, q.call.Pings)
	if referenced != nil {
		m["type"] = 19
		m["message_reference"] = map[string]any{"message_id": ref.MessageID, "channel_id": referenced["channel_id"]}
		if c.GuildID != "" {
			m["message_reference"].(map[string]any)["guild_id"] = c.GuildID
		}
		m["referenced_message"] = shallow(referenced)
		if q.call.Pings.RepliedUser {
			if a, ok := referenced["author"]; ok {
				m["mentions"] = append(asSlice(m["mentions"]), a)
			}
		}
	}
	s.storeLocked(cid, m["id"].(string), m)
	s.mu.Unlock()
	s.echo("MESSAGE_CREATE", m)
	return http.StatusOK, m
}

// shallow drops a referenced message's own referenced_message: Discord
// nests one level only, so a reply chain must be walked with GETs.
func shallow(m map[string]any) map[string]any {
	delete(m, "referenced_message")
	return m
}

func asSlice(v any) []any {
	if s, ok := v.([]any); ok {
		return s
	}
	return nil
}

func editMessage(s *Server, q *restReq) (int, any) {
	cid, mid := q.r.PathValue("channel"), q.r.PathValue("message")
	q.call.HasAllowedMentions = q.call.AllowedMentions != nil
	if st, v, ok := validateMessage(q.call.Body, false, len(q.call.Files)); !ok {
		return st, v
	}
	s.mu.Lock()
	if s.channels[cid] == nil {
		s.mu.Unlock()
		return errUnknownChannel()
	}
	m := s.loadLocked(cid, mid)
	if m == nil {
		s.mu.Unlock()
		return errUnknownMessage()
	}
	if a, _ := m["author"].(map[string]any); a == nil || a["id"] != s.opts.Bot.ID {
		s.mu.Unlock()
		return apiError(http.StatusForbidden, 50005, "Cannot edit a message authored by another user")
	}
	q.call.Pings = computePings(contentOf(q.body), q.call.AllowedMentions, false)
	m = s.editLocked(cid, mid, m, q.body)
	s.mu.Unlock()
	s.echo("MESSAGE_UPDATE", m)
	return http.StatusOK, m
}

// editLocked applies an edit payload to a stored message.
func (s *Server) editLocked(cid, mid string, m map[string]any, body map[string]json.RawMessage) map[string]any {
	applyPayload(m, body)
	m["edited_timestamp"] = now()
	if f := flagsOf(m); f&flagLoading != 0 {
		m["flags"] = f &^ flagLoading // an edit ends the "thinking" state
	}
	s.storeLocked(cid, mid, m)
	return m
}

func deleteMessage(s *Server, q *restReq) (int, any) {
	cid, mid := q.r.PathValue("channel"), q.r.PathValue("message")
	s.mu.Lock()
	ok := s.deleteLocked(cid, mid)
	ev := map[string]any{"id": mid, "channel_id": cid}
	if g := s.guildOfLocked(cid); g != nil {
		ev["guild_id"] = g.ID
	}
	s.mu.Unlock()
	if !ok {
		return errUnknownMessage()
	}
	s.echo("MESSAGE_DELETE", ev)
	return http.StatusNoContent, nil
}

func noContent(s *Server, q *restReq) (int, any) { return http.StatusNoContent, nil }

func typing(s *Server, q *restReq) (int, any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.channels[q.r.PathValue("channel")] == nil {
		return errUnknownChannel()
	}
	return http.StatusNoContent, nil
}

// echo sends a message event for a message the bot itself sent or edited,
// as Discord does; ephemeral messages are not echoed.
func (s *Server) echo(event string, m map[string]any) {
	if flagsOf(m)&flagEphemeral != 0 {
		return
	}
	s.mu.Lock()
	cid, _ := m["channel_id"].(string)
	gid := ""
	if g := s.guildOfLocked(cid); g != nil {
		gid = g.ID
	}
	sess := s.sessionForLocked(gid)
	need := discordgo.IntentGuildMessages
	if s.isDMLocked(cid) {
		need = discordgo.IntentDirectMessages
	}
	ok := sess != nil && sess.intents&need != 0
	s.mu.Unlock()
	if ok {
		s.dispatch(gid, event, m)
	}
}

// channelPermsLocked computes a member's permissions in a channel with its
// overwrites (threads use their parent's).
func (s *Server) channelPermsLocked(userID, channelID string) int64 {
	g := s.guildOfLocked(channelID)
	mem := memberIn(g, userID)
	c := s.channels[channelID]
	if mem == nil || c == nil {
		return 0
	}
	perms := basePermissions(g, mem)
	if perms&discordgo.PermissionAdministrator != 0 {
		return discordgo.PermissionAll
	}
	if c.IsThread() && s.channels[c.ParentID] != nil {
		c = s.channels[c.ParentID]
	}
	apply := func(o *discordgo.PermissionOverwrite) { perms = perms&^o.Deny | o.Allow }
	for _, o := range c.PermissionOverwrites {
		if o.ID == g.ID {
			apply(o)
		}
	}
	var allow, deny int64
	for _, o := range c.PermissionOverwrites {
		for _, r := range mem.Roles {
			if o.Type == discordgo.PermissionOverwriteTypeRole && o.ID == r {
				allow |= o.Allow
				deny |= o.Deny
			}
		}
	}
	perms = perms&^deny | allow
	for _, o := range c.PermissionOverwrites {
		if o.Type == discordgo.PermissionOverwriteTypeMember && o.ID == userID {
			apply(o)
		}
	}
	return perms
}
