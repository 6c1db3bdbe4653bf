package discordfake

import (
	"encoding/json"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// Direct messages: a DM channel (type 1) between the bot and one user,
// outside the guild. Discord sends its messages to a bot with the
// DIRECT_MESSAGES intent, content included without MESSAGE_CONTENT, and
// interactions in it carry a user instead of a member.

// DMChannel returns the ID of the DM channel between the bot and userID,
// opening it on first use as POST /users/@me/channels does. Dispatch
// messages in it with DispatchMessage, and build interactions in it with
// Command, Button and the other builders.
func (s *Server) DMChannel(userID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dmLocked(userID).ID
}

func (s *Server) dmLocked(userID string) *discordgo.Channel {
	for _, c := range s.channels {
		if c.Type == discordgo.ChannelTypeDM && len(c.Recipients) == 1 && c.Recipients[0].ID == userID {
			return c
		}
	}
	c := &discordgo.Channel{ID: s.nextID(), Type: discordgo.ChannelTypeDM, Recipients: []*discordgo.User{s.userLocked(userID)}}
	s.channels[c.ID] = c
	return c
}

// userLocked is the user with this ID: a member's, or a stranger's.
func (s *Server) userLocked(id string) *discordgo.User {
	for _, g := range s.guilds {
		if m := memberIn(g, id); m != nil {
			return m.User
		}
	}
	return &discordgo.User{ID: id, Username: "user" + id}
}

// isDMLocked tells whether channelID is a DM channel.
func (s *Server) isDMLocked(channelID string) bool {
	c := s.channels[channelID]
	return c != nil && c.Type == discordgo.ChannelTypeDM
}

// createDM handles POST /users/@me/channels.
func createDM(s *Server, q *restReq) (int, any) {
	var b struct {
		RecipientID string `json:"recipient_id"`
	}
	if err := json.Unmarshal(q.call.Body, &b); err != nil || b.RecipientID == "" {
		e := formErrors{}
		e.add("recipient_id", "BASE_TYPE_REQUIRED", "This field is required")
		return e.response()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return http.StatusOK, s.dmLocked(b.RecipientID)
}
