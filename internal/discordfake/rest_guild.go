package discordfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

func getGateway(s *Server, q *restReq) (int, any) {
	return http.StatusOK, map[string]any{"url": s.GatewayURL()}
}

func getGatewayBot(s *Server, q *restReq) (int, any) {
	return http.StatusOK, map[string]any{
		"url":    s.GatewayURL(),
		"shards": s.opts.Shards,
		"session_start_limit": map[string]any{
			"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": s.opts.MaxConcurrency,
		},
	}
}

func getMe(s *Server, q *restReq) (int, any) { return http.StatusOK, s.opts.Bot }

func getApplication(s *Server, q *restReq) (int, any) {
	return http.StatusOK, map[string]any{
		"id": s.opts.Bot.ID, "name": s.opts.Bot.Username, "bot": s.opts.Bot,
		"bot_public": true, "flags": 0, "description": "", "verify_key": "00",
	}
}

func getUser(s *Server, q *restReq) (int, any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m := s.memberLocked(q.r.PathValue("user")); m != nil {
		return http.StatusOK, m.User
	}
	return apiError(http.StatusNotFound, 10013, "Unknown User")
}

// pathGuildLocked is the guild the route names, or nil.
func (s *Server) pathGuildLocked(q *restReq) *discordgo.Guild {
	return s.guilds[q.r.PathValue("guild")]
}

func errUnknownGuild() (int, any) { return apiError(http.StatusNotFound, 10004, "Unknown Guild") }

func getGuild(s *Server, q *restReq) (int, any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.pathGuildLocked(q)
	if g == nil {
		return errUnknownGuild()
	}
	return http.StatusOK, map[string]any{
		"id": g.ID, "name": g.Name, "owner_id": g.OwnerID, "roles": g.Roles, "emojis": []any{},
		"features": []string{}, "preferred_locale": g.PreferredLocale,
		"approximate_member_count": len(g.Members),
	}
}

func getGuildRoles(s *Server, q *restReq) (int, any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.pathGuildLocked(q)
	if g == nil {
		return errUnknownGuild()
	}
	return http.StatusOK, g.Roles
}

func getGuildChannels(s *Server, q *restReq) (int, any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.pathGuildLocked(q)
	if g == nil {
		return errUnknownGuild()
	}
	var out []*discordgo.Channel
	for _, c := range s.channels {
		if !c.IsThread() && c.GuildID == g.ID {
			out = append(out, c)
		}
	}
	sortChannels(out)
	return http.StatusOK, out
}

func getGuildMember(s *Server, q *restReq) (int, any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.pathGuildLocked(q)
	if g == nil {
		return errUnknownGuild()
	}
	m := memberIn(g, q.r.PathValue("user"))
	if m == nil {
		return apiError(http.StatusNotFound, 10007, "Unknown Member")
	}
	return http.StatusOK, m // REST members carry no permissions field
}

// threadBody is the body of both thread-creating routes.
type threadBody struct {
	Name                string `json:"name"`
	AutoArchiveDuration int    `json:"auto_archive_duration"`
	Type                int    `json:"type"`
}

func decodeThreadBody(q *restReq) (threadBody, func() (int, any)) {
	var b threadBody
	if len(q.call.Body) > 0 {
		if err := json.Unmarshal(q.call.Body, &b); err != nil {
			return b, func() (int, any) {
				return apiError(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
			}
		}
	}
	if n := utf8.RuneCountInString(b.Name); n < 1 || n > 100 {
		e := formErrors{}
		e.add("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
		return b, e.response
	}
	return b, nil
}

// startThreadFromMessage handles POST /channels/{c}/messages/{m}/threads:
// the thread's ID is the message's ID, as on Discord.
func startThreadFromMessage(s *Server, q *restReq) (int, any) {
	b, fail := decodeThreadBody(q)
	if fail != nil {
		return fail()
	}
	cid, mid := q.r.PathValue("channel"), q.r.PathValue("message")
	s.mu.Lock()
	m := s.loadLocked(cid, mid)
	if m == nil {
		s.mu.Unlock()
		return errUnknownMessage()
	}
	if s.channels[mid] != nil {
		s.mu.Unlock()
		return apiError(http.StatusBadRequest, 160004, "A thread has already been created for this message")
	}
	th, err := s.newThreadLocked(cid, mid, b.Name, s.opts.Bot.ID)
	if err != nil {
		s.mu.Unlock()
		return errUnknownChannel()
	}
	m["thread"] = th
	s.storeLocked(cid, mid, m)
	// The thread opens with a THREAD_STARTER_MESSAGE (type 21) pointing at
	// the message it was started from.
	starter := s.buildMessageLocked(th.ID, nil, nil, nil)
	starter["type"] = 21
	starter["message_reference"] = map[string]any{"message_id": mid, "channel_id": cid, "guild_id": th.GuildID}
	starter["referenced_message"] = shallow(m)
	s.storeLocked(th.ID, starter["id"].(string), starter)
	s.mu.Unlock()
	s.dispatch(th.GuildID, "THREAD_CREATE", threadCreate{Channel: th, NewlyCreated: true})
	return http.StatusCreated, th
}

// startThread handles POST /channels/{c}/threads (a thread without a
// starter message).
func startThread(s *Server, q *restReq) (int, any) {
	b, fail := decodeThreadBody(q)
	if fail != nil {
		return fail()
	}
	s.mu.Lock()
	th, err := s.newThreadLocked(q.r.PathValue("channel"), "", b.Name, s.opts.Bot.ID)
	if err == nil && b.Type == int(discordgo.ChannelTypeGuildPrivateThread) {
		th.Type = discordgo.ChannelTypeGuildPrivateThread
	}
	var notice map[string]any
	if err == nil {
		notice = s.threadNoticeLocked(th, s.opts.Bot.ID)
	}
	s.mu.Unlock()
	if err != nil {
		return errUnknownChannel()
	}
	s.dispatch(th.GuildID, "THREAD_CREATE", threadCreate{Channel: th, NewlyCreated: true})
	s.echo("MESSAGE_CREATE", notice)
	return http.StatusCreated, th
}

// threadNoticeLocked stores the THREAD_CREATED system message (type 18)
// Discord posts in the parent channel of a thread started without a
// message.
func (s *Server) threadNoticeLocked(th *discordgo.Channel, ownerID string) map[string]any {
	m := s.buildMessageLocked(th.ParentID, nil, nil, nil)
	if mem := s.memberAtLocked(th.ParentID, ownerID); mem != nil {
		m["author"] = mem.User
	}
	m["type"] = 18
	m["content"] = th.Name
	m["message_reference"] = map[string]any{"channel_id": th.ID, "guild_id": th.GuildID}
	s.storeLocked(th.ParentID, m["id"].(string), m)
	return m
}

// threadCreate is THREAD_CREATE's payload: the channel plus newly_created.
type threadCreate struct {
	*discordgo.Channel
	NewlyCreated bool `json:"newly_created"`
}

// newThreadLocked creates a public thread under a text channel.
func (s *Server) newThreadLocked(parentID, id, name, ownerID string) (*discordgo.Channel, error) {
	p := s.channels[parentID]
	if p == nil || p.IsThread() || (p.Type != discordgo.ChannelTypeGuildText && p.Type != discordgo.ChannelTypeGuildNews) {
		return nil, fmt.Errorf("discord fake: create thread: %s is not a text channel", parentID)
	}
	if id == "" {
		id = s.nextID()
	}
	th := &discordgo.Channel{
		ID: id, GuildID: p.GuildID, ParentID: parentID, Name: name, OwnerID: ownerID,
		Type: discordgo.ChannelTypeGuildPublicThread, MemberCount: 1,
		ThreadMetadata: &discordgo.ThreadMetadata{AutoArchiveDuration: 1440},
	}
	s.channels[id] = th
	return th, nil
}
