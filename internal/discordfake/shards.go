package discordfake

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Shards, as Discord runs them: a client identifies with [shard_id,
// shard_count], READY and GUILD_CREATE carry the guilds of that shard
// alone, and every event of a guild goes to the session of shard
// (guild_id >> 22) % shard_count (direct messages to shard 0). Identifies
// share buckets of shard_id % max_concurrency, one identify per bucket per
// Options.IdentifyInterval; one sooner is answered with op 9.

// sessionForLocked is the session that receives guildID's events: among
// the sessions of the guild's shard, the newest with an open connection,
// else the newest (which keeps them for a resume). nil when no session
// serves that shard.
func (s *Server) sessionForLocked(guildID string) *gwSession {
	var best *gwSession
	for _, sess := range s.sessions {
		if ShardOf(guildID, sess.shard[1]) != sess.shard[0] {
			continue
		}
		switch {
		case best == nil:
			best = sess
		case (sess.conn != nil) != (best.conn != nil):
			if sess.conn != nil {
				best = sess
			}
		case sess.order > best.order:
			best = sess
		}
	}
	return best
}

// identifySlotLocked reports whether shard may identify at now, taking
// the slot of its bucket if so.
func (s *Server) identifySlotLocked(shard int, now time.Time) bool {
	if s.opts.IdentifyInterval <= 0 {
		return true
	}
	bucket := shard % s.opts.MaxConcurrency
	if last, ok := s.identified[bucket]; ok && now.Sub(last) < s.opts.IdentifyInterval {
		return false
	}
	s.identified[bucket] = now
	return true
}

// sortedGuildsLocked lists the guilds by ID.
func (s *Server) sortedGuildsLocked() []*discordgo.Guild {
	gs := make([]*discordgo.Guild, 0, len(s.guilds))
	for _, g := range s.guilds {
		gs = append(gs, g)
	}
	sort.Slice(gs, func(i, j int) bool { return gs[i].ID < gs[j].ID })
	return gs
}

// shardConnLocked is the open connection of the newest session of shard
// id (of any count), or nil.
func (s *Server) shardConnLocked(id int) *gwConn {
	var best *gwSession
	for _, sess := range s.sessions {
		if sess.shard[0] == id && sess.conn != nil && (best == nil || sess.order > best.order) {
			best = sess
		}
	}
	if best == nil {
		return nil
	}
	return best.conn
}

// WaitShard blocks until shard id has a steadily connected session (READY
// or RESUMED sent, a heartbeat seen on the connection), like WaitReady for
// one shard.
func (s *Server) WaitShard(ctx context.Context, id int) error {
	return s.waitUntil(ctx, fmt.Sprintf("a ready session of shard %d", id), func() bool {
		c := s.shardConnLocked(id)
		return c != nil && c.heartbeats > 0
	})
}

// ShardConnected reports whether shard id has a session with an open
// connection.
func (s *Server) ShardConnected(id int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.shardConnLocked(id) != nil
}

// Throttled counts the identifies answered with op 9 because their bucket
// had identified less than Options.IdentifyInterval before.
func (s *Server) Throttled() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, id := range s.identifies {
		if id.Throttled {
			n++
		}
	}
	return n
}

// guildOfEvent reads the guild_id of an event's data, for Dispatch.
func guildOfEvent(data any) string {
	raw, err := json.Marshal(data)
	if err != nil {
		return ""
	}
	var d struct {
		GuildID string `json:"guild_id"`
	}
	json.Unmarshal(raw, &d)
	return d.GuildID
}
