package discordfake

import (
	"strconv"
	"time"

	"github.com/bwmarrin/discordgo"
)

// IDs of the default fixture (DefaultGuild and DefaultBot). They are fixed
// so that tests and golden files can name them.
const (
	BotID          = "900000000000000001" // the bot user and its application
	GuildID        = "800000000000000001"
	ChannelGeneral = "810000000000000001" // text channel everyone can use
	ChannelRandom  = "810000000000000002" // second text channel
	ChannelAdmins  = "810000000000000003" // text channel for the admin role
	RoleAdmin      = "820000000000000001" // has Manage Server
	RoleMod        = "820000000000000002" // has Administrator
	RoleMember     = "820000000000000003" // no special permission
	RoleBot        = "820000000000000004" // the bot's managed role
	UserOwner      = "830000000000000001" // guild owner, no role needed
	UserAdmin      = "830000000000000002" // member with RoleAdmin (Manage Server)
	UserMod        = "830000000000000003" // member with RoleMod (Administrator)
	UserMember     = "830000000000000004" // member with RoleMember only
	UserOther      = "830000000000000005" // member with no role at all
	DefaultToken   = "fake-discord-token" // the session token is "Bot " + DefaultToken

	// The second guild of OtherGuild: on shard 0 of 2 ((id >> 22) % 2),
	// while GuildID is on shard 1 of 2.
	GuildOther     = "800000000004194305"
	ChannelOther   = "810000000000000101" // its text channel everyone can use
	RoleOtherAdmin = "820000000000000101" // has Manage Server there
	RoleOtherBot   = "820000000000000102" // the bot's managed role there
)

// everyonePerms are the @everyone role's permissions in the default guild.
const everyonePerms = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages |
	discordgo.PermissionReadMessageHistory | discordgo.PermissionUseApplicationCommands |
	discordgo.PermissionCreatePublicThreads | discordgo.PermissionSendMessagesInThreads |
	discordgo.PermissionEmbedLinks | discordgo.PermissionAttachFiles

// DefaultBot returns the bot user of the default fixture.
func DefaultBot() *discordgo.User {
	return &discordgo.User{ID: BotID, Username: "premortem", Discriminator: "0", Bot: true}
}

// DefaultGuild returns a fresh copy of the default guild: three text
// channels, an @everyone role, an admin role with Manage Server, a moderator
// role with Administrator, a plain member role, the bot's managed role, and
// members with and without those roles (see the constants).
func DefaultGuild() *discordgo.Guild {
	joined := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	user := func(id, name string) *discordgo.User {
		return &discordgo.User{ID: id, Username: name, GlobalName: name, Discriminator: "0"}
	}
	member := func(u *discordgo.User, roles ...string) *discordgo.Member {
		return &discordgo.Member{GuildID: GuildID, User: u, Roles: roles, JoinedAt: joined}
	}
	text := func(id, name string, pos int) *discordgo.Channel {
		return &discordgo.Channel{ID: id, GuildID: GuildID, Name: name, Type: discordgo.ChannelTypeGuildText, Position: pos}
	}
	admins := text(ChannelAdmins, "admins", 2)
	admins.PermissionOverwrites = []*discordgo.PermissionOverwrite{
		{ID: GuildID, Type: discordgo.PermissionOverwriteTypeRole, Deny: discordgo.PermissionViewChannel},
		{ID: RoleAdmin, Type: discordgo.PermissionOverwriteTypeRole, Allow: discordgo.PermissionViewChannel},
		{ID: RoleBot, Type: discordgo.PermissionOverwriteTypeRole, Allow: discordgo.PermissionViewChannel},
	}
	return &discordgo.Guild{
		ID:                          GuildID,
		Name:                        "Founders",
		OwnerID:                     UserOwner,
		PreferredLocale:             "en-US",
		MemberCount:                 6,
		DefaultMessageNotifications: discordgo.MessageNotificationsOnlyMentions,
		Channels: []*discordgo.Channel{
			text(ChannelGeneral, "general", 0),
			text(ChannelRandom, "random", 1),
			admins,
		},
		Roles: []*discordgo.Role{
			{ID: GuildID, Name: "@everyone", Permissions: everyonePerms},
			{ID: RoleAdmin, Name: "admin", Position: 4, Permissions: discordgo.PermissionManageGuild, Mentionable: true},
			{ID: RoleMod, Name: "moderator", Position: 3, Permissions: discordgo.PermissionAdministrator, Mentionable: true},
			{ID: RoleMember, Name: "member", Position: 1, Mentionable: true},
			{ID: RoleBot, Name: "premortem", Position: 2, Managed: true, Mentionable: true,
				Permissions: discordgo.PermissionSendMessages | discordgo.PermissionEmbedLinks},
		},
		Members: []*discordgo.Member{
			member(user(UserOwner, "owner")),
			member(user(UserAdmin, "alice"), RoleAdmin, RoleMember),
			member(user(UserMod, "mod"), RoleMod),
			member(user(UserMember, "bob"), RoleMember),
			member(user(UserOther, "carol")),
			member(DefaultBot(), RoleBot),
		},
	}
}

// OtherGuild returns a fresh copy of a second guild for Options.Guilds,
// on the other shard of two: one text channel, an admin role, the bot's
// managed role, the owner, UserAdmin (with RoleOtherAdmin) and UserMember.
func OtherGuild() *discordgo.Guild {
	joined := time.Date(2025, 2, 3, 4, 5, 6, 0, time.UTC)
	member := func(id, name string, roles ...string) *discordgo.Member {
		u := &discordgo.User{ID: id, Username: name, GlobalName: name, Discriminator: "0"}
		return &discordgo.Member{GuildID: GuildOther, User: u, Roles: roles, JoinedAt: joined}
	}
	return &discordgo.Guild{
		ID: GuildOther, Name: "Builders", OwnerID: UserOwner, PreferredLocale: "en-US", MemberCount: 4,
		Channels: []*discordgo.Channel{{ID: ChannelOther, GuildID: GuildOther, Name: "general", Type: discordgo.ChannelTypeGuildText}},
		Roles: []*discordgo.Role{
			{ID: GuildOther, Name: "@everyone", Permissions: everyonePerms},
			{ID: RoleOtherAdmin, Name: "admin", Position: 2, Permissions: discordgo.PermissionManageGuild},
			{ID: RoleOtherBot, Name: "premortem", Position: 1, Managed: true, Permissions: discordgo.PermissionSendMessages | discordgo.PermissionEmbedLinks},
		},
		Members: []*discordgo.Member{
			member(UserOwner, "owner"),
			member(UserAdmin, "alice", RoleOtherAdmin),
			member(UserMember, "bob"),
			{GuildID: GuildOther, User: DefaultBot(), Roles: []string{RoleOtherBot}, JoinedAt: joined},
		},
	}
}

// ShardOf is the shard of count that receives a guild's events, as on
// Discord: (guild_id >> 22) % count. Direct messages are shard 0's.
func ShardOf(guildID string, count int) int {
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil || count < 2 {
		return 0
	}
	return int((id >> 22) % uint64(count))
}

// basePermissions computes a member's guild-level permissions the way
// Discord does before channel overwrites: the owner and Administrator get
// everything, otherwise @everyone's permissions or'ed with the member's roles.
func basePermissions(g *discordgo.Guild, m *discordgo.Member) int64 {
	if m.User != nil && m.User.ID == g.OwnerID {
		return discordgo.PermissionAll
	}
	var perms int64
	for _, r := range g.Roles {
		if r.ID == g.ID {
			perms |= r.Permissions
		}
	}
	for _, id := range m.Roles {
		for _, r := range g.Roles {
			if r.ID == id {
				perms |= r.Permissions
			}
		}
	}
	if perms&discordgo.PermissionAdministrator != 0 {
		return discordgo.PermissionAll
	}
	return perms
}
