package ops

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// TokenError explains a failed GET /users/@me in one line.
func TokenError(err error) error {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil && re.Response.StatusCode == http.StatusUnauthorized {
		return errors.New("DISCORD_TOKEN was rejected by Discord (401 Unauthorized): copy the bot token again from the Developer Portal (Bot → Reset Token)")
	}
	return fmt.Errorf("check the bot token with Discord: %w", err)
}

// GatewayError explains a failed gateway connection in one line.
func GatewayError(err error) error {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		switch ce.Code {
		case 4004:
			return errors.New("discord gateway rejected DISCORD_TOKEN (close 4004 authentication failed): copy the bot token again from the Developer Portal")
		case 4014:
			return errors.New("discord gateway refused a privileged intent (close 4014): enable \"Message Content Intent\" under Bot → Privileged Gateway Intents in the Developer Portal")
		case 4013:
			return errors.New("discord gateway rejected the intents (close 4013 invalid intents)")
		}
		return fmt.Errorf("discord gateway closed the connection (%d %s)", ce.Code, ce.Text)
	}
	return fmt.Errorf("connect to the discord gateway: %w", err)
}
