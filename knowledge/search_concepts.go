package knowledge

// ConceptsIn returns the IDs of the lexicon's domain concepts that t names
// in either language, in lexicon order. The advisor uses it to pick, among
// a mode's claims, those that speak to the founder's question ("账上只剩半年
// 现金" and "资金快耗尽" share the capital concept, not a word). Claims of the
// knowledge base are analysed once, in NewIndex. Weak (everyday) forms do
// not count: "raise developers' efficiency" is not about raising money.
func (ix *Index) ConceptsIn(t Text) []string {
	if ids, ok := ix.claimConcepts[t]; ok {
		return ids
	}
	return ix.conceptsIn(t)
}

func (ix *Index) conceptsIn(t Text) []string {
	var us []unit
	var ids []string
	seen := map[int32]bool{}
	for _, text := range []string{t.ZH, t.EN} {
		us, _ = analyze(us[:0], nil, text, ix.voc, false)
		for i := range us {
			for _, si := range ix.lex.first[us[i].key] {
				sf := &ix.lex.surfaces[si]
				c := sf.concept
				if c >= ix.nLex || sf.weak || seen[c] || ix.lex.concepts[c].kind != kindDomain || !matchAt(us, i, sf.keys) {
					continue
				}
				seen[c] = true
				ids = append(ids, ix.lex.concepts[c].id)
			}
		}
	}
	return ids
}

// indexClaimConcepts analyses every claim of every mode once.
func (ix *Index) indexClaimConcepts(b *Base) {
	ix.claimConcepts = map[Text][]string{}
	for _, m := range b.Modes {
		for _, cs := range [][]Claim{m.Signals, m.Evidence, m.Actions} {
			for _, c := range cs {
				if _, ok := ix.claimConcepts[c.Text]; !ok {
					ix.claimConcepts[c.Text] = ix.conceptsIn(c.Text)
				}
			}
		}
	}
}
