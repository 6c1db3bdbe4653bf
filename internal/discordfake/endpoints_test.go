package discordfake_test

import (
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/internal/discordfake"
)

func TestSetEndpoints(t *testing.T) {
	tests := []struct {
		name, base string
		wantErr    bool
	}{
		{"trailing slash added", "http://127.0.0.1:1", false},
		{"https with path", "https://proxy.example/discord/", false},
		{"not http", "ftp://127.0.0.1/", true},
		{"relative", "discord.local/", true},
		{"unparsable", "http://[::1", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := discordfake.PointDiscordgo(tc.base)
			if (err != nil) != tc.wantErr {
				t.Fatalf("PointDiscordgo(%q) error = %v, want error %v", tc.base, err, tc.wantErr)
			}
			if err != nil {
				return
			}
			base := tc.base
			if base[len(base)-1] != '/' {
				base += "/"
			}
			api := base + "api/v" + discordgo.APIVersion + "/"
			for got, want := range map[string]string{
				discordgo.EndpointGateway:                              api + "gateway",
				discordgo.EndpointGatewayBot:                           api + "gateway/bot",
				discordgo.EndpointUser("@me"):                          api + "users/@me",
				discordgo.EndpointInteractionResponse("1", "t"):        api + "interactions/1/t/callback",
				discordgo.EndpointInteractionResponseActions("2", "t"): api + "webhooks/2/t/messages/@original",
				discordgo.EndpointChannelMessageThread("3", "4"):       api + "channels/3/messages/4/threads",
				discordgo.EndpointGuildMember("5", "6"):                api + "guilds/5/members/6",
				discordgo.EndpointApplicationGuildCommands("7", "8"):   api + "applications/7/guilds/8/commands",
				discordgo.EndpointOAuth2Application("@me"):             api + "oauth2/applications/@me",
			} {
				if got != want {
					t.Errorf("endpoint %q, want %q", got, want)
				}
			}
		})
	}
}
