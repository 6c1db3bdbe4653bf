// Package bot is premortem on Discord, and with its sub-packages the only
// code that knows Discord. This package wires them and runs the front
// ends; the rooms are:
//
//	router/    the one chain every request runs through: Request,
//	           Response, Handler, Middleware (Guard, UserLimits, Track,
//	           Defer, Recover, Limit) and the Router
//	respond/   where answers go: an interaction's first response and its
//	           webhook, or a reply in a channel, thread or DM; the
//	           per-channel pacer, streaming and 429s
//	answer/    the answer flow: question → daily caps → advisor → rendered
//	           messages, with the conversation as context; the answer's
//	           buttons
//	wizard/    the /assess wizard as router handlers
//	commands/  the slash command definitions, /risks, /model, /help
//	render/    how everything looks: the text table, Discord's limits,
//	           clipping, splitting, embed packing, the answer's layout
//	endpoint/  the HTTP interactions endpoint (Ed25519, PING/PONG)
//	shards/    the gateway sessions, one per shard this process holds:
//	           leases, takeover, identifies paced across processes
//	ops/       metrics, /healthz, graceful shutdown, session expiry,
//	           startup errors
//
// # How a request flows
//
// Every way in becomes a router.Request with its Responder: an
// interaction over the gateway (dispatchInteraction) or over HTTP
// (endpoint, then dispatchHTTP), and a message that mentions the bot (its
// user or its managed role), replies to one of its answers, is written in
// a thread the bot opened, or is sent to it directly (onMessage). The
// router runs it through its route's middlewares to a handler that
// returns the response to send. /ask and every message question share one
// chain and one handler (routes.go): allowed channels and roles, one
// question in flight per user and a rate, a tracked job with a deadline,
// an acknowledgement at once (a deferred response, or typing), at most
// max_concurrent answers being written, streamed while written. Quick
// commands are deferred only when they take longer than DeferAfter.
//
// After answering a mention in a text channel the bot opens a thread from
// its answer (discord.threads), so the conversation continues there
// without mentions; in a thread, a reply chain or a DM, earlier messages
// are the context of the next question.
//
// # Safety
//
// Every message, edit and follow-up carries allowed_mentions with nothing
// to parse, so nothing the model writes can ping @everyone, a role or a
// user; a reply pings only the asker. /model use needs Manage Server or a
// configured admin role. Message text is never logged at info level.
//
// # State and operations
//
// Model choices, feedback, daily caps and wizard sessions live in the
// store (Storage, implemented by *store.Store), so several processes
// (gateway shards or HTTP-interactions processes behind a load balancer)
// serve one community. Run serves /healthz and Prometheus /metrics (a
// private registry) on discord.http_addr, resumes after gateway drops
// (discordgo), and explains a rejected token or a missing Message Content
// intent in one line at start.
//
// # Many processes
//
// With PostgreSQL every process of one bot agrees through the database
// and nothing else (shards.go, models.go, dedupe.go):
//   - each gateway shard is held by one process under a lease; the others
//     stand by and take a shard over when its holder dies (package
//     shards), and identifies are paced by the database;
//   - the slash commands are registered by the one process holding the
//     "commands" lease, again when it changes hands;
//   - an event or interaction arriving twice (a shard changing hands, a
//     redelivery) is handled once: Store.Seen, one round trip before the
//     acknowledgement;
//   - the user's rate is a token bucket in the database, charged right
//     after the deferral, and a refusal replaces the deferral privately
//     (BenchmarkAck200InFlight, 200 in flight on two cores: charged before
//     the acknowledgement its p99 reached 220-230 ms in two runs of three,
//     against 50-80 ms after it); the daily caps were always the
//     database's. One question in flight per user stays per process;
//   - model switches reach every process through Store.Watch (LISTEN and
//     NOTIFY in the switch's transaction) into an in-memory cache the
//     answers read.
//
// On SQLite (one process) the same code runs with leases held in memory,
// every shard served by the one process, and the dedupe in memory alone.
package bot
