package discordfake

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/bwmarrin/discordgo"
)

// interactionState tracks a dispatched interaction until it is answered.
type interactionState struct {
	i          *discordgo.Interaction
	dispatched time.Time
	acked      bool
	ackType    discordgo.InteractionResponseType
	originalID string // the @original message, once there is one
	// http is set for an interaction posted to the bot's endpoint;
	// answered once its HTTP response has been applied (or failed).
	http, answered bool
}

// StringOption, IntOption, BoolOption and SubCommand build slash command
// options for Command and Autocomplete.
func StringOption(name, value string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value}
}

// IntOption builds an integer option.
func IntOption(name string, value int) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionInteger, Value: float64(value)}
}

// BoolOption builds a boolean option.
func BoolOption(name string, value bool) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionBoolean, Value: value}
}

// SubCommand builds a subcommand option holding options.
func SubCommand(name string, options ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: options}
}

// Focused marks an option as the one being typed, for Autocomplete.
func Focused(o *discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	o.Focused = true
	return o
}

// newInteraction fills what every interaction kind shares: a fresh ID and
// token, the guild, channel, locale and the invoking member with its
// permissions in the channel (in a DM channel: no guild, and the user).
func (s *Server) newInteraction(typ discordgo.InteractionType, userID, channelID string) *discordgo.Interaction {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.guildOfLocked(channelID)
	if g == nil {
		g = s.guild
	}
	i := &discordgo.Interaction{
		ID:        s.nextID(),
		AppID:     s.opts.Bot.ID,
		Type:      typ,
		GuildID:   g.ID,
		ChannelID: channelID,
		Token:     "itoken-" + s.nextID(),
		Version:   1,
		Locale:    discordgo.EnglishUS,
	}
	if s.isDMLocked(channelID) {
		i.GuildID, i.Context, i.User = "", discordgo.InteractionContextBotDM, s.userLocked(userID)
		i.AppPermissions = everyonePerms
		return i
	}
	locale := discordgo.Locale(g.PreferredLocale)
	i.GuildLocale = &locale
	i.AppPermissions = s.channelPermsLocked(s.opts.Bot.ID, channelID)
	if m := memberIn(g, userID); m != nil {
		mc := *m
		mc.Permissions = s.channelPermsLocked(userID, channelID)
		i.Member = &mc
	} else {
		i.Member = &discordgo.Member{GuildID: g.ID, User: &discordgo.User{ID: userID, Username: "user" + userID}}
	}
	return i
}

// commandIDLocked returns the ID of the command registered in the guild
// or globally, or a fresh one.
func (s *Server) commandIDLocked(guildID, name string) string {
	for _, scope := range []string{guildID, ""} {
		for _, c := range s.commands[scope] {
			if c.Name == name {
				return c.ID
			}
		}
	}
	return s.nextID()
}

// Command builds a slash command interaction (/name options...) by userID
// in channelID; dispatch it with DispatchInteraction.
func (s *Server) Command(userID, channelID, name string, options ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	i := s.newInteraction(discordgo.InteractionApplicationCommand, userID, channelID)
	s.mu.Lock()
	id := s.commandIDLocked(i.GuildID, name)
	s.mu.Unlock()
	i.Data = discordgo.ApplicationCommandInteractionData{ID: id, Name: name, CommandType: discordgo.ChatApplicationCommand, Options: options}
	return i
}

// Autocomplete builds an autocomplete interaction; mark the option being
// typed with Focused.
func (s *Server) Autocomplete(userID, channelID, name string, options ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.Interaction {
	i := s.Command(userID, channelID, name, options...)
	i.Type = discordgo.InteractionApplicationCommandAutocomplete
	return i
}

// componentMessageLocked returns the stored message a component sits on.
func (s *Server) componentMessage(channelID, messageID string) *discordgo.Message {
	if m := s.Message(channelID, messageID); m != nil {
		return m
	}
	return &discordgo.Message{ID: messageID, ChannelID: channelID, Author: s.Bot()}
}

// Button builds a button click on the message messageID.
func (s *Server) Button(userID, channelID, messageID, customID string) *discordgo.Interaction {
	i := s.newInteraction(discordgo.InteractionMessageComponent, userID, channelID)
	i.Message = s.componentMessage(channelID, messageID)
	i.Data = discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent}
	return i
}

// SelectMenu builds a string select menu choice on the message messageID.
func (s *Server) SelectMenu(userID, channelID, messageID, customID string, values ...string) *discordgo.Interaction {
	i := s.newInteraction(discordgo.InteractionMessageComponent, userID, channelID)
	i.Message = s.componentMessage(channelID, messageID)
	i.Data = discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.SelectMenuComponent, Values: values}
	return i
}

// ModalSubmit builds a modal submission with one text input per field
// (custom_id -> value), in custom_id order.
func (s *Server) ModalSubmit(userID, channelID, customID string, fields map[string]string) *discordgo.Interaction {
	i := s.newInteraction(discordgo.InteractionModalSubmit, userID, channelID)
	ids := make([]string, 0, len(fields))
	for id := range fields {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var rows []discordgo.MessageComponent
	for _, id := range ids {
		rows = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.TextInput{CustomID: id, Value: fields[id], Style: discordgo.TextInputShort},
		}})
	}
	i.Data = discordgo.ModalSubmitInteractionData{CustomID: customID, Components: rows}
	return i
}

// DispatchInteraction sends INTERACTION_CREATE and starts the clock for
// its acknowledgement (see Acks and WaitAck).
func (s *Server) DispatchInteraction(i *discordgo.Interaction) error {
	wire, st, err := s.register(i, false, "dispatch")
	if err != nil {
		return err
	}
	s.mu.Lock()
	st.dispatched = time.Now()
	s.mu.Unlock()
	_, err = s.dispatch(i.GuildID, "INTERACTION_CREATE", wire)
	return err
}

// register renders i as Discord sends it and makes it known by ID and
// token, once (doing names the sending in the error of a second time);
// posted says it goes to the bot's HTTP endpoint.
func (s *Server) register(i *discordgo.Interaction, posted bool, doing string) (json.RawMessage, *interactionState, error) {
	wire, err := interactionJSON(i)
	if err != nil {
		return nil, nil, err
	}
	st := &interactionState{i: i, http: posted}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.interactions[i.ID]; dup {
		return nil, nil, fmt.Errorf("discord fake: %s interaction %s: already sent", doing, i.ID)
	}
	s.interactions[i.ID] = st
	s.byToken[i.Token] = st
	return wire, st, nil
}

// interactionJSON renders an interaction as Discord sends it. discordgo
// does not marshal modal components (json:"-"), so they are added here.
func interactionJSON(i *discordgo.Interaction) (json.RawMessage, error) {
	raw, err := json.Marshal(i)
	if err != nil {
		return nil, fmt.Errorf("discord fake: marshal interaction: %w", err)
	}
	d, ok := i.Data.(discordgo.ModalSubmitInteractionData)
	if !ok {
		return raw, nil
	}
	var m map[string]any
	json.Unmarshal(raw, &m)
	m["data"] = map[string]any{"custom_id": d.CustomID, "components": d.Components}
	return json.Marshal(m)
}
