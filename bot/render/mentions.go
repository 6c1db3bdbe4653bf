package render

import "github.com/bwmarrin/discordgo"

// NoPings is allowed_mentions for every message: nothing is parsed from the
// text, so no @everyone, role or user mention in it pings anyone.
func NoPings() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// ReplyPing is allowed_mentions for a reply: only the asker, replied to,
// is pinged.
func ReplyPing() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}, RepliedUser: true}
}
