package knowledge

import "cmp"

// NewIndex precomputes everything Search needs from b.
func NewIndex(b *Base) *Index {
	if b == nil {
		b = &Base{}
	}
	ix := &Index{kb: b, voc: newVocab(), money: -1, prior: -1, products: -1, makers: -1}
	ix.lex = lexicon{first: map[uint64][]int32{}, byID: map[string]int32{}, seen: map[string]bool{}}
	modeIdx := make(map[string]int32, len(b.Modes))
	for i, m := range b.Modes {
		modeIdx[m.ID] = int32(i)
	}
	benchIdx := make(map[string]int32, len(b.Benchmarks))
	byEntity := map[string][]int32{}
	ix.bmodes = make([][]int32, len(b.Benchmarks))
	for i, x := range b.Benchmarks {
		benchIdx[x.ID] = int32(i)
		byEntity[x.Entity] = append(byEntity[x.Entity], int32(i))
		for _, m := range x.Modes {
			if mi, ok := modeIdx[m]; ok {
				ix.bmodes[i] = append(ix.bmodes[i], mi)
			}
		}
	}

	// The lexicon first, so generic words are known before pack keywords.
	defs, _ := Concepts() // a test proves the embedded lexicon parses
	for _, d := range defs {
		c := ix.lex.newConcept(d.ID, d.Kind)
		cc := &ix.lex.concepts[c]
		cc.risk, cc.party, cc.money, cc.lift, cc.asker = d.Risk, d.Party, d.Money, cmp.Or(d.Lift, liftRisk), d.Asker
		for id, w := range d.Modes {
			if mi, ok := modeIdx[id]; ok {
				cc.modes = append(cc.modes, target{mi, float32(w)})
			}
		}
		for id, w := range d.Benchmarks {
			if bi, ok := benchIdx[id]; ok {
				cc.benches = append(cc.benches, target{bi, float32(w)})
			}
		}
		for _, cs := range d.Cases {
			for _, bi := range byEntity[cs] {
				cc.benches = append(cc.benches, target{bi, caseBenchWeight})
			}
		}
		for _, f := range d.ZH {
			ix.lex.addSurface(ix.voc, f, c)
		}
		ix.addStems(d, c)
		for _, f := range d.EN {
			ix.lex.addSurface(ix.voc, f, c)
		}
		switch d.ID {
		case "money-figure":
			ix.money = c
		case "products":
			ix.products = c
		case "makers":
			ix.makers = c
		case "general-prior":
			ix.prior = c
		}
	}
	for _, d := range defs {
		cc := &ix.lex.concepts[ix.lex.byID[d.ID]]
		for id, n := range d.Beside {
			cc.beside = append(cc.beside, besideRule{ix.lex.byID[id], int32(n)})
		}
	}
	// Knowledge entries add concepts of their own, so packs take part. Their
	// keywords and names are weak: they rank well but are often everyday
	// words ("free", "local", "Apple") that must not carry a question alone.
	ix.nLex = int32(len(ix.lex.concepts))
	for i, m := range b.Modes {
		c := ix.lex.newConcept("mode:"+m.ID, kindDomain)
		ix.lex.concepts[c].modes = []target{{int32(i), keywordModeWeight}}
		for _, f := range append(append([]string(nil), m.Keywords.ZH...), m.Keywords.EN...) {
			ix.lex.addSurface(ix.voc, "~"+f, c)
		}
	}
	ix.cases[0] = int32(len(ix.lex.concepts))
	for _, cs := range b.Cases {
		c := ix.lex.newConcept("case:"+cs.ID, kindDomain)
		cc := &ix.lex.concepts[c]
		for _, m := range cs.Modes {
			if mi, ok := modeIdx[m]; ok {
				cc.modes = append(cc.modes, target{mi, caseModeWeight})
			}
		}
		for _, bi := range byEntity[cs.ID] {
			cc.benches = append(cc.benches, target{bi, caseBenchWeight})
		}
		for _, f := range append([]string{cs.Name.ZH, cs.Name.EN}, cs.Aliases...) {
			ix.lex.addSurface(ix.voc, "~"+f, c)
		}
	}
	ix.cases[1] = int32(len(ix.lex.concepts))
	for i, x := range b.Benchmarks {
		if len(x.Keywords.ZH)+len(x.Keywords.EN) == 0 {
			continue
		}
		c := ix.lex.newConcept("benchmark:"+x.ID, kindDomain)
		cc := &ix.lex.concepts[c]
		cc.benches = []target{{int32(i), benchKeywordWeight}}
		for _, mi := range ix.bmodes[i] {
			cc.modes = append(cc.modes, target{mi, benchKeywordModeWgt})
		}
		for _, f := range append(append([]string(nil), x.Keywords.ZH...), x.Keywords.EN...) {
			ix.lex.addSurface(ix.voc, "~"+f, c)
		}
	}

	ix.modes = buildModeDocs(b, ix.voc)
	ix.benches = buildBenchDocs(b, ix.voc)
	ix.indexSurfaces()
	ix.sents = buildSentences(b, ix.voc)
	ix.voc.freeze() // every word is known now: typos are read from here on
	ix.pool = newScratchPool(len(b.Modes), len(b.Benchmarks), len(ix.sents.sents))
	ix.indexClaimConcepts(b)
	return ix
}

func buildModeDocs(b *Base, v *vocab) docIndex {
	db := newDocBuilder(v, len(b.Modes))
	for d, m := range b.Modes {
		db.add(d, 2, m.Heading.Quote)
		db.add(d, 2, m.Title.ZH)
		db.add(d, 2, m.Title.EN)
		db.add(d, 1.5, m.Summary.ZH)
		db.add(d, 1.5, m.Summary.EN)
		for _, k := range m.Keywords.ZH {
			db.add(d, 3, k)
		}
		for _, k := range m.Keywords.EN {
			db.add(d, 3, k)
		}
		for _, cl := range m.Signals {
			addClaim(db, d, 1.5, cl)
		}
		for _, cl := range m.Actions {
			addClaim(db, d, 0.7, cl)
		}
		for _, cl := range m.Evidence {
			addClaim(db, d, 1, cl)
		}
		for _, id := range m.Cases {
			if c, ok := b.Case(id); ok {
				db.add(d, 1, c.Name.ZH)
				db.add(d, 1, c.Name.EN)
			}
		}
		for _, id := range m.Benchmarks {
			if x, ok := b.Benchmark(id); ok {
				db.add(d, 0.5, x.Label.ZH)
				db.add(d, 0.5, x.Label.EN)
			}
		}
	}
	return db.build(bm25B)
}

func addClaim(db *docBuilder, d int, fw float32, cl Claim) {
	db.add(d, fw, cl.Text.ZH)
	db.add(d, fw, cl.Text.EN)
	for _, c := range cl.Citations {
		db.add(d, fw*0.7, c.Quote)
	}
}

func buildBenchDocs(b *Base, v *vocab) docIndex {
	db := newDocBuilder(v, len(b.Benchmarks))
	for d, x := range b.Benchmarks {
		db.add(d, 2, x.Label.ZH)
		db.add(d, 2, x.Label.EN)
		db.add(d, 2, x.Text)
		if c, ok := b.Case(x.Entity); ok {
			db.add(d, 1.5, c.Name.ZH)
			db.add(d, 1.5, c.Name.EN)
		} else {
			db.add(d, 1.5, x.Entity)
		}
		for _, k := range x.Keywords.ZH {
			db.add(d, 2.5, k)
		}
		for _, k := range x.Keywords.EN {
			db.add(d, 2.5, k)
		}
		db.add(d, 1, x.Citation.Quote)
	}
	return db.build(bm25B)
}
