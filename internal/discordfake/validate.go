package discordfake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// Discord's message limits, enforced on every message create and edit.
const (
	MaxContent        = 2000
	MaxEmbeds         = 10
	MaxEmbedTitle     = 256
	MaxEmbedDesc      = 4096
	MaxEmbedFields    = 25
	MaxFieldName      = 256
	MaxFieldValue     = 1024
	MaxFooterText     = 2048
	MaxAuthorName     = 256
	MaxEmbedTotal     = 6000
	MaxActionRows     = 5
	MaxRowComponents  = 5
	MaxCustomID       = 100
	MaxButtonLabel    = 80
	MaxSelectOptions  = 25
	MaxAutocompleteCh = 25
)

// formErrors collects Discord's "Invalid Form Body" errors by JSON path.
type formErrors map[string][2]string // path -> code, message

func (e formErrors) add(path, code, msg string) { e[path] = [2]string{code, msg} }

func (e formErrors) maxLen(path, s string, n int) {
	if utf8.RuneCountInString(s) > n {
		e.add(path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", n))
	}
}

// response renders the errors as Discord's 400 answer, nested by path.
func (e formErrors) response() (int, any) {
	root := map[string]any{}
	for path, ce := range e {
		node := root
		for _, part := range strings.Split(path, ".") {
			next, ok := node[part].(map[string]any)
			if !ok {
				next = map[string]any{}
				node[part] = next
			}
			node = next
		}
		node["_errors"] = []map[string]string{{"code": ce[0], "message": ce[1]}}
	}
	return http.StatusBadRequest, map[string]any{"code": 50035, "message": "Invalid Form Body", "errors": root}
}

// messageBody is the part of a message payload the fake checks.
type messageBody struct {
	Content    *string                   `json:"content"`
	Embeds     []*discordgo.MessageEmbed `json:"embeds"`
	Components []map[string]any          `json:"components"`
	Flags      int                       `json:"flags"`
}

// validateMessage checks a message payload against Discord's limits. create
// also rejects an empty message (an edit may change only some fields).
func validateMessage(raw json.RawMessage, create bool, files int) (int, any, bool) {
	var m messageBody
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &m); err != nil {
			st, v := apiError(http.StatusBadRequest, 50109, "The request body contains invalid JSON.")
			return st, v, false
		}
	}
	e := formErrors{}
	if m.Content != nil {
		e.maxLen("content", *m.Content, MaxContent)
	}
	if len(m.Embeds) > MaxEmbeds {
		e.add("embeds", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", MaxEmbeds))
	}
	total := 0
	for i, em := range m.Embeds {
		p := fmt.Sprintf("embeds.%d.", i)
		e.maxLen(p+"title", em.Title, MaxEmbedTitle)
		e.maxLen(p+"description", em.Description, MaxEmbedDesc)
		total += utf8.RuneCountInString(em.Title) + utf8.RuneCountInString(em.Description)
		if len(em.Fields) > MaxEmbedFields {
			e.add(p+"fields", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", MaxEmbedFields))
		}
		for j, f := range em.Fields {
			fp := fmt.Sprintf("%sfields.%d.", p, j)
			if f.Name == "" {
				e.add(fp+"name", "BASE_TYPE_REQUIRED", "This field is required")
			}
			if f.Value == "" {
				e.add(fp+"value", "BASE_TYPE_REQUIRED", "This field is required")
			}
			e.maxLen(fp+"name", f.Name, MaxFieldName)
			e.maxLen(fp+"value", f.Value, MaxFieldValue)
			total += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
		}
		if em.Footer != nil {
			e.maxLen(p+"footer.text", em.Footer.Text, MaxFooterText)
			total += utf8.RuneCountInString(em.Footer.Text)
		}
		if em.Author != nil {
			e.maxLen(p+"author.name", em.Author.Name, MaxAuthorName)
			total += utf8.RuneCountInString(em.Author.Name)
		}
	}
	if total > MaxEmbedTotal {
		e.add("embeds", "MAX_EMBED_SIZE_EXCEEDED", fmt.Sprintf("Embed size exceeds maximum size of %d", MaxEmbedTotal))
	}
	validateComponents(e, m.Components)
	if len(e) > 0 {
		st, v := e.response()
		return st, v, false
	}
	if create && (m.Content == nil || *m.Content == "") && len(m.Embeds) == 0 && len(m.Components) == 0 && files == 0 {
		st, v := apiError(http.StatusBadRequest, 50006, "Cannot send an empty message")
		return st, v, false
	}
	return 0, nil, true
}

func validateComponents(e formErrors, rows []map[string]any) {
	if len(rows) > MaxActionRows {
		e.add("components", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", MaxActionRows))
	}
	for i, row := range rows {
		p := fmt.Sprintf("components.%d.", i)
		if t, _ := row["type"].(float64); t != 1 {
			e.add(p+"type", "UNION_TYPE_CHOICES", "Value of field \"type\" must be one of (1,).")
			continue
		}
		children, _ := row["components"].([]any)
		if len(children) == 0 || len(children) > MaxRowComponents {
			e.add(p+"components", "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between 1 and %d in length.", MaxRowComponents))
		}
		for j, c := range children {
			cm, _ := c.(map[string]any)
			cp := fmt.Sprintf("%scomponents.%d.", p, j)
			id, _ := cm["custom_id"].(string)
			url, _ := cm["url"].(string)
			label, _ := cm["label"].(string)
			e.maxLen(cp+"custom_id", id, MaxCustomID)
			e.maxLen(cp+"label", label, MaxButtonLabel)
			t, _ := cm["type"].(float64)
			style, _ := cm["style"].(float64)
			switch {
			case t == 2 && style == 5 && url == "":
				e.add(cp+"url", "BASE_TYPE_REQUIRED", "This field is required")
			case t == 2 && style != 5 && style != 6 && id == "":
				e.add(cp+"custom_id", "BASE_TYPE_REQUIRED", "This field is required")
			case t >= 3 && t <= 8 && id == "":
				e.add(cp+"custom_id", "BASE_TYPE_REQUIRED", "This field is required")
			}
			if opts, _ := cm["options"].([]any); len(opts) > MaxSelectOptions {
				e.add(cp+"options", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", MaxSelectOptions))
			}
		}
	}
}
