package discordfake

import (
	"fmt"
	"net/url"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// endpointsMu serialises writes of discordgo's package-level endpoint
// variables by PointDiscordgo. discordgo itself reads them without a lock,
// which is why tests using different fakes must not run in parallel.
var endpointsMu sync.Mutex

// PointDiscordgo points every discordgo REST and gateway endpoint at base
// (for example srv.URL()). Call it before discordgo.New and Session.Open.
func PointDiscordgo(base string) error {
	endpointsMu.Lock()
	defer endpointsMu.Unlock()
	return SetEndpoints(base)
}

// SetEndpoints reassigns discordgo's endpoint variables so that base
// replaces "https://discord.com/". base must be an absolute http(s) URL; a
// missing trailing slash is added. It is a pure function of its argument
// (no state besides discordgo's own variables), meant to be copied into the
// bot, which may not import this package.
func SetEndpoints(base string) error {
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
