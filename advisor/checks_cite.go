package advisor

import (
	"strings"
)

// Citations. The prompt asks the model to cite an entry by its ID in
// backticks (`capital`); [capital] is accepted too, because models drift.
// A span is a citation when its inside looks like an ID: a lowercase
// letter, then lowercase letters, digits and hyphens, at most maxIDLen
// bytes. Other backticked or bracketed text is left as written.

const maxIDLen = 40

func isIDByte(c byte, first bool) bool {
	if c >= 'a' && c <= 'z' {
		return true
	}
	return !first && (c >= '0' && c <= '9' || c == '-')
}

// looksLikeID reports whether s could be an entry ID.
func looksLikeID(s string) bool {
	if s == "" || len(s) > maxIDLen {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIDByte(s[i], i == 0) {
			return false
		}
	}
	return true
}

// couldGrowIntoID reports whether s, the inside of a span not yet closed,
// may still become an ID as more text streams in.
func couldGrowIntoID(s string) bool { return s == "" || looksLikeID(s) }

// citeResult is what filterCitations found.
type citeResult struct {
	text    string
	valid   []string // cited IDs that were given, first citation first, no repeats
	validAt []int    // where in text each valid ID's first citation ends
	dropped []string // cited IDs that were not given, in order, no repeats
	held    bool     // streaming: text at the end is held back
}

// citedBefore returns the valid IDs first cited before offset end of text.
func (r citeResult) citedBefore(end int) []string {
	n := 0
	for n < len(r.validAt) && r.validAt[n] <= end {
		n++
	}
	return r.valid[:n]
}

// filterCitations removes citations of IDs not in allowed, and tidies what
// each removal leaves (see tidyDrop). While streaming (final false) it
// holds back an unclosed span at the end that may still become an invented
// citation, and the brackets, separators and spaces just before it or
// just before a removal whose next text has not come yet.
func filterCitations(s string, allowed map[string]bool, final bool) citeResult {
	var r citeResult
	out := make([]byte, 0, len(s))
	seen := map[string]bool{}
	hold := func() citeResult {
		r.text, r.held = string(trimTidyRun(out)), true
		return r
	}
	i := 0
	for i < len(s) {
		c := s[i]
		if c != '`' && c != '[' {
			out = append(out, c)
			i++
			continue
		}
		closer := byte('`')
		if c == '[' {
			closer = ']'
		}
		j := i + 1
		for j < len(s) && j-i <= maxIDLen+1 && isIDByte(s[j], j == i+1) {
			j++
		}
		inside := s[i+1 : j]
		switch {
		case j == len(s) && !final && couldGrowIntoID(inside):
			return hold() // unclosed at the end: wait for more text
		case j < len(s) && s[j] == closer && looksLikeID(inside):
			i = j + 1
			if allowed[inside] {
				out = append(out, s[i-len(inside)-2:i]...)
				if !seen[inside] {
					seen[inside] = true
					r.valid = append(r.valid, inside)
					r.validAt = append(r.validAt, len(out))
				}
				continue
			}
			if !seen[inside] {
				seen[inside] = true
				r.dropped = append(r.dropped, inside)
			}
			if strings.TrimLeft(s[i:], " ") == "" && !final {
				return hold() // what follows decides the tidying
			}
			var skip int
			out, skip = tidyDrop(out, s[i:])
			i += skip
		default:
			out = append(out, c)
			i++
		}
	}
	r.text = string(out)
	return r
}

// What a removed citation may leave untidy around it.
var (
	openers = []string{"(", "("}
	closers = []string{")", ")"}
	seps    = []string{"、", ",", ","}
	puncts  = []string{",", ".", ";", ":", "!", "?", ",", "。", ";", ":", "!", "?", ")", ")"}
)

// tidyDrop cleans up around a removed citation: out is the text before it,
// rest the text after. It returns the new out and how much of rest to skip.
// "(`moat`)" and "`moat`、" go whole; "a, `moat`." loses its comma; two
// spaces become one; a space before punctuation goes.
func tidyDrop(out []byte, rest string) ([]byte, int) {
	before := trimSpaces(out)
	after := strings.TrimLeft(rest, " ")
	gap := len(rest) - len(after)
	switch {
	case endsWithAny(before, openers) != "" && startsWithAny(after, closers) != "":
		o := endsWithAny(before, openers)
		return trimSpaces(before[:len(before)-len(o)]), gap + len(startsWithAny(after, closers))
	case endsWithAny(before, seps) != "" && (after == "" || startsWithAny(after, puncts) != ""):
		return trimSpaces(before[:len(before)-len(endsWithAny(before, seps))]), gap
	case (len(before) == 0 || endsWithAny(before, seps) != "" || endsWithAny(before, openers) != "") && startsWithAny(after, seps) != "":
		sep := startsWithAny(after, seps)
		return out, gap + len(sep) + (len(after[len(sep):]) - len(strings.TrimLeft(after[len(sep):], " ")))
	case after == "":
		return trimSpaces(out), gap
	case len(before) == 0 || before[len(before)-1] == '\n':
		return before, gap // nothing before it on its line
	case len(out) > len(before) && gap > 0:
		return out, gap // "see `moat` now": one space stays
	case len(out) > len(before) && startsWithAny(after, puncts) != "":
		return before, 0
	}
	return out, 0
}

// trimTidyRun drops what tidyDrop might still remove from the end of out:
// spaces, an opening bracket, a separator.
func trimTidyRun(out []byte) []byte {
	for {
		n := len(out)
		out = trimSpaces(out)
		if o := endsWithAny(out, openers); o != "" {
			out = out[:len(out)-len(o)]
		} else if sp := endsWithAny(out, seps); sp != "" {
			out = out[:len(out)-len(sp)]
		}
		if len(out) == n {
			return out
		}
	}
}

func trimSpaces(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
}

func endsWithAny(b []byte, set []string) string {
	for _, s := range set {
		if len(b) >= len(s) && string(b[len(b)-len(s):]) == s {
			return s
		}
	}
	return ""
}

func startsWithAny(s string, set []string) string {
	for _, p := range set {
		if strings.HasPrefix(s, p) {
			return p
		}
	}
	return ""
}
