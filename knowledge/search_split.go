package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitSentences returns the byte spans of text's sentences, cut after
// 。!?;… (full-width or ASCII, an ASCII full stop only before a space or the
// end), without the delimiters and the spaces and punctuation around them.
func splitSentences(text string) [][2]int { return appendSentences(nil, text) }

// appendSentences appends the spans of splitSentences to out.
func appendSentences(out [][2]int, text string) [][2]int {
	start := 0
	flush := func(end int) {
		s, e := start, end
		for s < e {
			r, size := utf8.DecodeRuneInString(text[s:e])
			if !unicode.IsSpace(r) && !unicode.IsPunct(r) {
				break
			}
			s += size
		}
		for e > s {
			r, size := utf8.DecodeLastRuneInString(text[s:e])
			if !unicode.IsSpace(r) && !strings.ContainsRune(sentenceEnds, r) && !strings.ContainsRune(clauseEnds, r) {
				break
			}
			e -= size
		}
		if e > s {
			out = append(out, [2]int{s, e})
		}
	}
	for i, r := range text {
		end := strings.ContainsRune(sentenceEnds, r)
		if r == '.' {
			next := i + 1
			end = next >= len(text) || text[next] == ' ' || text[next] == '\n'
		}
		if end {
			flush(i)
			start = i + utf8.RuneLen(r)
		}
	}
	flush(len(text))
	return out
}

const sentenceEnds = "\u3002!?;\uff01\uff1f\uff1b\u2026"

// clauseEnds end a clause within a sentence (the comma kinds).
const clauseEnds = ",\uff0c\u3001"
