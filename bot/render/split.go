package render

import (
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// cardStart is how a risk card begins in text: its ID as code.
var cardStart = regexp.MustCompile("^(?:[0-9]{1,2}[.)] )?`[a-z0-9][a-z0-9-]*`")

// protected returns the byte spans that a split must not cut: fenced code
// blocks and risk cards (paragraphs that start with a risk ID as code).
func protected(s string) [][2]int {
	var spans [][2]int
	fence := -1
	paraStart, paraEnd, inCard := -1, 0, false
	for pos := 0; pos <= len(s); {
		end := strings.IndexByte(s[pos:], '\n')
		next := len(s) + 1
		lineEnd := len(s)
		if end >= 0 {
			lineEnd = pos + end
			next = lineEnd + 1
		}
		line := s[pos:lineEnd]
		switch {
		case fence >= 0:
			if strings.HasPrefix(line, "```") {
				spans = append(spans, [2]int{fence, min(next, len(s))})
				fence = -1
			}
		case strings.HasPrefix(line, "```"):
			if inCard {
				spans = append(spans, [2]int{paraStart, paraEnd})
				inCard = false
			}
			fence = pos
			paraStart = -1
		case strings.TrimSpace(line) == "":
			if inCard {
				spans = append(spans, [2]int{paraStart, paraEnd})
				inCard = false
			}
			paraStart = -1
		default:
			if paraStart < 0 {
				paraStart = pos
				inCard = cardStart.MatchString(line)
			}
			paraEnd = lineEnd
		}
		pos = next
	}
	if fence >= 0 {
		spans = append(spans, [2]int{fence, len(s)})
	}
	if inCard {
		spans = append(spans, [2]int{paraStart, paraEnd})
	}
	return spans
}

// Split cuts s into pieces of at most limit units that join back to s. It
// prefers cutting after a blank line, then after a line, then after a
// space, and never inside a code block or a risk card unless that block
// alone is longer than limit (then it is cut at its lines). A limit below 2
// is treated as 2, so any character fits.
func Split(s string, limit int) []string {
	limit = max(limit, 2)
	if Units(s) <= limit {
		return []string{s}
	}
	spans := protected(s)
	inside := func(b int) bool {
		for _, sp := range spans {
			if b > sp[0] && b < sp[1] {
				return true
			}
		}
		return false
	}
	var out []string
	for off := 0; off < len(s); {
		rest := s[off:]
		// The byte length of limit units, at a rune boundary.
		end, n := 0, 0
		for end < len(rest) {
			r, size := utf8.DecodeRuneInString(rest[end:])
			if n += utf16.RuneLen(r); n > limit {
				break
			}
			end += size
		}
		if end == len(rest) {
			out = append(out, rest)
			break
		}
		if end == 0 {
			_, end = utf8.DecodeRuneInString(rest)
		}
		cut := bestCut(rest[:end], func(b int) bool { return !inside(off + b) })
		if cut == 0 {
			cut = bestCut(rest[:end], func(int) bool { return true })
		}
		out = append(out, rest[:cut])
		off += cut
	}
	return out
}

// bestCut returns the furthest allowed cut in w after a blank line, else a
// line, else a space, else a rune boundary; 0 when none is allowed.
func bestCut(w string, ok func(int) bool) int {
	for _, sep := range []string{"\n\n", "\n", " "} {
		for i := strings.LastIndex(w, sep); i >= 0; i = strings.LastIndex(w[:i], sep) {
			if c := i + len(sep); ok(c) {
				return c
			}
		}
	}
	for i := len(w); i > 0; i-- {
		if i < len(w) && !utf8.RuneStart(w[i]) {
			continue
		}
		if ok(i) {
			return i
		}
	}
	return 0
}
