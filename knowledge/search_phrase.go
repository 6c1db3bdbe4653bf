package knowledge

import (
	"strings"
	"unicode"
)

// Matching the lexicon's phrases and the founders' figures in a question.

// How many words may interrupt an English phrase of the lexicon, between
// two of its words: up to maxGap content words ("nobody has ever heard of
// us" is "nobody has heard", "give all our weights away" is "give away",
// "nobody outside our discord knows" is "nobody knows"), stop words not
// counted, and maxGapUnits words in all.
const (
	maxGap      = 2
	maxGapUnits = 4
)

// matchLoose is matchAt, letting a gap (see maxGap) sit between two words
// of a loose phrase (two content words or more: not "what product", whose
// function words anchor it); it returns the end of the match, or 0.
func matchLoose(us []unit, i int, keys []uint64, loose bool) int {
	if matchAt(us, i, keys) {
		return i + len(keys)
	}
	if !loose || len(keys) < 2 || us[i].han {
		return 0
	}
	j := i
	for k, key := range keys {
		if k == 0 {
			if us[j].key != key {
				return 0
			}
			j++
			continue
		}
		content, units := 0, 0
		for j < len(us) && us[j].key != key && !us[j].han && units < maxGapUnits {
			if !us[j].stop {
				content++
			}
			if content > maxGap {
				return 0
			}
			j++
			units++
		}
		if j >= len(us) || us[j].key != key || us[j].han {
			return 0
		}
		j++
	}
	return j
}

// matchAt reports whether keys occur in us from i, Han characters touching.
func matchAt(us []unit, i int, keys []uint64) bool {
	if i+len(keys) > len(us) {
		return false
	}
	for j, k := range keys {
		if us[i+j].key != k {
			return false
		}
		if j > 0 && us[i+j].han && us[i+j-1].han && !adjacent(us[i+j-1], us[i+j]) {
			return false
		}
	}
	return true
}

// moneyLike reports whether the number at us[i] reads as an amount of
// money or a headcount of users: "2M", "$500k", "3000万", "1.5亿".
func moneyLike(q string, us []unit, i int) bool {
	u := us[i]
	w := q[u.start:u.end]
	switch strings.ToLower(strings.TrimLeft(w, "0123456789.,")) {
	case "k", "m", "w", "mm", "mn", "bn":
		return true
	case "b": // "$2B", "ARR 1.5B"; not "a 70B model", "Llama 3 70B at 100 rps"
		return !modelSize(q[:u.start], q[u.end:])
	}
	if before := q[:u.start]; strings.HasSuffix(before, "$") || strings.HasSuffix(before, "¥") || strings.HasSuffix(before, "￥") {
		return true
	}
	if i+1 < len(us) && us[i+1].han && us[i+1].start-u.end <= 1 {
		switch rune(us[i+1].key &^ keyHan) {
		case '万', '亿', '元', '块', '美':
			return true
		}
	}
	return false
}

// modelSize reports whether a number ending in B counts a model's
// parameters, not dollars: a model word follows ("70B model", "7B 模型"),
// or a model's name and version come before it ("Llama 3 70B", "Qwen2.5-7B").
func modelSize(before, after string) bool {
	after = strings.ToLower(strings.TrimLeft(after, " -"))
	for _, w := range []string{"model", "param", "模型", "参数", "的模型", "llm"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	before = strings.TrimRight(before, " -")
	if strings.HasSuffix(before, "$") || strings.HasSuffix(before, "¥") {
		return false
	}
	// the word before: a name with a digit in it or right after it (a version)
	f := strings.Fields(before)
	if len(f) == 0 {
		return false
	}
	last := f[len(f)-1]
	if strings.IndexAny(last, "0123456789") >= 0 && strings.IndexFunc(last, unicode.IsLetter) >= 0 {
		return true // "qwen2.5-7b" split as "qwen2.5", "llama3"
	}
	if len(f) >= 2 && strings.Trim(last, "0123456789.") == "" {
		return strings.IndexFunc(f[len(f)-2], unicode.IsLetter) >= 0 // "Llama 3 70B"
	}
	return false
}
