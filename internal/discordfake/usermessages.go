package discordfake

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// UserMessage is a message a guild member posts, for DispatchMessage.
type UserMessage struct {
	ChannelID string // a channel or thread of the guild, or a DM channel (DMChannel)
	AuthorID  string // a guild member's user ID
	// Content may mention users (<@id>), roles (<@&id>), @everyone.
	Content string
	// ReplyTo is the ID of a message in the same channel this one replies
	// to; the event then carries message_reference and referenced_message.
	ReplyTo string
	// MentionRepliedUser makes the reply ping the replied-to author, the
	// Discord client's default; the author then appears in mentions.
	MentionRepliedUser bool
}

// DispatchMessage stores a member's message (so GET by ID finds it) and
// sends MESSAGE_CREATE as Discord would: with mentions, mention_roles,
// member, and for replies message_reference and referenced_message. Like
// Discord it is not sent without the GUILD_MESSAGES intent, and its content
// is blanked without MESSAGE_CONTENT unless the bot is mentioned. In a DM
// channel it has no guild_id or member, needs DIRECT_MESSAGES instead, and
// keeps its content.
func (s *Server) DispatchMessage(um UserMessage) (*discordgo.Message, error) {
	s.mu.Lock()
	c := s.channels[um.ChannelID]
	if c == nil {
		s.mu.Unlock()
		return nil, fmt.Errorf("discord fake: dispatch message: unknown channel %s", um.ChannelID)
	}
	dm := c.Type == discordgo.ChannelTypeDM
	author := s.userLocked(um.AuthorID)
	var member *discordgo.Member
	if m := s.memberAtLocked(um.ChannelID, um.AuthorID); m != nil && !dm {
		member = &discordgo.Member{Roles: m.Roles, JoinedAt: m.JoinedAt, Nick: m.Nick}
	}
	id := s.nextID()
	users, roles := mentionedIDs(um.Content)
	var mentions []any
	for _, u := range users {
		if m := s.memberAtLocked(um.ChannelID, u); m != nil {
			mu := map[string]any{}
			raw, _ := json.Marshal(m.User)
			json.Unmarshal(raw, &mu)
			mu["member"] = map[string]any{"roles": m.Roles, "joined_at": m.JoinedAt}
			mentions = append(mentions, mu)
		}
	}
	everyone := !dm && (strings.Contains(um.Content, "@everyone") || strings.Contains(um.Content, "@here")) &&
		s.channelPermsLocked(um.AuthorID, um.ChannelID)&discordgo.PermissionMentionEveryone != 0
	m := map[string]any{
		"id": id, "channel_id": um.ChannelID, "guild_id": c.GuildID, "author": author, "member": member,
		"content": um.Content, "type": 0, "timestamp": now(), "edited_timestamp": nil, "tts": false,
		"mentions": mentions, "mention_roles": roles, "mention_everyone": everyone,
		"embeds": []any{}, "attachments": []any{}, "components": []any{}, "pinned": false,
	}
	if dm {
		delete(m, "guild_id")
		delete(m, "member")
	}
	if roles == nil {
		m["mention_roles"] = []string{}
	}
	if um.ReplyTo != "" {
		ref := s.loadLocked(um.ChannelID, um.ReplyTo)
		if ref == nil {
			s.mu.Unlock()
			return nil, fmt.Errorf("discord fake: dispatch message: reply to unknown message %s in %s", um.ReplyTo, um.ChannelID)
		}
		m["type"] = 19
		mref := map[string]any{"message_id": um.ReplyTo, "channel_id": um.ChannelID}
		if !dm {
			mref["guild_id"] = c.GuildID
		}
		m["message_reference"] = mref
		m["referenced_message"] = shallow(ref)
		if a, ok := ref["author"].(map[string]any); ok && um.MentionRepliedUser {
			if aid, _ := a["id"].(string); !slices.Contains(users, aid) {
				mentions = append(mentions, a)
				users = append(users, aid)
				m["mentions"] = mentions
			}
		}
	}
	if mentions == nil {
		m["mentions"] = []any{}
	}
	s.storeLocked(um.ChannelID, id, m)
	sess := s.sessionForLocked(c.GuildID)
	var intents discordgo.Intent
	if sess != nil {
		intents = sess.intents
	}
	s.mu.Unlock()

	stored := mapToMessage(m)
	if sess == nil {
		return stored, fmt.Errorf("discord fake: dispatch message: no gateway session (wait for READY first)")
	}
	if dm && intents&discordgo.IntentDirectMessages == 0 || !dm && intents&discordgo.IntentGuildMessages == 0 {
		return stored, nil // Discord would not send it
	}
	if !dm && intents&discordgo.IntentMessageContent == 0 && !slices.Contains(users, s.opts.Bot.ID) {
		m["content"], m["embeds"], m["attachments"], m["components"] = "", []any{}, []any{}, []any{}
	}
	_, err := s.dispatch(c.GuildID, "MESSAGE_CREATE", m)
	return stored, err
}
