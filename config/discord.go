package config

import (
	"fmt"
	"net"
	"regexp"
	"strings"
	"time"
)

// Discord configures the bot. The token is read from DISCORD_TOKEN only.
//
//	discord:
//	  guild_id: ""              # register commands in one guild (instant); empty = global
//	  admin_role_ids: []        # besides members with Manage Server
//	  allowed_channel_ids: []   # empty = every channel the bot can see
//	  allowed_role_ids: []      # empty = everyone may ask
//	  stream: true              # edit the answer as it is written
//	  stream_interval: 1s       # at most one send or edit per channel per interval
//	  threads: true             # open a thread from the answer to a mention
//	  answer_timeout: 2m        # deadline of one answer (Discord's token lasts 15m)
//	  max_concurrent: 16        # answers being written at once; more wait their turn
//	  user_rate: 6              # questions per user per minute
//	  user_burst: 3
//	  user_daily_cap: 50        # 0 = unlimited
//	  guild_daily_cap: 1000
//	  history_turns: 6          # earlier messages given as context
//	  history_chars: 4000
//	  http_addr: 127.0.0.1:9090 # /healthz and /metrics; empty = off
//	  shutdown_grace: 20s       # in-flight answers get this long to finish on SIGTERM
//	  direct_messages: true     # a DM to the bot is a question, answered in the DM
//	  interactions_addr: ""     # serve POST /interactions here (needs DISCORD_PUBLIC_KEY)
//	  gateway: true             # false: HTTP interactions only, no gateway connection
//	  shard_id: 0               # this process's gateway shard (env PREMORTEM_SHARD_ID)
//	  shard_count: 1            # shards in all, or auto (GET /gateway/bot) (env PREMORTEM_SHARD_COUNT)
//	  takeover_after: 30s       # then also take over any other shard nobody serves; 0 = never
//
// With gateway false the bot receives no messages (mentions, replies,
// threads, DMs): Discord sends those over the gateway only. Several such
// processes can serve one application behind a load balancer.
//
// With shard_count above 1 every process shares one PostgreSQL: each
// shard is held by one process at a time (a lease), and a process waits
// for the others too once takeover_after has passed since its start, so a
// shard whose process dies is taken over by another (with SQLite, one
// process serves every shard at once).
type Discord struct {
	GuildID           string        `yaml:"guild_id"`
	AdminRoleIDs      []string      `yaml:"admin_role_ids"`
	AllowedChannelIDs []string      `yaml:"allowed_channel_ids"`
	AllowedRoleIDs    []string      `yaml:"allowed_role_ids"`
	Stream            bool          `yaml:"stream"`
	StreamInterval    time.Duration `yaml:"stream_interval"`
	Threads           bool          `yaml:"threads"`
	AnswerTimeout     time.Duration `yaml:"answer_timeout"`
	MaxConcurrent     int           `yaml:"max_concurrent"`
	UserRate          float64       `yaml:"user_rate"` // per minute
	UserBurst         int           `yaml:"user_burst"`
	UserDailyCap      int           `yaml:"user_daily_cap"`
	GuildDailyCap     int           `yaml:"guild_daily_cap"`
	HistoryTurns      int           `yaml:"history_turns"`
	HistoryChars      int           `yaml:"history_chars"`
	HTTPAddr          string        `yaml:"http_addr"`
	ShutdownGrace     time.Duration `yaml:"shutdown_grace"`
	DirectMessages    bool          `yaml:"direct_messages"`
	InteractionsAddr  string        `yaml:"interactions_addr"`
	Gateway           bool          `yaml:"gateway"`
	ShardID           int           `yaml:"shard_id"`
	ShardCount        ShardCount    `yaml:"shard_count"`
	TakeoverAfter     time.Duration `yaml:"takeover_after"`
	APIBase           string        `yaml:"-"` // PREMORTEM_DISCORD_API_BASE
	PublicKey         string        `yaml:"-"` // DISCORD_PUBLIC_KEY: the application's, hex
}

func (d *Discord) defaults() {
	d.Stream = true
	d.StreamInterval = time.Second
	d.Threads = true
	d.AnswerTimeout = 2 * time.Minute
	d.MaxConcurrent = 16
	d.UserRate = 6
	d.UserBurst = 3
	d.UserDailyCap = 50
	d.GuildDailyCap = 1000
	d.HistoryTurns = 6
	d.HistoryChars = 4000
	d.ShutdownGrace = 20 * time.Second
	d.DirectMessages = true
	d.Gateway = true
	d.ShardCount = 1
	d.TakeoverAfter = DefaultTakeoverAfter
}

func (d *Discord) applyEnv(getenv func(string) string) []error {
	if v := getenv("PREMORTEM_DISCORD_API_BASE"); v != "" {
		d.APIBase = v
	}
	if v := getenv("PREMORTEM_HTTP_ADDR"); v != "" {
		d.HTTPAddr = v
	}
	if v := getenv("DISCORD_PUBLIC_KEY"); v != "" {
		d.PublicKey = strings.TrimSpace(v)
	}
	return d.applyShardEnv(getenv)
}

var (
	snowflake = regexp.MustCompile(`^[0-9]{1,20}$`)
	publicKey = regexp.MustCompile(`^[0-9a-fA-F]{64}$`)
)

// IsSnowflake reports whether id is a Discord ID (a user's, a role's, a
// guild's): 1 to 20 digits.
func IsSnowflake(id string) bool { return snowflake.MatchString(id) }

func (d *Discord) validate() []error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if d.GuildID != "" && !snowflake.MatchString(d.GuildID) {
		bad("discord.guild_id %q: want a numeric Discord ID (Developer Mode, right-click the server, Copy ID)", d.GuildID)
	}
	for _, l := range []struct {
		key string
		ids []string
	}{{"admin_role_ids", d.AdminRoleIDs}, {"allowed_channel_ids", d.AllowedChannelIDs}, {"allowed_role_ids", d.AllowedRoleIDs}} {
		for _, id := range l.ids {
			if !snowflake.MatchString(id) {
				bad("discord.%s %q: want numeric Discord IDs", l.key, id)
			}
		}
	}
	if d.StreamInterval < 100*time.Millisecond || d.StreamInterval > time.Minute {
		bad("discord.stream_interval %v: want 100ms to 1m (Discord allows about 5 edits per 5s per channel)", d.StreamInterval)
	}
	if d.AnswerTimeout <= 0 || d.AnswerTimeout > 14*time.Minute {
		bad("discord.answer_timeout %v: want a duration up to 14m (an interaction token lasts 15m)", d.AnswerTimeout)
	}
	if d.MaxConcurrent < 1 || d.MaxConcurrent > 1000 {
		bad("discord.max_concurrent %d: want 1 to 1000", d.MaxConcurrent)
	}
	if d.UserRate <= 0 {
		bad("discord.user_rate %g: want questions per minute above 0", d.UserRate)
	}
	if d.UserBurst < 1 {
		bad("discord.user_burst %d: want 1 or more", d.UserBurst)
	}
	if d.UserDailyCap < 0 || d.GuildDailyCap < 0 {
		bad("discord daily caps (%d, %d): want 0 (unlimited) or more", d.UserDailyCap, d.GuildDailyCap)
	}
	if d.HistoryTurns < 0 || d.HistoryTurns > 50 {
		bad("discord.history_turns %d: want 0 to 50", d.HistoryTurns)
	}
	if d.HistoryChars < 0 || d.HistoryChars > 32000 {
		bad("discord.history_chars %d: want 0 to 32000", d.HistoryChars)
	}
	for _, a := range []struct{ key, addr, example string }{
		{"http_addr", d.HTTPAddr, "127.0.0.1:9090"}, {"interactions_addr", d.InteractionsAddr, "127.0.0.1:8080"},
	} {
		if a.addr != "" {
			if _, _, err := net.SplitHostPort(a.addr); err != nil {
				bad("discord.%s %q: want host:port such as %s", a.key, a.addr, a.example)
			}
		}
	}
	if !d.Gateway && d.InteractionsAddr == "" {
		bad("discord.gateway is false but discord.interactions_addr is empty: the bot would receive nothing; set interactions_addr or turn the gateway on")
	}
	if d.APIBase != "" {
		if err := checkURL("PREMORTEM_DISCORD_API_BASE", d.APIBase); err != nil {
			errs = append(errs, err)
		}
	}
	if d.PublicKey != "" && !publicKey.MatchString(d.PublicKey) {
		bad("DISCORD_PUBLIC_KEY: want the application's public key, 64 hex digits (Developer Portal, General Information)")
	}
	if d.ShutdownGrace < 0 || d.ShutdownGrace > 10*time.Minute {
		bad("discord.shutdown_grace %v: want 0 to 10m", d.ShutdownGrace)
	}
	return append(errs, d.validateShards()...)
}
