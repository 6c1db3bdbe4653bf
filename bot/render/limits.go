package render

import (
	"strings"
	"unicode/utf16"
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
