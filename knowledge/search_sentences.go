package knowledge

import (
	"cmp"
	"slices"
	"strings"
)

// The sentence index: every sentence of the article that belongs to a
// failure mode, and every sentence of every mode's title, summary, claims
// (signals, evidence, actions) and stance (dilemma, answer, what to do
// first) in both languages, analysed by the
// same analyzer as everything else (search_text.go). It ranks a mode by the
// few sentences that match a question best rather than by one long
// document, and it lets a question in the article's own words past the
// on-topic gate when the lexicon lacks those words (see search_gate.go).
//
// An article sentence belongs to the section it sits in (from a mode's
// heading to the next mode's heading; the last section ends at the last
// paragraph its mode cites) and to every mode whose claims or stance quote it, so
// the introduction's Stability AI story counts for the modes that cite it
// and the closing lines and page furniture count for none and are left out.

// sentence is one indexed sentence.
type sentence struct {
	text  string   // as written
	modes []int32  // mode indexes, never empty
	cite  Citation // an article sentence, verbatim in its paragraph; for a claim, the claim's first citation
	field string   // "article", "title", "summary", "signal", "evidence", "action" or "stance"
	claim *Claim   // the claim it comes from, nil otherwise
}

// sentIndex is the compiled sentence index.
type sentIndex struct {
	sents []sentence
	docs  docIndex
}

// Sentence-index BM25: sentences are short, so length matters more than
// for mode documents.
const sentBM25B = 0.75

func buildSentences(b *Base, v *vocab) sentIndex {
	var sx sentIndex
	add := func(text string, modes []int32, cite Citation, field string, cl *Claim) {
		if strings.TrimSpace(text) != "" && len(modes) > 0 {
			sx.sents = append(sx.sents, sentence{text: text, modes: modes, cite: cite, field: field, claim: cl})
		}
	}
	for i, m := range b.Modes {
		mi := []int32{int32(i)}
		for _, t := range []struct {
			field string
			text  Text
		}{{"title", m.Title}, {"summary", m.Summary}} {
			for _, text := range []string{t.text.ZH, t.text.EN} {
				for _, sp := range splitSentences(text) {
					add(text[sp[0]:sp[1]], mi, m.Heading, t.field, nil)
				}
			}
		}
		for _, group := range []struct {
			field  string
			claims []Claim
		}{{"signal", m.Signals}, {"evidence", m.Evidence}, {"action", m.Actions}} {
			for j := range group.claims {
				cl := &group.claims[j]
				var c Citation
				if len(cl.Citations) > 0 {
					c = cl.Citations[0]
				}
				for _, text := range []string{cl.Text.ZH, cl.Text.EN} {
					for _, sp := range splitSentences(text) {
						add(text[sp[0]:sp[1]], mi, c, group.field, cl)
					}
				}
			}
		}
	}
	modeIdx := make(map[string]int32, len(b.Modes))
	for i, m := range b.Modes {
		modeIdx[m.ID] = int32(i)
	}
	for _, st := range b.Stances {
		mi, ok := modeIdx[st.Mode]
		if !ok {
			continue
		}
		var c Citation
		if len(st.Citations) > 0 {
			c = st.Citations[0]
		}
		for _, t := range []Text{st.Dilemma, st.Answer, st.First} {
			for _, text := range []string{t.ZH, t.EN} {
				for _, sp := range splitSentences(text) {
					add(text[sp[0]:sp[1]], []int32{mi}, c, "stance", nil)
				}
			}
		}
	}
	if b.Article != nil {
		for p, modes := range articleModes(b, modeIdx) {
			if modes == nil {
				continue
			}
			text := b.Article.Paragraphs[p]
			for _, sp := range splitSentences(text) {
				ms := slices.Clone(modes.section)
				for _, q := range modes.quotes {
					if q.from < sp[1] && sp[0] < q.to && !slices.Contains(ms, q.mode) {
						ms = append(ms, q.mode)
					}
				}
				add(text[sp[0]:sp[1]], ms, Citation{Paragraph: p + 1, Quote: text[sp[0]:sp[1]]}, "article", nil)
			}
		}
	}
	db := newDocBuilder(v, len(sx.sents))
	for d, s := range sx.sents {
		db.add(d, 1, s.text)
	}
	sx.docs = db.build(sentBM25B)
	return sx
}

// paraModes says which modes a paragraph's sentences belong to.
type paraModes struct {
	section []int32 // the section's mode, if the paragraph is in one
	quotes  []quoteSpan
}

// quoteSpan is a mode claim's quote, as a byte span of its paragraph.
type quoteSpan struct {
	from, to int
	mode     int32
}

// articleModes returns the modes of each paragraph (indexed from 0), nil
// for a paragraph in no section and quoted by no claim or stance.
func articleModes(b *Base, modeIdx map[string]int32) []*paraModes {
	n := len(b.Article.Paragraphs)
	out := make([]*paraModes, n)
	get := func(p int) *paraModes {
		if out[p] == nil {
			out[p] = &paraModes{}
		}
		return out[p]
	}
	quoted := make([][]Citation, len(b.Modes)) // per mode, what its claims and stance quote
	for i, m := range b.Modes {
		for _, cs := range [][]Claim{m.Signals, m.Evidence, m.Actions} {
			for _, cl := range cs {
				quoted[i] = append(quoted[i], cl.Citations...)
			}
		}
	}
	for _, st := range b.Stances {
		if mi, ok := modeIdx[st.Mode]; ok {
			quoted[mi] = append(quoted[mi], st.Citations...)
		}
	}
	type head struct {
		para, last int // 0-based heading paragraph, last paragraph quoted
		mode       int32
	}
	var heads []head
	for i, m := range b.Modes {
		h := head{para: m.Heading.Paragraph - 1, last: m.Heading.Paragraph - 1, mode: int32(i)}
		for _, c := range quoted[i] {
			p := c.Paragraph - 1
			h.last = max(h.last, p)
			if p < 0 || p >= n || c.Quote == "" {
				continue
			}
			if at := strings.Index(b.Article.Paragraphs[p], c.Quote); at >= 0 {
				pm := get(p)
				pm.quotes = append(pm.quotes, quoteSpan{from: at, to: at + len(c.Quote), mode: int32(i)})
			}
		}
		if h.para >= 0 && h.para < n {
			heads = append(heads, h)
		}
	}
	slices.SortStableFunc(heads, func(a, b head) int { return cmp.Compare(a.para, b.para) })
	for k, h := range heads {
		end := min(h.last, n-1)
		if k+1 < len(heads) {
			end = heads[k+1].para - 1
		}
		for p := h.para; p <= end; p++ {
			pm := get(p)
			if !slices.Contains(pm.section, h.mode) {
				pm.section = append(pm.section, h.mode)
			}
		}
	}
	return out
}
