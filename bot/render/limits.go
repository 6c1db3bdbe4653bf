package render

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"github.com/bwmarrin/discordgo"
)

// Discord's limits, counted in UTF-16 code units as Discord counts them.
const (
	MaxContent     = 2000
	MaxDescription = 4096
	MaxFields      = 25
	MaxFieldName   = 256
	MaxFieldValue  = 1024
	MaxEmbedTotal  = 6000 // all embeds of one message together
	MaxEmbeds      = 10
	MaxTitle       = 256
	MaxFooter      = 2048
	MaxChoices     = 25  // choices of an autocomplete, options of a select menu
	MaxChoiceName  = 100 // autocomplete choices and select options
	MaxCustomID    = 100
	MaxModalLabel  = 45
	MaxPlaceholder = 100
)

// Units is the length of s as Discord counts it (invalid bytes count as
// the one U+FFFD they become).
func Units(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// Clip shortens s to at most limit units, ending with "…" when it cut. It
// is the one clipping rule of everything the bot sends.
func Clip(s string, limit int) string {
	if Units(s) <= limit {
		return s
	}
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > limit-1 {
			return strings.TrimRight(s[:i], " \n") + "…"
		}
	}
	return s
}

// Limits of components: action rows per message, buttons per row, and a
// button's label.
const (
	MaxRows        = 5
	MaxButtons     = 5
	MaxButtonLabel = 80
)

// Check reports the first of Discord's limits d breaks: content, embeds
// (each part, and 6000 units in all), fields, action rows and buttons.
func Check(d *discordgo.InteractionResponseData) error {
	if n := Units(d.Content); n > MaxContent {
		return fmt.Errorf("content is %d units, over %d", n, MaxContent)
	}
	if len(d.Embeds) > MaxEmbeds {
		return fmt.Errorf("%d embeds, over %d", len(d.Embeds), MaxEmbeds)
	}
	if n := EmbedsSize(d.Embeds); n > MaxEmbedTotal {
		return fmt.Errorf("embeds total %d units, over %d", n, MaxEmbedTotal)
	}
	for i, e := range d.Embeds {
		switch {
		case Units(e.Title) > MaxTitle:
			return fmt.Errorf("embed %d title is %d units", i, Units(e.Title))
		case Units(e.Description) > MaxDescription:
			return fmt.Errorf("embed %d description is %d units", i, Units(e.Description))
		case len(e.Fields) > MaxFields:
			return fmt.Errorf("embed %d has %d fields", i, len(e.Fields))
		case e.Footer != nil && Units(e.Footer.Text) > MaxFooter:
			return fmt.Errorf("embed %d footer is %d units", i, Units(e.Footer.Text))
		}
		for _, f := range e.Fields {
			if f.Name == "" || f.Value == "" || Units(f.Name) > MaxFieldName || Units(f.Value) > MaxFieldValue {
				return fmt.Errorf("field %q: name %d, value %d units", f.Name, Units(f.Name), Units(f.Value))
			}
		}
	}
	if len(d.Components) > MaxRows {
		return fmt.Errorf("%d action rows, over %d", len(d.Components), MaxRows)
	}
	for _, c := range d.Components {
		row, ok := actionRow(c)
		if !ok {
			return fmt.Errorf("a top-level component is %T, not an action row", c)
		}
		if len(row) == 0 || len(row) > MaxButtons {
			return fmt.Errorf("an action row has %d buttons", len(row))
		}
		for _, x := range row {
			if b, ok := button(x); ok && (len(b.CustomID) > MaxCustomID || Units(b.Label) > MaxButtonLabel) {
				return fmt.Errorf("button %q: custom_id %d bytes, label %d units", b.CustomID, len(b.CustomID), Units(b.Label))
			}
		}
	}
	return nil
}

// Visible is what a reader of d sees, in reading order: the content, each
// embed's title, description, fields and footer, and the buttons' labels.
func Visible(d *discordgo.InteractionResponseData) string {
	var parts []string
	add := func(s string) {
		if s != "" {
			parts = append(parts, s)
		}
	}
	add(d.Content)
	for _, e := range d.Embeds {
		add(e.Title)
		add(e.Description)
		for _, f := range e.Fields {
			add(f.Name)
			add(f.Value)
		}
		if e.Footer != nil {
			add(e.Footer.Text)
		}
	}
	for _, c := range d.Components {
		row, _ := actionRow(c)
		for _, x := range row {
			if b, ok := button(x); ok {
				add(b.Label)
			}
		}
	}
	return strings.Join(parts, "\n")
}

// actionRow is the components of an action row, as built or as decoded
// (pointers).
func actionRow(c discordgo.MessageComponent) ([]discordgo.MessageComponent, bool) {
	switch r := c.(type) {
	case discordgo.ActionsRow:
		return r.Components, true
	case *discordgo.ActionsRow:
		return r.Components, true
	}
	return nil, false
}

func button(c discordgo.MessageComponent) (discordgo.Button, bool) {
	switch b := c.(type) {
	case discordgo.Button:
		return b, true
	case *discordgo.Button:
		return *b, true
	}
	return discordgo.Button{}, false
}
