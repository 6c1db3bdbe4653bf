package shards

import "github.com/bwmarrin/discordgo"

// Each session caches what its READY and GUILD_CREATEs brought, for its
// shard's guilds; a guild lives in exactly one shard, so lookups ask
// every open session.

// Channel returns a channel or thread from the sessions' caches.
func (m *Manager) Channel(id string) (*discordgo.Channel, bool) {
	for _, s := range m.sessions() {
		if c, err := s.State.Channel(id); err == nil {
			return c, true
		}
	}
	return nil, false
}

// Member returns a guild member from the sessions' caches.
func (m *Manager) Member(guildID, userID string) (*discordgo.Member, bool) {
	for _, s := range m.sessions() {
		if mem, err := s.State.Member(guildID, userID); err == nil {
			return mem, true
		}
	}
	return nil, false
}

// Role returns a guild role from the sessions' caches.
func (m *Manager) Role(guildID, roleID string) (*discordgo.Role, bool) {
	for _, s := range m.sessions() {
		if r, err := s.State.Role(guildID, roleID); err == nil {
			return r, true
		}
	}
	return nil, false
}
