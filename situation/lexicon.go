package situation

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mark is a set of markers a word carries.
type mark uint32

const (
	fQuestion     mark = 1 << iota // the clause asks something
	fDecision                      // the clause weighs options: nothing in it is a fact
	fHypothetical                  // "if": nothing in it is a fact
	fWorld                         // talk about the market, not the founder
	fFirstPerson                   // we, our, 我们, I
	fWe                            // the company speaking: we, our, 我们 (not I)
	fNegation                      // 不, 没有, not
	fSplit                         // starts a new clause (但是, but)
	fBill                          // a cloud bill or vendor
	fGiant                         // a platform giant
	fGPU                           // a GPU or accelerator
	fRent                          // renting
	fCase                          // names a company the article discusses
	fForeign                       // a clause about such a company, not the founder
	fCaseObject                    // names such a company as what the founder competes with
	fCompete                       // competing with someone
	fPlan                          // a need, plan or forecast: numbers after it are not had
	fVendor                        // a third-party model sold by API (GPT-4, Claude)
	fDevice                        // a phone or PC maker shipping on-device models
	fClient                        // says who the founder's customers are (客户, for, 给)
	fLow                           // low, poor (数字化程度很低)
	fAverse                        // cannot stand (hate, 受不了)
	fPerCustomer                   // a price per customer or contract, not per user a month
	fUnpaid                        // nothing is paid for: no paid version, nobody pays, or how to make money
)

// cue is everything one word means to the reader; a word listed in several
// places carries all of its roles.
type cue struct {
	field   string // amount or count field of a number next to it
	period  string // period the word itself carries
	def     string // period to assume for field when none is written
	burn    bool   // field is a net burn rate
	runway  bool   // a duration next to it is runway
	after   bool   // a runway word that follows its duration even in Chinese (4个月现金)
	unit    string // right after a number: unitPaying, unitUsers, unitGPU, unitBenign
	prefix  bool   // right before a number: a rank, version or other count
	counter bool   // between a number and what it counts
	sets    []choiceCue
	flags   mark
	intent  string
	weak    bool // intent cue that counts only when nothing stronger is found
	dilemma string
	han     bool   // the word starts with a Han character
	exact   string // a case alias that counts only written exactly so ("Meta")
}

const (
	unitPaying    = "paying"
	unitCustomers = "customers"
	unitPeople    = "people"
	unitUsers     = "users"
	unitGPU       = "gpu"
	unitBenign    = "benign"
)

// match is one word found in a text: its byte span in the normalized text.
type match struct {
	start, end int
	cue        *cue
}

// lexicon finds every known word in a text, leftmost first and longest at
// each position, in one pass. Entries are indexed by their first rune,
// longest first. (A ready Aho-Corasick module was tried: its leftmost-longest
// mode returned the shortest pattern, "burn" for "burn rate".)
type lexicon struct {
	index map[string]int32
	words []string
	cues  []*cue
	ascii [128][]int32
	other map[rune][]int32
}

func newLexicon() *lexicon {
	return &lexicon{index: map[string]int32{}, other: map[rune][]int32{}}
}

// add returns the cue of word, creating it; all roles of a word share one.
func (l *lexicon) add(word string) *cue {
	w := normalize(word).norm
	if w == "" {
		return &cue{}
	}
	if id, ok := l.index[w]; ok {
		return l.cues[id]
	}
	r, _ := utf8.DecodeRuneInString(w)
	c := &cue{han: unicode.Is(unicode.Han, r)}
	id := int32(len(l.words))
	l.index[w] = id
	l.words = append(l.words, w)
	l.cues = append(l.cues, c)
	if r < 128 {
		l.ascii[r] = append(l.ascii[r], id)
	} else {
		l.other[r] = append(l.other[r], id)
	}
	return c
}

// seal orders every bucket longest first, and lets a word that holds a
// dilemma word ("midjourney competitor") carry its dilemma too, since the
// longer word hides the shorter one when a text is scanned.
func (l *lexicon) seal() {
	var donors []int
	for i, c := range l.cues {
		if c.dilemma != "" {
			donors = append(donors, i)
		}
	}
	for i, w := range l.words {
		c := l.cues[i]
		for _, d := range donors {
			x, dc := l.words[d], l.cues[d]
			if len(x) >= len(w) || c.dilemma != "" {
				continue
			}
			if j := strings.Index(w, x); j >= 0 && bounded(w, j, j+len(x)) {
				c.dilemma = dc.dilemma
			}
		}
	}
	byLen := func(a, b int32) int { return cmp.Compare(len(l.words[b]), len(l.words[a])) }
	for i := range l.ascii {
		slices.SortStableFunc(l.ascii[i], byLen)
	}
	for r := range l.other {
		slices.SortStableFunc(l.other[r], byLen)
	}
}

// scan appends to buf the words found in s, which must be normalized.
func (l *lexicon) scan(s string, buf []match) []match {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		var bucket []int32
		if r < 128 {
			bucket = l.ascii[r]
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			bucket = l.other[r]
		}
		found := false
		for _, id := range bucket {
			w := l.words[id]
			if strings.HasPrefix(s[i:], w) && bounded(s, i, i+len(w)) {
				buf = append(buf, match{start: i, end: i + len(w), cue: l.cues[id]})
				i += len(w)
				found = true
				break
			}
		}
		if !found {
			i += size
		}
	}
	return buf
}

// bounded reports whether s[start:end] stands alone where it begins or ends
// with an ASCII letter or digit.
func bounded(s string, start, end int) bool {
	if isAlnum(s[start]) && start > 0 && isAlnum(s[start-1]) {
		return false
	}
	if isAlnum(s[end-1]) && end < len(s) && isAlnum(s[end]) {
		return false
	}
	return true
}

func isAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
