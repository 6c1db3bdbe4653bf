package advisor

import (
	"unicode"
	"unicode/utf8"
)

// DetectLang returns the language to answer in: "zh" when the question's
// meaningful content is mostly Chinese, else "en". Founders mix freely
// ("ARR 才 1M, burn 2M 每月"), so the two are weighed: each Han character
// counts once, each English word of two letters or more counts once, and
// numbers and short all-capital acronyms (ARR, GPU, AI PC, VC, B端) count
// for neither, because Chinese speakers use them as much as English ones.
// Ties go to Chinese.
func DetectLang(q string) string {
	han, words := 0, 0
	for i := 0; i < len(q); {
		r, size := utf8.DecodeRuneInString(q[i:])
		switch {
		case unicode.Is(unicode.Han, r):
			han++
			i += size
		case unicode.IsLetter(r):
			upper, n := true, 0
			for i < len(q) {
				r, size := utf8.DecodeRuneInString(q[i:])
				if !unicode.IsLetter(r) || unicode.Is(unicode.Han, r) {
					break
				}
				upper = upper && unicode.IsUpper(r)
				n++
				i += size
			}
			if n >= 2 && !(upper && n <= 5) {
				words++
			}
		default:
			i += size
		}
	}
	if han > 0 && han >= words {
		return "zh"
	}
	return "en"
}
