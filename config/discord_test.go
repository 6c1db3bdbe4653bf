package config

import (
	"strings"
	"testing"
)

func TestDiscordValidation(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, want string
	}{
		{"defaults", "", ""},
		{"guild id", "discord:\n  guild_id: my-server\n", "discord.guild_id"},
		{"role id", "discord:\n  admin_role_ids: [\"12\", admins]\n", "discord.admin_role_ids \"admins\""},
		{"interval", "discord:\n  stream_interval: 10ms\n", "discord.stream_interval"},
		{"timeout", "discord:\n  answer_timeout: 20m\n", "discord.answer_timeout"},
		{"addr", "discord:\n  http_addr: nine\n", "discord.http_addr"},
		{"caps", "discord:\n  user_daily_cap: -1\n", "daily caps"},
		{"stream off", "discord:\n  stream: false\n  http_addr: 127.0.0.1:0\n", ""},
		{"interactions addr", "discord:\n  interactions_addr: eight\n", "discord.interactions_addr"},
		{"http only", "discord:\n  gateway: false\n  interactions_addr: 127.0.0.1:8080\n", ""},
		{"nothing to receive", "discord:\n  gateway: false\n", "discord.gateway is false"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := loadYAML(t, tc.yaml, nil)
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if c.Discord.MaxConcurrent == 0 || c.Discord.AnswerTimeout == 0 {
					t.Errorf("defaults lost: %+v", c.Discord)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Count(err.Error(), "\n") != 0 {
				t.Errorf("err %v; want one line mentioning %q", err, tc.want)
			}
		})
	}
}

func TestDiscordPublicKeyFromEnv(t *testing.T) {
	key := strings.Repeat("ab", 32)
	for _, tc := range []struct{ value, want string }{{key, ""}, {"not-hex", "DISCORD_PUBLIC_KEY"}} {
		c, err := Load("", func(k string) string {
			if k == "DISCORD_PUBLIC_KEY" {
				return tc.value
			}
			return ""
		})
		if tc.want == "" && (err != nil || c.Discord.PublicKey != key) {
			t.Errorf("key %q: %v, %q", tc.value, err, c.Discord.PublicKey)
		}
		if tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), tc.value)) {
			t.Errorf("key %q: err %v; want one line naming %s without the value", tc.value, err, tc.want)
		}
	}
}

func TestDiscordAPIBaseURL(t *testing.T) {
	_, err := loadYAML(t, "", map[string]string{"PREMORTEM_DISCORD_API_BASE": "discord.local:9000"})
	if err == nil || !strings.Contains(err.Error(), "PREMORTEM_DISCORD_API_BASE") {
		t.Errorf("error %v", err)
	}
	if _, err := loadYAML(t, "", map[string]string{"PREMORTEM_DISCORD_API_BASE": "http://127.0.0.1:9000/"}); err != nil {
		t.Error(err)
	}
}
