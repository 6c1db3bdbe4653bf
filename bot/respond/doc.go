// Package respond delivers responses to Discord: it implements the
// router's Responder for an interaction (Interaction: the first response
// over the gateway's callback endpoint or as the HTTP endpoint's response,
// then the interaction's webhook) and for a message question in a channel,
// thread or DM (Message: a reply, then edits).
//
// Every send and edit of a channel takes a slot from one per-channel
// budget (Pacer): streamed partial answers (Stream, a middleware) at most
// once per stream_interval, dropped when superseded; final sends at once.
// A 429 reported by discordgo (which retries it itself) pushes the
// channel's next slot past Retry-After (Pacer.RateLimited, with Tokens
// mapping webhook URLs to channels). Everything sent carries
// allowed_mentions that ping nobody but a replied-to asker.
package respond
