package situation

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// text is one founder message prepared for reading: lower-cased, full-width
// forms folded to ASCII ("３０００万" -> "3000万", "，" -> ","), with a map
// back to the bytes the founder wrote so facts quote them as written.
type text struct {
	orig string
	norm string
	off  []int32 // off[i]: the byte of orig that norm byte i came from; len(norm)+1 entries
}

func normalize(s string) text {
	var b strings.Builder
	b.Grow(len(s))
	off := make([]int32, 0, len(s)+1)
	for i, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			r -= 0xFEE0
		case r == utf8.RuneError, r == 0x3000, r == 0xA0, r == '\t', r == '\r':
			r = ' '
		case r == '−':
			r = '-'
		}
		if r < utf8.RuneSelf {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else if lr := unicode.ToLower(r); utf8.RuneLen(lr) == utf8.RuneLen(r) {
			r = lr
		}
		n := utf8.RuneLen(r)
		if n < 0 {
			r, n = ' ', 1
		}
		b.WriteRune(r)
		for range n {
			off = append(off, int32(i))
		}
	}
	off = append(off, int32(len(s)))
	return text{orig: s, norm: b.String(), off: off}
}

// source returns what the founder wrote for norm[start:end], trimmed of
// spaces and punctuation at its edges.
func (t *text) source(start, end int) string {
	if start < 0 || end > len(t.norm) || start >= end {
		return ""
	}
	return strings.TrimFunc(t.orig[t.off[start]:t.off[end]], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(edgePunct, r)
	})
}

// edgePunct is trimmed from the ends of a quoted span.
const edgePunct = ",.;:!?，。；：！？、()（）\"'“”「」…—|"

// clause is a stretch of a message between separators: the unit in which a
// word and a number belong together, and which is a fact, a question or a
// weighing of options.
type clause struct {
	start, end int
	sentence   int
	flags      mark
}

// Separators end a clause; the sentence ones also end a sentence.
const (
	clauseSeps   = ",;!?\n、。…—|"
	sentenceSeps = ";!?\n。…"
)

// splitClauses cuts norm into clauses at separators and before words that
// start a clause ("但是", " but "). A comma between digits ("2,000") and a
// dot inside a number are not separators; ". " ends a sentence.
func splitClauses(norm string, ms []match) []clause {
	var cuts []int // positions where a clause begins
	sentenceAt := map[int]bool{}
	for i := 0; i < len(norm); {
		r, size := utf8.DecodeRuneInString(norm[i:])
		sep, sent := false, false
		switch {
		case r == ',' && i > 0 && isDigit(norm[i-1]) && thousands(norm[i+1:]):
		case r == '.':
			next := i + 1
			if next == len(norm) || norm[next] == ' ' || norm[next] == '.' {
				sep, sent = true, true
			}
		case strings.ContainsRune(clauseSeps, r):
			sep, sent = true, strings.ContainsRune(sentenceSeps, r)
		}
		i += size
		if sep {
			cuts = append(cuts, i)
			if sent {
				sentenceAt[i] = true
			}
		}
	}
	for _, m := range ms {
		if m.cue.flags&fSplit != 0 && m.start > 0 {
			cuts = append(cuts, m.start)
		}
	}
	sort.Ints(cuts)
	var cs []clause
	start, sentence := 0, 0
	for _, c := range append(cuts, len(norm)) {
		if c <= start {
			continue
		}
		cs = append(cs, clause{start: start, end: c, sentence: sentence})
		if sentenceAt[c] {
			sentence++
		}
		start = c
	}
	if len(cs) == 0 {
		cs = append(cs, clause{end: len(norm)})
	}
	// A clause carries the markers of the words inside it; a company named
	// right after "和", "with" (or listed after such a name) is marked as
	// an object, not the subject.
	j, objEnd := 0, -1
	for _, m := range ms {
		for j < len(cs)-1 && m.start >= cs[j].end {
			j++
		}
		f := m.cue.flags
		if f&fCase != 0 && caseObject(norm, m.start, objEnd) {
			f, objEnd = f&^fCase|fCaseObject, m.end
		}
		cs[j].flags |= f
	}
	// A sentence that names a company the article discusses and never the
	// founder is about that company, all its clauses ("Stability AI 总成本
	// 1.53亿美元,收入1100万美元"); one that names it only as the rival the
	// founder competes with is not ("和vivo、OPPO竞争").
	about := func(f, sentence mark) bool {
		return f&fCase != 0 || f&fCaseObject != 0 && sentence&fCompete == 0
	}
	for i := 0; i < len(cs); {
		k, f := i, mark(0)
		for k < len(cs) && cs[k].sentence == cs[i].sentence {
			f |= cs[k].flags
			k++
		}
		for ; i < k; i++ {
			if about(f, f) && f&fFirstPerson == 0 || about(cs[i].flags, f) && cs[i].flags&fFirstPerson == 0 {
				cs[i].flags |= fForeign
			}
		}
	}
	return cs
}

// caseObject reports whether the company name at start follows an object
// mark ("和", "with", "vs") or continues a list of such names from objEnd
// ("和vivo、OPPO").
func caseObject(norm string, start, objEnd int) bool {
	before := strings.TrimRight(norm[:start], " ")
	for _, w := range objectMarks {
		if strings.HasSuffix(before, w) && (!isLetter(w[0]) || len(before) == len(w) || !isLetter(before[len(before)-len(w)-1])) {
			return true
		}
	}
	if objEnd < 0 || objEnd > start {
		return false
	}
	gap := strings.TrimSpace(norm[objEnd:start])
	return gap == "" || slices.Contains(listMarks, gap)
}

// thousands reports whether s starts with exactly three digits, as after
// the comma of "2,000".
func thousands(s string) bool {
	return len(s) >= 3 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && (len(s) == 3 || !isDigit(s[3]))
}

// clauseOf returns the index of the clause holding byte pos.
func clauseOf(cs []clause, pos int) int {
	i := sort.Search(len(cs), func(i int) bool { return cs[i].end > pos })
	return min(i, len(cs)-1)
}
