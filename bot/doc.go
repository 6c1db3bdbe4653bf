// Package bot is premortem on Discord, and the only package that knows
// Discord. It relays founders' questions to the advisor and its answers
// back, runs the /assess wizard (assess*.go, wizard*.go) and lets admins
// switch models.
//
// # How an interaction flows
//
// The gateway delivers an interaction; Router.Dispatch checks the cheap,
// in-memory limits (allowed channel and role, one request in flight per
// user, a per-user rate) and, for slow commands such as /ask, acknowledges
// at once with a deferred response (type 5) before anything else, so
// Discord never shows "The application did not respond". The work then runs
// in a tracked goroutine (a WaitGroup, bounded by a semaphore) with a
// deadline well inside the 15-minute interaction token. Handlers never talk
// to Discord: they take a *Request and return a *Response (the arikawa
// cmdroute habit); the router delivers it, editing the deferred message.
// Fast handlers (/risks, /model, /help, buttons, the wizard) answer
// directly; one that takes longer than DeferAfter is deferred the same way.
//
// # Questions outside slash commands
//
// A message that mentions the bot (its user or its managed role), replies
// to one of its answers, or is written in a thread the bot opened is a
// question too. Context comes from the reply chain or the thread, capped
// at history_turns messages and history_chars characters, with a visible
// notice when older messages were left out. After answering a mention in
// a text channel the bot opens a thread from its answer (discord.threads),
// so the conversation continues there without mentions.
//
// # Streaming and pacing
//
// Answers stream by editing the message with the latest checked text the
// advisor gives (advisor.Request.OnDelta), at most once per stream_interval
// per channel. Every send and edit of a channel takes a slot from one
// per-channel budget (pacer); a 429 reported by discordgo (which retries
// it itself) pushes that channel's next slot past Retry-After.
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
// store (Storage, implemented by *store.Store). Run serves /healthz and
// Prometheus /metrics (a private registry) on discord.http_addr, resumes
// after gateway drops (discordgo), and explains a rejected token or a
// missing Message Content intent in one line at start.
package bot
