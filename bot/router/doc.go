// Package router runs every request through one chain, whichever way it
// reached the bot: slash commands, components, modals and autocompletes
// over the gateway or the HTTP interactions endpoint, and messages that
// mention the bot, reply to it, are written in its thread or sent to it
// directly. It is shaped like arikawa's api/cmdroute and disgo's handler
// mux.
//
// A Handler takes a *Request and returns the *Response it wants sent; it
// never talks to Discord. Middlewares (func(Handler) Handler) wrap
// handlers: Guard (allowed channels and roles), UserLimits (one request
// in flight per user, a rate), Track (a job that graceful shutdown waits
// for), Defer (acknowledge at once or after DeferAfter, then answer from a
// goroutine), Deadline (the job's context, after the acknowledgement),
// Recover (a panic becomes a polite reply) and Limit (answers being
// written at once). Everything before Defer is in memory, so the
// acknowledgement waits for nothing but itself. A Router holds the routes; With adds
// middlewares to the routes added through it, so /ask and message
// questions share one chain.
//
// Where the response goes is the request's Responder (package respond):
// the interaction's first response then its webhook, or a reply in the
// channel, thread or DM. Middlewares that hold something until the answer
// is out register its release with Request.Finally, which runs after the
// Responder delivered, in whichever goroutine that happens.
package router
