package discordfake

import (
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"
)

// liveConn returns the current session's open connection.
func (s *Server) liveConn(what string) (*gwConn, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.current == nil || s.current.conn == nil {
		return nil, fmt.Errorf("discord fake: %s: no connected gateway session", what)
	}
	return s.current.conn, nil
}

// Reconnect sends op 7 Reconnect on the live connection; discordgo closes
// it and resumes on a new one (see WaitResumes).
func (s *Server) Reconnect() error {
	c, err := s.liveConn("reconnect")
	if err != nil {
		return err
	}
	c.send(opReconnect, nil)
	return nil
}

// DropConnection closes the live connection's socket without a close
// frame, as a network failure would; discordgo then resumes.
func (s *Server) DropConnection() error {
	c, err := s.liveConn("drop connection")
	if err != nil {
		return err
	}
	c.drop()
	return nil
}

// InvalidateSession sends op 9 Invalid Session. Unless resumable, the
// session is forgotten, so the client must Identify again (discordgo does so
// on the same socket; see WaitIdentifies).
func (s *Server) InvalidateSession(resumable bool) error {
	s.mu.Lock()
	sess := s.current
	if sess == nil || sess.conn == nil {
		s.mu.Unlock()
		return fmt.Errorf("discord fake: invalidate session: no connected gateway session")
	}
	c := sess.conn
	if !resumable {
		delete(s.sessions, sess.id)
		sess.conn = nil
		c.session = nil
	}
	s.notifyLocked()
	s.mu.Unlock()
	c.send(opInvalidSession, resumable)
	return nil
}

// CloseGateway closes the live connection with a gateway close code (for
// example 4000 unknown error, or 4009 session timed out). Codes 4007 and
// 4009 also forget the session, as Discord does.
func (s *Server) CloseGateway(code int, reason string) error {
	s.mu.Lock()
	sess := s.current
	if sess == nil || sess.conn == nil {
		s.mu.Unlock()
		return fmt.Errorf("discord fake: close gateway: no connected gateway session")
	}
	c := sess.conn
	if code == 4007 || code == 4009 {
		delete(s.sessions, sess.id)
	}
	s.mu.Unlock()
	c.closeWith(code, reason)
	return nil
}

// Dispatch sends any gateway event (op 0) with data marshalled as its "d",
// for events without a helper, to the session of the shard of the data's
// guild_id. It returns the event's sequence number. If the client is
// disconnected the event is kept and replayed on resume.
func (s *Server) Dispatch(event string, data any) (int64, error) {
	return s.dispatch(guildOfEvent(data), event, data)
}

// guildCreateLocked is the GUILD_CREATE payload of g: the guild with
// channels, threads, roles and members.
func (s *Server) guildCreateLocked(g *discordgo.Guild) map[string]any {
	var channels, threads []*discordgo.Channel
	for _, c := range s.channels {
		if c.GuildID != g.ID {
			continue
		}
		if c.IsThread() {
			threads = append(threads, c)
		} else {
			channels = append(channels, c)
		}
	}
	sortChannels(channels)
	sortChannels(threads)
	return map[string]any{
		"id":                            g.ID,
		"name":                          g.Name,
		"owner_id":                      g.OwnerID,
		"preferred_locale":              g.PreferredLocale,
		"member_count":                  len(g.Members),
		"joined_at":                     time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
		"large":                         false,
		"unavailable":                   false,
		"roles":                         g.Roles,
		"members":                       g.Members,
		"channels":                      channels,
		"threads":                       threads,
		"emojis":                        []any{},
		"stickers":                      []any{},
		"voice_states":                  []any{},
		"presences":                     []any{},
		"features":                      []string{},
		"default_message_notifications": g.DefaultMessageNotifications,
	}
}
