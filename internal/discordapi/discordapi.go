// Package discordapi points the discordgo client at a Discord-compatible
// server. It is shared by the bot (PREMORTEM_DISCORD_API_BASE) and the
// loopback fake's tests, so the list of endpoint variables lives once.
package discordapi

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// SetBase reassigns discordgo's endpoint variables so that base replaces
// "https://discord.com/". base must be an absolute http(s) URL; a missing
// trailing slash is added.
//
// discordgo computes its Endpoint* strings once at package initialisation,
// so assigning EndpointDiscord alone would change nothing; every derived
// string is reassigned here. The gateway's websocket URL needs nothing:
// Session.Open asks GET {EndpointGateway} for it. The variables are
// process-wide: two sessions in one process cannot use different bases.
func SetBase(base string) error {
	u, err := url.Parse(base)
	if err != nil {
		return fmt.Errorf("parse discord API base %q: %w", base, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("discord API base %q: want an absolute http or https URL", base)
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	discordgo.EndpointDiscord = base
	discordgo.EndpointAPI = discordgo.EndpointDiscord + "api/v" + discordgo.APIVersion + "/"
	discordgo.EndpointGuilds = discordgo.EndpointAPI + "guilds/"
	discordgo.EndpointChannels = discordgo.EndpointAPI + "channels/"
	discordgo.EndpointUsers = discordgo.EndpointAPI + "users/"
	discordgo.EndpointGateway = discordgo.EndpointAPI + "gateway"
	discordgo.EndpointGatewayBot = discordgo.EndpointGateway + "/bot"
	discordgo.EndpointWebhooks = discordgo.EndpointAPI + "webhooks/"
	discordgo.EndpointStickers = discordgo.EndpointAPI + "stickers/"
	discordgo.EndpointStageInstances = discordgo.EndpointAPI + "stage-instances"
	discordgo.EndpointSKUs = discordgo.EndpointAPI + "skus"
	discordgo.EndpointVoice = discordgo.EndpointAPI + "/voice/"
	discordgo.EndpointVoiceRegions = discordgo.EndpointVoice + "regions"
	discordgo.EndpointNitroStickersPacks = discordgo.EndpointAPI + "/sticker-packs"
	discordgo.EndpointGuildCreate = discordgo.EndpointAPI + "guilds"
	discordgo.EndpointApplications = discordgo.EndpointAPI + "applications"
	discordgo.EndpointOAuth2 = discordgo.EndpointAPI + "oauth2/"
	discordgo.EndpointOAuth2Applications = discordgo.EndpointOAuth2 + "applications"
	discordgo.EndpointOauth2 = discordgo.EndpointOAuth2
	discordgo.EndpointOauth2Applications = discordgo.EndpointOAuth2Applications
	return nil
}
