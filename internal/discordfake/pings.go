package discordfake

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
)

// Pings is who a message would notify on Discord, from its content's
// mentions filtered through allowed_mentions (permissions aside: the fake
// reports what the payload allows, which is what a bot controls).
type Pings struct {
	Everyone    bool     // @everyone or @here would ping
	Users       []string // user IDs that would be pinged
	Roles       []string // role IDs that would be pinged
	RepliedUser bool     // the author of the replied-to message would be pinged
}

// Any tells whether anyone at all would be pinged.
func (p *Pings) Any() bool {
	return p != nil && (p.Everyone || len(p.Users) > 0 || len(p.Roles) > 0 || p.RepliedUser)
}

var (
	userMention = regexp.MustCompile(`<@!?(\d+)>`)
	roleMention = regexp.MustCompile(`<@&(\d+)>`)
)

type allowedMentions struct {
	Parse       []string `json:"parse"`
	Users       []string `json:"users"`
	Roles       []string `json:"roles"`
	RepliedUser *bool    `json:"replied_user"`
}

// mentionedIDs returns the user and role IDs mentioned in content.
func mentionedIDs(content string) (users, roles []string) {
	for _, m := range userMention.FindAllStringSubmatch(content, -1) {
		if !slices.Contains(users, m[1]) {
			users = append(users, m[1])
		}
	}
	for _, m := range roleMention.FindAllStringSubmatch(content, -1) {
		if !slices.Contains(roles, m[1]) {
			roles = append(roles, m[1])
		}
	}
	return users, roles
}

// computePings applies allowed_mentions (nil = absent: Discord parses
// everything) to content. reply tells whether the message is a reply.
func computePings(content string, am json.RawMessage, reply bool) *Pings {
	users, roles := mentionedIDs(content)
	everyone := strings.Contains(content, "@everyone") || strings.Contains(content, "@here")
	p := &Pings{}
	if am == nil || string(am) == "null" {
		p.Everyone, p.Users, p.Roles, p.RepliedUser = everyone, users, roles, reply
		return p
	}
	var a allowedMentions
	if err := json.Unmarshal(am, &a); err != nil {
		p.Everyone, p.Users, p.Roles, p.RepliedUser = everyone, users, roles, reply
		return p
	}
	p.Everyone = everyone && slices.Contains(a.Parse, "everyone")
	for _, u := range users {
		if slices.Contains(a.Parse, "users") || slices.Contains(a.Users, u) {
			p.Users = append(p.Users, u)
		}
	}
	for _, r := range roles {
		if slices.Contains(a.Parse, "roles") || slices.Contains(a.Roles, r) {
			p.Roles = append(p.Roles, r)
		}
	}
	p.RepliedUser = reply && a.RepliedUser != nil && *a.RepliedUser
	return p
}
