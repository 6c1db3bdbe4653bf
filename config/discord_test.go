package config

import (
	"os"
	"path/filepath"
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
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.yaml")
			os.WriteFile(path, []byte(tc.yaml), 0o600)
			c, err := Load(path, func(string) string { return "" })
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
