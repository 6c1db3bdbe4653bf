package knowledge

// Typos: founders type fast ("tarffic", "enterprse", "cnosumers"). An
// unknown Latin word of fuzzyMin letters or more that is one edit (a
// letter added, dropped, changed, or two letters swapped) from exactly one
// known word is read as that word. The index is the one-deletion
// neighbourhood of every known word (SymSpell's idea at distance 1): two
// words are one edit apart when one is a deletion of the other or both
// share a deletion. Built once, in NewIndex; a lookup costs a word's length
// in map probes, and only for words the vocabulary does not know.

// fuzzyMin: shorter words have too many neighbours ("pods", "plan").
const (
	fuzzyMin = 5
	fuzzyMax = 24
)

// ambiguous marks a deletion shared by two different words.
const ambiguous = ^uint32(0)

// freeze builds the typo index over the words registered so far.
func (v *vocab) freeze() {
	v.near = map[string]uint32{}
	var buf [fuzzyMax]byte
	for w, id := range v.raw {
		if !fuzzyWord([]byte(w)) {
			continue
		}
		for i := range len(w) {
			d := append(append(buf[:0], w[:i]...), w[i+1:]...)
			switch old, ok := v.near[string(d)]; {
			case !ok:
				v.near[string(d)] = id
			case old != id:
				v.near[string(d)] = ambiguous
			}
		}
	}
}

// nearest returns the id of the one known word one edit from w, 0 when
// there is none or more than one.
func (v *vocab) nearest(w []byte) uint32 {
	if v.near == nil || !fuzzyWord(w) {
		return 0
	}
	var found uint32
	take := func(id uint32) bool {
		if id == 0 || id == found {
			return true
		}
		if found != 0 || id == ambiguous {
			found = ambiguous
			return false
		}
		found = id
		return true
	}
	take(v.near[string(w)]) // w lacks a letter
	var buf [fuzzyMax]byte
	for i := 0; i < len(w) && found != ambiguous; i++ {
		d := append(append(buf[:0], w[:i]...), w[i+1:]...)
		_ = take(v.raw[string(d)]) && take(v.near[string(d)]) // w has a letter too many; or one changed or swapped
	}
	if found == ambiguous {
		return 0
	}
	return found
}

// fuzzyWord: lower-case ASCII letters only, of a length typos are read in.
func fuzzyWord(w []byte) bool {
	if len(w) < fuzzyMin || len(w) > fuzzyMax {
		return false
	}
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
