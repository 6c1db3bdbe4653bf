package bot

import "github.com/premortem/premortem/internal/discordapi"

// SetAPIBase points every discordgo REST and gateway endpoint at base, which
// replaces "https://discord.com/" (PREMORTEM_DISCORD_API_BASE). Call it once
// before discordgo.New; an empty base leaves discordgo's defaults alone.
//
// The variables are process-wide: two sessions in one process cannot use
// different bases (see internal/discordapi).
func SetAPIBase(base string) error {
	if base == "" {
		return nil
	}
	return discordapi.SetBase(base)
}
