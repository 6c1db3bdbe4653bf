package knowledge

import "strings"

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
// or a model's name comes right before it, letters then digits ("Qwen2.5
// 7B") or a name and its version ("Llama 3 70B"); not a period ("Q3 1B",
// "FY24 2B") nor a year ("in 2024 1B").
func modelSize(before, after string) bool {
	after = strings.TrimLeft(after, " -")
	for _, w := range []string{"model", "param", "模型", "参数", "的模型", "llm"} {
		if len(after) >= len(w) && strings.EqualFold(after[:len(w)], w) {
			return true
		}
	}
	tok, rest := lastToken(before)
	if tok != "" && strings.Trim(tok, "0123456789") == "" {
		name, _ := lastToken(rest)
		return len(tok) < 4 && name != "" && strings.Trim(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
	}
	letters := strings.TrimRight(tok, "0123456789.")
	if letters == "" || letters == tok || strings.IndexAny(letters, "0123456789") >= 0 {
		return false
	}
	switch strings.ToLower(letters) {
	case "q", "h", "fy", "y":
		return false // a quarter, a half, a fiscal year
	}
	return true
}

// lastToken returns the run of ASCII letters, digits and dots that ends
// text (spaces and dashes after it aside), and the text before it.
func lastToken(text string) (tok, rest string) {
	text = strings.TrimRight(text, " -")
	i := len(text)
	for i > 0 {
		c := text[i-1]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.') {
			break
		}
		i--
	}
	return text[i:], text[:i]
}
