// Package discordfake is a loopback fake of Discord's gateway and REST API
// that the real github.com/bwmarrin/discordgo client (v0.29.0) connects to.
//
// A test starts one Server per test with New, points discordgo at it with
// PointDiscordgo(srv.URL()) (or sets PREMORTEM_DISCORD_API_BASE=srv.URL() and
// lets the bot do the same), opens a session, and then drives Discord from
// the outside: DispatchInteraction, DispatchMessage, Reconnect,
// DropConnection, InvalidateSession, FailNext. Every REST call is recorded
// (Calls, WaitCall, WaitFor) and every interaction acknowledgement is timed
// against its dispatch (Acks, WaitAck), so tests assert on what the bot
// really sent over the wire without sleeping.
//
// # Using it
//
//	srv := discordfake.New(t, discordfake.Options{})  // default guild, see the ID constants
//	discordfake.PointDiscordgo(srv.URL())              // or the bot's own override
//	dg, _ := discordgo.New(srv.Token())                // "Bot " + Options.Token
//	dg.Open()
//	srv.WaitReady(ctx)                                 // READY sent and first heartbeat seen
//	in := srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask",
//		discordfake.StringOption("question", "..."))
//	srv.DispatchInteraction(in)
//	ack, _ := srv.WaitAck(ctx, in.ID)                  // type, data, latency since dispatch
//	call, _ := srv.WaitCall(ctx, "PATCH", "/webhooks/")  // what the bot sent
//	msg := srv.Message(discordfake.ChannelGeneral, id) // the message as Discord now holds it
//
// Builders for the other interaction kinds are Autocomplete, Button,
// SelectMenu and ModalSubmit; DispatchMessage posts a member's message
// (mentions, replies via UserMessage.ReplyTo, threads via CreateThread or
// a thread the bot opened, direct messages in DMChannel(user), where the
// builders make interactions with a user and no guild too). The world is
// the default guild of DefaultGuild (members with and without Manage
// Server) unless Options.Guild replaces it; AddMember, AddRole and
// SetRoles change it.
//
// # HTTP interactions
//
// Instead of the gateway, a test can deliver interactions the other way
// Discord does, to the bot's Interactions Endpoint URL:
//
//	cfg.PublicKey = srv.PublicKey()                    // DISCORD_PUBLIC_KEY
//	ack, _ := srv.PostInteraction(ctx, "http://"+addr+"/interactions", in)
//
// PostInteraction signs the body with the application's Ed25519 key
// (X-Signature-Ed25519, X-Signature-Timestamp), posts it, and applies the
// HTTP response as the interaction's first response (checked and timed
// like a callback, in Acks; recorded in Calls with Method "RESPONSE"). The
// interaction's webhook then works as for a dispatched one; a webhook call
// is held until the HTTP response is in, as on Discord. Sign signs any
// body, for tests that tamper with one; Ping builds the endpoint check.
//
// What the fake enforces, as Discord does: the bot token on REST and
// gateway (401, close 4004), disallowed intents (close 4014), MESSAGE_CREATE
// only with GUILD_MESSAGES and content only with MESSAGE_CONTENT (or a
// mention of the bot), one acknowledgement per interaction within
// Options.AckDeadline (40060, 10062), response types valid for the
// interaction type, message and embed limits (50035 with Discord's nested
// error body, 50006 for empty messages), command names and descriptions,
// per-bucket rate limits with X-RateLimit-* headers. It echoes the bot's own
// non-ephemeral messages back as MESSAGE_CREATE/MESSAGE_UPDATE, and the first
// followup after a deferred response replaces the "thinking" message. Each
// Call records whether allowed_mentions was present and whom the message
// would ping (Call.Pings).
//
// discordgo facts a bot test must live with: handlers run on their own
// goroutines, so events may be observed out of order; Session.Close sleeps
// one second; its default http.Client keeps only two idle connections per
// host, so hundreds of concurrent acknowledgements mostly wait on new TCP
// connections (give the session a client with a larger
// MaxIdleConnsPerHost; see BenchmarkDeferredAck); and a connection lost
// before the client's first heartbeat can trigger a reconnect loop in
// discordgo itself, hence WaitReady before every Reconnect, DropConnection
// or InvalidateSession.
//
// # Shards and more guilds
//
// Options.Guilds adds guilds (OtherGuild is one on the other shard of
// two); the builders give an interaction or message the guild of its
// channel. A client identifying with shard [id, count] gets READY and
// GUILD_CREATE for its shard's guilds only, and each guild's events go to
// the newest session of shard ShardOf(guild, count) = (guild_id >> 22) %
// count (direct messages to shard 0), as on Discord. WaitShard and
// ShardConnected look at one shard. GET /gateway/bot answers
// Options.Shards and Options.MaxConcurrency; with Options.IdentifyInterval
// set, a second identify of one bucket (shard_id % max_concurrency) within
// the interval is answered with op 9 Invalid Session and counted
// (Throttled, Identify.Throttled), so a test can prove identifies were
// paced.
//
// # Pointing discordgo at a custom base
//
// discordgo builds every URL from package-level string variables that are
// computed once at package initialisation from EndpointDiscord
// ("https://discord.com/") and APIVersion ("9" in v0.29.0). Assigning
// EndpointDiscord alone changes nothing: the derived strings keep the old
// host. A program that wants another base must reassign every derived
// string variable (the Endpoint* func variables read those strings when
// called, so they follow automatically):
//
//	EndpointDiscord, EndpointAPI, EndpointGuilds, EndpointChannels,
//	EndpointUsers, EndpointGateway, EndpointGatewayBot, EndpointWebhooks,
//	EndpointStickers, EndpointStageInstances, EndpointSKUs, EndpointVoice,
//	EndpointVoiceRegions, EndpointNitroStickersPacks, EndpointGuildCreate,
//	EndpointApplications, EndpointOAuth2, EndpointOAuth2Applications and the
//	deprecated EndpointOauth2, EndpointOauth2Applications.
//
// The gateway's websocket URL is not configured at all: Session.Open asks
// GET {EndpointGateway} (Session.Gateway) and dials the "url" of the answer
// with "?v=9&encoding=json" appended, so this fake answers with its own
// ws:// address. discordgo caches that URL in the session and redials it on
// every reconnect; it ignores READY's resume_gateway_url.
//
// SetEndpoints is the pure function for production code; the bot, which may
// not import this package, has an identical copy in bot.SetAPIBase.
// PointDiscordgo is the same under a process-wide mutex for tests. Because the variables are global, tests that
// open discordgo sessions against different fakes must not run in parallel
// (no t.Parallel in such tests); sequential tests may each start their own
// fake and call PointDiscordgo again.
//
// # What discordgo sends
//
//   - Gateway query: v=9&encoding=json, no compress parameter (zlib-stream is
//     still supported here in case a client asks). The upgrade request
//     carries "accept-encoding: zlib"; Identify has compress=true by default,
//     so this fake sends READY and GUILD_CREATE as zlib-compressed binary
//     frames, which discordgo inflates per message.
//   - Identify token is the session token verbatim ("Bot xyz"); REST sends it
//     as the Authorization header. Both forms "Bot xyz" and "xyz" are accepted
//     on the gateway; REST insists on "Bot xyz".
//   - Op 7 makes discordgo close with 1012 and resume on a new socket; op 9
//     makes it send a fresh Identify on the same socket; a read error makes
//     it close (sleeping 1s in Session.Close) and resume.
//   - A 429 is retried after the body's retry_after (seconds, float); the
//     X-RateLimit-* headers feed its per-URL buckets.
package discordfake
