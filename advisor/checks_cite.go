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
	dropped []string // cited IDs that were not given, in order, no repeats
}

// filterCitations removes citations of IDs not in allowed. While streaming
// (final false) it holds back an unclosed span at the end that may still
// become an invented citation.
func filterCitations(s string, allowed map[string]bool, final bool) citeResult {
	var r citeResult
	var b strings.Builder
	b.Grow(len(s))
	seenValid, seenDropped := map[string]bool{}, map[string]bool{}
	i := 0
	for i < len(s) {
		c := s[i]
		if c != '`' && c != '[' {
			b.WriteByte(c)
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
			// Unclosed at the end: wait for more text.
			r.text = b.String()
			return r
		case j < len(s) && s[j] == closer && looksLikeID(inside):
			if allowed[inside] {
				if !seenValid[inside] {
					seenValid[inside] = true
					r.valid = append(r.valid, inside)
				}
				b.WriteString(s[i : j+1])
			} else if !seenDropped[inside] {
				seenDropped[inside] = true
				r.dropped = append(r.dropped, inside)
			}
			i = j + 1
		default:
			b.WriteByte(c)
			i++
		}
	}
	r.text = b.String()
	return r
}

// tidyDropped cleans what removing citations leaves behind: empty
// brackets and doubled spaces.
func tidyDropped(s string) string {
	return strings.NewReplacer("()", "", "()", "", "( )", "", "、、", "、", ",,", ",", " ,", ",", "  ", " ").Replace(s)
}
