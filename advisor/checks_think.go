package advisor

import "strings"

// Reasoning some models write inline, between <think> and </think>, never
// reaches users. stripThink removes it from the text so far; while the reply
// is still streaming (final false) it also holds back an open block and a
// tag that may be cut in two at the end ("<thi"), so nothing of the
// reasoning can leak between two chunks.

const (
	thinkOpen  = "<think>"
	thinkClose = "</think>"
)

// stripThink returns s without reasoning blocks and stray think tags.
// A closing tag with no opening one means everything before it was
// reasoning (some chat templates open the block in the prompt). An opening
// tag never closed hides the rest of the text.
func stripThink(s string, final bool) string {
	if !strings.Contains(s, "<") {
		return s
	}
	// A stray closer: everything up to the last one without an opener
	// before it is reasoning.
	if c := strings.Index(s, thinkClose); c >= 0 {
		if o := strings.Index(s, thinkOpen); o < 0 || o > c {
			return stripThink(s[c+len(thinkClose):], final)
		}
	}
	var b strings.Builder
	for {
		o := strings.Index(s, thinkOpen)
		if o < 0 {
			break
		}
		b.WriteString(s[:o])
		rest := s[o+len(thinkOpen):]
		c := strings.Index(rest, thinkClose)
		if c < 0 {
			s = "" // an open block hides everything after it
			break
		}
		s = rest[c+len(thinkClose):]
	}
	b.WriteString(s)
	out := strings.ReplaceAll(b.String(), thinkClose, "")
	if !final {
		out = out[:len(out)-partialTagLen(out)]
	}
	return out
}

// partialTagLen is the length of the end of s that could grow into a think
// tag: "<", "</t", "<thin" ...
func partialTagLen(s string) int {
	i := strings.LastIndexByte(s, '<')
	if i < 0 || len(s)-i >= len(thinkClose) {
		return 0
	}
	tail := s[i:]
	if strings.HasPrefix(thinkOpen, tail) || strings.HasPrefix(thinkClose, tail) {
		return len(tail)
	}
	return 0
}
