package discordfake

import (
	"fmt"
	"sort"

	"github.com/bwmarrin/discordgo"
)

func sortChannels(cs []*discordgo.Channel) {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].Position != cs[j].Position {
			return cs[i].Position < cs[j].Position
		}
		return cs[i].ID < cs[j].ID
	})
}

// memberLocked returns the default guild's member with this user ID, or
// nil.
func (s *Server) memberLocked(userID string) *discordgo.Member {
	return memberIn(s.guild, userID)
}

// memberIn returns g's member with this user ID, or nil.
func memberIn(g *discordgo.Guild, userID string) *discordgo.Member {
	if g == nil {
		return nil
	}
	for _, m := range g.Members {
		if m.User != nil && m.User.ID == userID {
			return m
		}
	}
	return nil
}

// guildOfLocked is the guild a channel belongs to: nil for a DM channel,
// the default guild for an unknown channel.
func (s *Server) guildOfLocked(channelID string) *discordgo.Guild {
	c := s.channels[channelID]
	switch {
	case c == nil:
		return s.guild
	case c.GuildID == "":
		return nil
	case s.guilds[c.GuildID] != nil:
		return s.guilds[c.GuildID]
	}
	return s.guild
}

// memberAtLocked returns the member with this user ID of the guild of
// channelID, or nil.
func (s *Server) memberAtLocked(channelID, userID string) *discordgo.Member {
	return memberIn(s.guildOfLocked(channelID), userID)
}

// Member returns a copy of the guild member with this user ID, or nil.
func (s *Server) Member(userID string) *discordgo.Member {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := s.memberLocked(userID)
	if m == nil {
		return nil
	}
	c := *m
	c.Permissions = basePermissions(s.guild, m)
	return &c
}

// Channel returns a copy of the channel or thread with this ID, or nil.
func (s *Server) Channel(id string) *discordgo.Channel {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channels[id]
	if c == nil {
		return nil
	}
	cc := *c
	return &cc
}

// AddMember adds a member to the guild (for example one with a custom role
// set) and sends GUILD_MEMBER_ADD if a session is connected.
func (s *Server) AddMember(m *discordgo.Member) {
	s.mu.Lock()
	m.GuildID = s.guild.ID
	s.guild.Members = append(s.guild.Members, m)
	connected := s.current != nil
	s.mu.Unlock()
	if connected {
		s.dispatch(m.GuildID, "GUILD_MEMBER_ADD", m)
	}
}

// AddRole adds a role to the guild and sends GUILD_ROLE_CREATE if a session
// is connected.
func (s *Server) AddRole(r *discordgo.Role) {
	s.mu.Lock()
	s.guild.Roles = append(s.guild.Roles, r)
	connected := s.current != nil
	gid := s.guild.ID
	s.mu.Unlock()
	if connected {
		s.dispatch(gid, "GUILD_ROLE_CREATE", map[string]any{"guild_id": gid, "role": r})
	}
}

// CreateThread opens a public thread (channel type 11) under parentID, as
// if userID had started it, and sends THREAD_CREATE. Messages in it are
// dispatched with DispatchMessage using the returned channel's ID.
func (s *Server) CreateThread(parentID, name, ownerID string) (*discordgo.Channel, error) {
	s.mu.Lock()
	th, err := s.newThreadLocked(parentID, "", name, ownerID)
	var notice map[string]any
	if err == nil {
		notice = s.threadNoticeLocked(th, ownerID)
	}
	s.mu.Unlock()
	if err != nil {
		return nil, err
	}
	cc := *th
	if _, err := s.dispatch(th.GuildID, "THREAD_CREATE", threadCreate{Channel: th, NewlyCreated: true}); err != nil {
		return &cc, nil // stored; no session to tell
	}
	s.echo("MESSAGE_CREATE", notice)
	return &cc, nil
}

// SetRoles replaces a member's roles (for example to grant or revoke the
// admin role mid-test) and sends GUILD_MEMBER_UPDATE if a session is
// connected.
func (s *Server) SetRoles(userID string, roles ...string) error {
	s.mu.Lock()
	m := s.memberLocked(userID)
	if m == nil {
		s.mu.Unlock()
		return fmt.Errorf("discord fake: set roles: %s is not a member", userID)
	}
	m.Roles = append([]string(nil), roles...)
	mc := *m
	connected := s.current != nil
	s.mu.Unlock()
	if connected {
		s.dispatch(mc.GuildID, "GUILD_MEMBER_UPDATE", &mc)
	}
	return nil
}
