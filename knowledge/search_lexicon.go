package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lexicon compilation beyond the surface forms concepts.yaml lists (see
// NewIndex): stems of Chinese nouns, and the lookup tables matchConcepts
// uses.

// nounSuffixes end Chinese nouns made from adjectives and verbs: 准确率 is
// the rate of being 准确, 可靠性 the quality of being 可靠.
const nounSuffixes = "率性度"

// addStems lets a domain concept's nouns in -率/-性/-度 be recognised
// from their stem ("甲方要求百分之百准确" names 准确率): the stem is a weak
// form of a concept of its own that bears on the same modes with no weight,
// so it helps a question past the gate (beside a word it shares a mode
// with) but does not move the ranking.
func (ix *Index) addStems(d ConceptDef, c int32) {
	if ix.lex.concepts[c].kind != kindDomain {
		return
	}
	stem := int32(-1)
	for _, f := range d.ZH {
		f, _ = formKey(f)
		r, size := utf8.DecodeLastRuneInString(f)
		base := f[:len(f)-size]
		if !strings.ContainsRune(nounSuffixes, r) || utf8.RuneCountInString(base) < 2 || !allHan(base) {
			continue
		}
		if stem < 0 {
			stem = ix.lex.newConcept("stem:"+d.ID, kindDomain)
			for _, t := range ix.lex.concepts[c].modes {
				ix.lex.concepts[stem].modes = append(ix.lex.concepts[stem].modes, target{t.idx, 0})
			}
		}
		ix.lex.addSurface(ix.voc, "~"+base, stem)
	}
}

func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// indexSurfaces files every surface form under what a question must start
// it with: a form that starts with two Han characters under both (a pack's
// thousands of "样例公司N号" would otherwise all be tried at every 样 of
// "怎么样"), any other under its first unit (English phrases may have gaps).
func (ix *Index) indexSurfaces() {
	ix.first1 = map[uint64][]int32{}
	ix.first2 = map[uint64][]int32{}
	for si, sf := range ix.lex.surfaces {
		if k := sf.keys; len(k) >= 2 && k[0]&^(keyHan-1) == keyHan && k[1]&^(keyHan-1) == keyHan {
			bg := bigramKey(rune(k[0]&^keyHan), rune(k[1]&^keyHan))
			ix.first2[bg] = append(ix.first2[bg], int32(si))
		} else {
			ix.first1[k[0]] = append(ix.first1[k[0]], int32(si))
		}
	}
}
