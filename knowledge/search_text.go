package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Text analysis for retrieval.
//
// Chinese is cut into character unigrams and bigrams rather than words. A
// dictionary segmenter (go-ego/gse, jieba ports) loads tens of megabytes of
// dictionary at start (about a second) and still splits founders' slang
// ("to B", "烧钱", "文生图", "端侧") unpredictably. This corpus is small and
// closed, and the words that matter are listed in the concept lexicon
// (concepts.yaml), which is matched as exact character sequences; bigrams
// then catch the rest with no dictionary at all, and cost nothing to load.
// English words are lower-cased, stop words kept aside, and stemmed with the
// Snowball (Porter 2) stemmer, so "fundraising" meets "fundraise".

// Term keys share one uint64 space: the top two bits say what the key is.
const (
	keyHan    uint64 = 1 << 62 // one Han character: keyHan | rune
	keyWord   uint64 = 2 << 62 // one stemmed word: keyWord | word id
	keyBigram uint64 = 3 << 62 // two adjacent Han characters
)

func bigramKey(a, b rune) uint64 { return keyBigram | uint64(a)<<21 | uint64(b) }

// unit is one Han character or one Latin/number word of a text, with its
// byte span in the original text (so matched terms are shown as written).
type unit struct {
	key        uint64 // keyHan|rune or keyWord|id; keyWord alone for an unknown word
	start, end int32
	han        bool
	stop       bool // a stop word or stop character: not a search term alone
	num        bool // starts with a digit
	typo       bool // read as the known word one edit away (search_typo.go)
}

// vocab maps words to ids. Index-time words are registered; query-time
// words are looked up without allocating when they were seen before.
type vocab struct {
	raw   map[string]uint32   // lower-cased surface form -> id
	stems map[string]uint32   // stem -> id
	near  map[string][]string // a known word, and each of its one-deletion forms -> the known words (search_typo.go); nil until freeze
}

func newVocab() *vocab {
	return &vocab{raw: map[string]uint32{}, stems: map[string]uint32{}}
}

// add registers a lower-cased word and returns its id.
func (v *vocab) add(w string) uint32 {
	if id, ok := v.raw[w]; ok {
		return id
	}
	s := stem(w)
	id, ok := v.stems[s]
	if !ok {
		id = uint32(len(v.stems) + 1)
		v.stems[s] = id
	}
	v.raw[w] = id
	return id
}

// lookup returns the id of a lower-cased word, or of the one known word a
// typo away from it (typo set); 0 when unknown.
func (v *vocab) lookup(w []byte) (id uint32, typo bool) {
	if id, ok := v.raw[string(w)]; ok {
		return id, false
	}
	if id := v.stems[stem(string(w))]; id != 0 {
		return id, false
	}
	id = v.nearest(w)
	return id, id != 0
}

func stem(w string) string {
	if w == "" || w[0] >= '0' && w[0] <= '9' {
		return w
	}
	return english.Stem(w, false)
}

// hanStop are characters too common to mean anything on their own.
const hanStop = "的了是我你他她它们在有和与及或就都也还要会能吗呢吧啊么怎什这那个一不把被让给从对为以到于而之其此很最更多少啥咋嘛呀哪如何该可吗么样"

func isHanStop(r rune) bool { return strings.ContainsRune(hanStop, r) }

// analyze appends the units of text to dst. buf is scratch for lower-casing
// words. With reg set, unknown words are registered in v (index time).
func analyze(dst []unit, buf []byte, text string, v *vocab, reg bool) ([]unit, []byte) {
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		r = fold(r)
		switch {
		case unicode.Is(unicode.Han, r):
			dst = append(dst, unit{key: keyHan | uint64(r), start: int32(i), end: int32(i + size), han: true, stop: isHanStop(r)})
			i += size
		case isWordRune(r):
			start := i
			buf = buf[:0]
			for i < len(text) {
				r, size := utf8.DecodeRuneInString(text[i:])
				r = fold(r)
				if !isWordRune(r) && !(r == '.' || r == '\'' || r == '-') {
					break
				}
				buf = utf8.AppendRune(buf, r)
				i += size
			}
			// Trailing punctuation is not part of the word ("money." / "x-").
			for len(buf) > 0 && (buf[len(buf)-1] == '.' || buf[len(buf)-1] == '\'' || buf[len(buf)-1] == '-') {
				buf = buf[:len(buf)-1]
				i--
			}
			var id uint32
			var typo bool
			if reg {
				id = v.add(string(buf))
			} else {
				id, typo = v.lookup(buf)
			}
			dst = append(dst, unit{
				key: keyWord | uint64(id), start: int32(start), end: int32(i), typo: typo,
				stop: english.IsStopWord(string(buf)) || len(buf) == 1 && buf[0] < '0' || len(buf) == 1 && buf[0] > '9',
				num:  buf[0] >= '0' && buf[0] <= '9',
			})
		default:
			i += size
		}
	}
	return dst, buf
}

// fold maps full-width ASCII to ASCII and upper case to lower case.
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return unicode.ToLower(r)
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) && !unicode.Is(unicode.Han, r)
}

// adjacent reports whether two Han units touch (no space or punctuation between).
func adjacent(a, b unit) bool { return a.han && b.han && a.end == b.start }

// terms appends the search terms of units to dst: non-stop words, non-stop
// Han characters (weight unigram) and Han bigrams (weight 1).
func terms(dst []wterm, us []unit) []wterm {
	for i, u := range us {
		switch {
		case u.han:
			if !u.stop {
				dst = append(dst, wterm{key: u.key, w: unigramWeight, at: int32(i), n: 1})
			}
			if i+1 < len(us) && adjacent(u, us[i+1]) && !u.stop && !us[i+1].stop {
				dst = append(dst, wterm{key: bigramKey(rune(u.key&^keyHan), rune(us[i+1].key&^keyHan)), w: 1, at: int32(i), n: 2})
			}
		case !u.stop && u.key != keyWord:
			dst = append(dst, wterm{key: u.key, w: 1, at: int32(i), n: 1})
		}
	}
	return dst
}

// unigramWeight is what a lone Han character counts for against a bigram:
// single characters (电, 钱, 卡) carry meaning, but far less reliably.
const unigramWeight = 0.3

// wterm is a weighted search term and the units it came from.
type wterm struct {
	key uint64
	w   float32
	at  int32 // first unit
	n   int32 // number of units
}
