package knowledge

// Typos: founders type fast ("tarffic", "enterprse", "cnosumers"). An
// unknown Latin word of fuzzyMin letters or more that is one edit (a
// letter added, dropped, changed, or two neighbours swapped) from exactly
// one known word of fuzzyMin letters or more is read as that word. The
// candidates come from the one-deletion neighbourhood of every known word
// (SymSpell's idea at distance 1), and each is checked to be one edit
// away: sharing a deletion alone also pairs "please" with "leases". Built
// once, in NewIndex; a lookup costs a word's length in map probes, and only
// for words the vocabulary does not know.

// fuzzyMin: shorter words have too many neighbours ("pods", "plan").
const (
	fuzzyMin = 5
	fuzzyMax = 24
)

// freeze builds the typo index over the words registered so far.
func (v *vocab) freeze() {
	v.near = map[string][]string{}
	var buf [fuzzyMax]byte
	for w := range v.raw {
		if !fuzzyWord([]byte(w)) {
			continue
		}
		v.near[w] = append(v.near[w], w)
		for i := range len(w) {
			d := string(append(append(buf[:0], w[:i]...), w[i+1:]...))
			v.near[d] = append(v.near[d], w)
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
	check := func(ws []string) bool {
		for _, k := range ws {
			if !oneEdit(w, k) {
				continue
			}
			if id := v.raw[k]; found == 0 {
				found = id
			} else if id != found {
				return false
			}
		}
		return true
	}
	// A known word one letter longer shares w's own spelling as a deletion;
	// one the same length or shorter shares one of w's deletions.
	ok := check(v.near[string(w)])
	var buf [fuzzyMax]byte
	for i := 0; i < len(w) && ok; i++ {
		ok = check(v.near[string(append(append(buf[:0], w[:i]...), w[i+1:]...))])
	}
	if !ok {
		return 0
	}
	return found
}

// oneEdit reports whether a and b (ASCII) differ by one letter added,
// dropped or changed, or by two neighbours swapped.
func oneEdit(a []byte, b string) bool {
	if len(a) < len(b) {
		return oneLonger(b, string(a))
	}
	if len(a) > len(b) {
		return oneLonger(string(a), b)
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i == len(a) {
		return false // the same word
	}
	if string(a[i+1:]) == b[i+1:] {
		return true // one changed
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && string(a[i+2:]) == b[i+2:] // two swapped
}

// oneLonger reports whether dropping one letter of long gives short.
func oneLonger(long, short string) bool {
	if len(long) != len(short)+1 {
		return false
	}
	i := 0
	for i < len(short) && long[i] == short[i] {
		i++
	}
	return long[i+1:] == short[i:]
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
