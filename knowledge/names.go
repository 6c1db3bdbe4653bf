package knowledge

import (
	"fmt"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Finding the cases a question names ("美图做大模型的思路值得学吗?", "is
// Kimi's long context a moat?"). Names and questions are cut into units:
// one Han (or kana, hangul) character, or one word of letters and digits,
// so a Latin name matches whole words only ("Apple" is not in "pineapple",
// "vivo" is in "vivo的手机"), while Han names match anywhere, as Chinese has
// no spaces. Punctuation and spaces separate words and are otherwise
// ignored ("GPT-4" is "GPT 4"). Latin words match in any case, except the
// aliases a case lists under match_case. Every name and false friend sits
// in one trie, built at load; a question is read left to right, taking the
// longest name or false friend at each point, so "小米粥" is a false friend,
// not 小米, and "Cerebras-GPT" is Cerebras, not GPT.

// CasesNamed returns the cases text names, by name or alias, in the order
// they first appear; each case once.
func (b *Base) CasesNamed(text string) []*Case {
	if b.names == nil {
		return nil
	}
	var out []*Case
	b.names.find(text, func(ci int32) {
		c := &b.Cases[ci]
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	})
	return out
}

// Unit keys: a character is its rune; a word is its id in the vocabulary
// of lower-cased words (wordBit set) or, for match_case aliases, of words
// as written (exactBit set too). Edge keys put the parent node in the high
// half.
const (
	wordBit  = 1 << 31
	exactBit = 1 << 30
)

// nameMatcher is the trie of every case name and false friend.
type nameMatcher struct {
	lower map[string]uint32 // lower-cased word -> id
	exact map[string]uint32 // word as written, of match_case aliases -> id
	edges map[uint64]int32  // parent<<32 | unit key -> child node
	ends  []nameEnd         // per node: what a name ending there means
}

type nameEnd struct {
	cases []int32 // the cases this name names
	block bool    // a false friend: hides the names inside it
}

// qunit is one unit of a question: its key among case-insensitive names
// and its key among match_case ones; 0 where no name has the word.
type qunit struct{ low, exact uint32 }

var qunitPool = sync.Pool{New: func() any { s := make([]qunit, 0, 256); return &s }}

func newNameMatcher(cases []Case) *nameMatcher {
	m := &nameMatcher{lower: map[string]uint32{}, exact: map[string]uint32{}, edges: map[uint64]int32{}, ends: []nameEnd{{}}}
	for i, c := range cases {
		for _, name := range caseNames(&c) {
			m.add(name, slices.Contains(c.MatchCase, name), func(e *nameEnd) {
				if !slices.Contains(e.cases, int32(i)) {
					e.cases = append(e.cases, int32(i))
				}
			})
		}
		for _, ff := range c.FalseFriends {
			m.add(ff, false, func(e *nameEnd) { e.block = true })
		}
	}
	return m
}

// caseNames lists every name a case goes by.
func caseNames(c *Case) []string {
	return append([]string{c.Name.ZH, c.Name.EN}, c.Aliases...)
}

// add puts one name into the trie; mark sets what its end means.
func (m *nameMatcher) add(name string, matchCase bool, mark func(*nameEnd)) {
	node := int32(0)
	n := 0
	scanUnits(name, nil, func(han rune, word, lowered []byte) {
		var key uint32
		switch {
		case word == nil:
			key = uint32(han)
		case matchCase:
			key = wordBit | exactBit | vocabID(m.exact, string(word))
		default:
			key = wordBit | vocabID(m.lower, string(lowered))
		}
		e := uint64(node)<<32 | uint64(key)
		next, ok := m.edges[e]
		if !ok {
			next = int32(len(m.ends))
			m.ends = append(m.ends, nameEnd{})
			m.edges[e] = next
		}
		node = next
		n++
	})
	if n > 0 {
		mark(&m.ends[node])
	}
}

func vocabID(v map[string]uint32, w string) uint32 {
	id, ok := v[w]
	if !ok {
		id = uint32(len(v) + 1)
		v[w] = id
	}
	return id
}

// find calls hit with each case a name in text names, leftmost-longest.
func (m *nameMatcher) find(text string, hit func(ci int32)) {
	p := qunitPool.Get().(*[]qunit)
	us := (*p)[:0]
	var buf []byte
	buf = scanUnits(text, buf, func(han rune, word, lowered []byte) {
		if word == nil {
			us = append(us, qunit{uint32(han), uint32(han)})
			return
		}
		u := qunit{}
		if id := m.lower[string(lowered)]; id != 0 {
			u.low = wordBit | id
		}
		if id := m.exact[string(word)]; id != 0 {
			u.exact = wordBit | exactBit | id
		}
		us = append(us, u)
	})
	for i := 0; i < len(us); {
		n, end := m.longest(us[i:], false)
		if n2, end2 := m.longest(us[i:], true); n2 > n {
			n, end = n2, end2
		}
		if n == 0 {
			i++
			continue
		}
		if !end.block {
			for _, ci := range end.cases {
				hit(ci)
			}
		}
		i += n
	}
	if cap(us) <= 4096 {
		*p = us[:0]
		qunitPool.Put(p)
	}
}

// longest walks the trie from the start of us and returns the length of
// the longest name or false friend there, and its end.
func (m *nameMatcher) longest(us []qunit, exact bool) (int, *nameEnd) {
	node, best := int32(0), 0
	var end *nameEnd
	for i, u := range us {
		key := u.low // a character has the same key in both
		if exact {
			key = u.exact
		}
		if key == 0 {
			break
		}
		next, ok := m.edges[uint64(node)<<32|uint64(key)]
		if !ok {
			break
		}
		node = next
		if e := &m.ends[node]; e.block || len(e.cases) > 0 {
			best, end = i+1, e
		}
	}
	return best, end
}

// scanUnits cuts s into units and calls unit for each: a character (word
// nil) or a word as written and lower-cased. Full-width Latin letters and
// digits count as their ASCII forms. buf is scratch, returned for reuse.
func scanUnits(s string, buf []byte, unit func(han rune, word, lowered []byte)) []byte {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		r = narrow(r)
		switch {
		case isIdeograph(r):
			unit(r, nil, nil)
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			buf = buf[:0]
			for i < len(s) {
				r, size := utf8.DecodeRuneInString(s[i:])
				r = narrow(r)
				if isIdeograph(r) || !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					break
				}
				buf = utf8.AppendRune(buf, r)
				i += size
			}
			n := len(buf)
			for j := 0; j < n; {
				r, size := utf8.DecodeRune(buf[j:])
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
				j += size
			}
			unit(0, buf[:n], buf[n:])
		default:
			i += size
		}
	}
	return buf
}

// narrow maps full-width ASCII (Ａ, ｖｉｖｏ, ４) to ASCII.
func narrow(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}

func isIdeograph(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r))
}

// caseNamesOK checks a case's names as CasesNamed will read them: each
// alias has a letter or character, match_case lists aliases, and each
// false friend holds one of the case's names without being one.
func caseNamesOK(c *Case) error {
	v := map[string]uint32{}
	names := caseNames(c)
	keys := make([][]uint32, len(names))
	for i, n := range names {
		keys[i] = unitKeys(n, v)
		if len(keys[i]) == 0 && i >= 2 {
			return fmt.Errorf("aliases: %q has no letter, digit or character", n)
		}
	}
	for _, a := range c.MatchCase {
		if !slices.Contains(c.Aliases, a) {
			return fmt.Errorf("match_case: %q is not one of the aliases", a)
		}
	}
	for _, ff := range c.FalseFriends {
		fk := unitKeys(ff, v)
		switch {
		case len(fk) == 0:
			return fmt.Errorf("false_friends: %q has no letter, digit or character", ff)
		case slices.ContainsFunc(keys, func(k []uint32) bool { return slices.Equal(k, fk) }):
			return fmt.Errorf("false_friends: %q is one of the case's names", ff)
		case !slices.ContainsFunc(keys, func(k []uint32) bool { return len(k) > 0 && containsRun(fk, k) }):
			return fmt.Errorf("false_friends: %q contains none of the case's names", ff)
		}
	}
	return nil
}

// unitKeys lists the case-insensitive unit keys of s, words numbered in v.
func unitKeys(s string, v map[string]uint32) []uint32 {
	var out []uint32
	scanUnits(s, nil, func(han rune, word, lowered []byte) {
		if word == nil {
			out = append(out, uint32(han))
		} else {
			out = append(out, wordBit|vocabID(v, string(lowered)))
		}
	})
	return out
}

// containsRun reports whether run occurs in s as a contiguous run.
func containsRun(s, run []uint32) bool {
	for i := 0; i+len(run) <= len(s); i++ {
		if slices.Equal(s[i:i+len(run)], run) {
			return true
		}
	}
	return false
}
