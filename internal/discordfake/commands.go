package discordfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

var commandName = regexp.MustCompile(`^[-_\p{Ll}\p{N}\p{Lo}\p{M}]{1,32}$`)

// Commands returns the registered commands of a guild ("" for global).
func (s *Server) Commands(guildID string) []*discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*discordgo.ApplicationCommand(nil), s.commands[guildID]...)
}

// scope returns the command scope of a route and whether it is valid.
func (s *Server) scope(q *restReq) (string, bool) {
	if q.r.PathValue("app") != s.opts.Bot.ID {
		return "", false
	}
	g := q.r.PathValue("guild")
	s.mu.Lock()
	defer s.mu.Unlock()
	return g, g == "" || s.guilds[g] != nil
}

func validateCommand(e formErrors, p string, c *discordgo.ApplicationCommand) {
	if !commandName.MatchString(c.Name) {
		e.add(p+"name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
	}
	if c.Type == 0 || c.Type == discordgo.ChatApplicationCommand {
		if n := utf8.RuneCountInString(c.Description); n < 1 || n > 100 {
			e.add(p+"description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
		}
	}
	validateOptions(e, p+"options.", c.Options)
}

func validateOptions(e formErrors, p string, opts []*discordgo.ApplicationCommandOption) {
	if len(opts) > 25 {
		e.add(p[:len(p)-1], "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
	}
	optional := false
	for i, o := range opts {
		op := fmt.Sprintf("%s%d.", p, i)
		if !commandName.MatchString(o.Name) {
			e.add(op+"name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
		}
		if n := utf8.RuneCountInString(o.Description); n < 1 || n > 100 {
			e.add(op+"description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
		}
		if o.Required && optional {
			e.add(op+"required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options")
		}
		optional = optional || !o.Required
		if len(o.Choices) > 25 {
			e.add(op+"choices", "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.")
		}
		if o.Autocomplete && len(o.Choices) > 0 {
			e.add(op+"autocomplete", "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_CHOICES", "Autocomplete cannot be set with choices")
		}
		for loc := range o.NameLocalizations {
			if _, ok := discordgo.Locales[loc]; !ok {
				e.add(op+"name_localizations", "LOCALE_INVALID", "Invalid locale "+string(loc))
			}
		}
		validateOptions(e, op+"options.", o.Options)
	}
}

// fillCommandLocked gives a command its IDs, keeping the ID of a command
// with the same name in the scope, as Discord does.
func (s *Server) fillCommandLocked(scope string, c *discordgo.ApplicationCommand) {
	c.ApplicationID = s.opts.Bot.ID
	c.GuildID = scope
	if c.Type == 0 {
		c.Type = discordgo.ChatApplicationCommand
	}
	for _, old := range s.commands[scope] {
		if old.Name == c.Name && old.Type == c.Type {
			c.ID = old.ID
		}
	}
	if c.ID == "" {
		c.ID = s.nextID()
	}
	c.Version = s.nextID()
}

func listCommands(s *Server, q *restReq) (int, any) {
	scope, ok := s.scope(q)
	if !ok {
		return apiError(http.StatusForbidden, 50001, "Missing Access")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.commands[scope]
	if out == nil {
		out = []*discordgo.ApplicationCommand{}
	}
	return http.StatusOK, out
}

func overwriteCommands(s *Server, q *restReq) (int, any) {
	scope, ok := s.scope(q)
	if !ok {
		return apiError(http.StatusForbidden, 50001, "Missing Access")
	}
	var cmds []*discordgo.ApplicationCommand
	if err := json.Unmarshal(q.call.Body, &cmds); err != nil {
		return apiError(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
	}
	e := formErrors{}
	if len(cmds) > 100 {
		e.add("_root", "BASE_TYPE_MAX_LENGTH", "Must be 100 or fewer in length.")
	}
	seen := map[string]bool{}
	for i, c := range cmds {
		validateCommand(e, fmt.Sprintf("%d.", i), c)
		if seen[c.Name] {
			e.add(fmt.Sprintf("%d.name", i), "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique")
		}
		seen[c.Name] = true
	}
	if len(e) > 0 {
		return e.response()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range cmds {
		s.fillCommandLocked(scope, c)
	}
	s.commands[scope] = cmds
	return http.StatusOK, cmds
}

func createCommand(s *Server, q *restReq) (int, any) {
	scope, ok := s.scope(q)
	if !ok {
		return apiError(http.StatusForbidden, 50001, "Missing Access")
	}
	var c discordgo.ApplicationCommand
	if err := q.call.Decode(&c); err != nil {
		return apiError(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
	}
	e := formErrors{}
	validateCommand(e, "", &c)
	if len(e) > 0 {
		return e.response()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fillCommandLocked(scope, &c)
	list := s.commands[scope]
	for i, old := range list {
		if old.ID == c.ID {
			list[i] = &c
			return http.StatusOK, &c
		}
	}
	s.commands[scope] = append(list, &c)
	return http.StatusCreated, &c
}

func deleteCommand(s *Server, q *restReq) (int, any) {
	scope, ok := s.scope(q)
	if !ok {
		return apiError(http.StatusForbidden, 50001, "Missing Access")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	list := s.commands[scope]
	for i, c := range list {
		if c.ID == q.r.PathValue("cmd") {
			s.commands[scope] = append(list[:i:i], list[i+1:]...)
			return http.StatusNoContent, nil
		}
	}
	return apiError(http.StatusNotFound, 10063, "Unknown application command")
}
