package discordfake

import (
	"sync"

	"github.com/premortem/premortem/internal/discordapi"
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
// missing trailing slash is added. The bot uses the same
// function (internal/discordapi) directly.
func SetEndpoints(base string) error { return discordapi.SetBase(base) }
