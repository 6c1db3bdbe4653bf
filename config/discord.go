package config

// Discord configures the bot. The token is read from DISCORD_TOKEN only.
type Discord struct {
	GuildID      string   `yaml:"guild_id"`
	AdminRoleIDs []string `yaml:"admin_role_ids"`
	APIBase      string   `yaml:"-"` // PREMORTEM_DISCORD_API_BASE
}

func (d *Discord) defaults() {}

func (d *Discord) applyEnv(getenv func(string) string) {
	if v := getenv("PREMORTEM_DISCORD_API_BASE"); v != "" {
		d.APIBase = v
	}
}

func (d *Discord) validate() []error { return nil }
