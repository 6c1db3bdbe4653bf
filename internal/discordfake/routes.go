package discordfake

import "net/http"

// routes registers every REST route the fake answers, below /api/v{n}.
func (s *Server) routes(mux *http.ServeMux) {
	h := func(pattern string, fn restFunc) { mux.Handle(pattern, restRoute{s: s, fn: fn}) }
	h("GET /gateway", getGateway)
	h("GET /gateway/bot", getGatewayBot)
	h("GET /users/@me", getMe)
	h("GET /users/{user}", getUser)
	h("POST /users/@me/channels", createDM)
	h("GET /oauth2/applications/@me", getApplication)
	h("GET /applications/@me", getApplication)

	for _, base := range []string{"/applications/{app}/commands", "/applications/{app}/guilds/{guild}/commands"} {
		h("GET "+base, listCommands)
		h("PUT "+base, overwriteCommands)
		h("POST "+base, createCommand)
		h("DELETE "+base+"/{cmd}", deleteCommand)
	}

	h("POST /interactions/{id}/{token}/callback", interactionCallback)
	h("POST /webhooks/{app}/{token}", followup)
	h("GET /webhooks/{app}/{token}/messages/{message}", getWebhookMessage)
	h("PATCH /webhooks/{app}/{token}/messages/{message}", editWebhookMessage)
	h("DELETE /webhooks/{app}/{token}/messages/{message}", deleteWebhookMessage)

	h("GET /channels/{channel}", getChannel)
	h("GET /channels/{channel}/messages", listMessages)
	h("POST /channels/{channel}/messages", createMessage)
	h("GET /channels/{channel}/messages/{message}", getMessage)
	h("PATCH /channels/{channel}/messages/{message}", editMessage)
	h("DELETE /channels/{channel}/messages/{message}", deleteMessage)
	h("POST /channels/{channel}/messages/{message}/threads", startThreadFromMessage)
	h("POST /channels/{channel}/threads", startThread)
	h("POST /channels/{channel}/typing", typing)
	h("PUT /channels/{channel}/messages/{message}/reactions/{emoji}/@me", noContent)
	h("DELETE /channels/{channel}/messages/{message}/reactions/{emoji}/@me", noContent)
	h("PUT /channels/{channel}/thread-members/@me", noContent)

	h("GET /guilds/{guild}", getGuild)
	h("GET /guilds/{guild}/roles", getGuildRoles)
	h("GET /guilds/{guild}/channels", getGuildChannels)
	h("GET /guilds/{guild}/members/{user}", getGuildMember)
}
