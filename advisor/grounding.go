package advisor

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/situation"
)

// Grounding is everything retrieval found, shaped for writing an answer:
// the risks to show (with their citations), the figures, and for each risk
// the knowledge entries a writer may use. It is plain data: the builtin
// composer and the model prompts both read it, and neither may cite
// anything outside it.
type Grounding struct {
	Question   string
	Lang       string
	Found      knowledge.Result
	Risks      []Risk         // shown risks, most relevant first; empty when off-topic
	Benchmarks []BenchmarkRef // figures shown with the answer
	Modes      []GroundedMode // parallel to Risks

	// What the founder said, read once (facts, computed comparisons, the
	// assessment rules that fire, what the question asks for), and what
	// the direct answer rests on. See advice.go.
	Situation  *situation.Situation
	Direct     Direct
	DirectText string // Direct as text, without its label
	FollowUp   bool   // the question follows on from risks already discussed
	Said       string // what premortem already said in the conversation: quotes there are not repeated
}

// OffTopic reports whether there is nothing to cite.
func (g Grounding) OffTopic() bool { return len(g.Risks) == 0 }

// GroundedMode is one shown risk's material, most relevant first.
type GroundedMode struct {
	Mode       *knowledge.Mode
	Terms      []string               // the question's words that matched
	Signals    []knowledge.Claim      // the warning signs that fit best
	Evidence   []knowledge.Claim      // the article's evidence that fits best
	Actions    []knowledge.Claim      // what to do, chosen by the founder's situation
	Benchmarks []*knowledge.Benchmark // its figures, asked-about ones first

	Reasons     []situation.Finding // why it applies: rules that fire on what the founder said
	Mitigations []situation.Finding // what the founder said that works in their favour
	Check       *knowledge.Claim    // with no reason: a warning sign offered to check, never asserted
	Stated      []string            // the founder's words the Check itself says: then it is theirs
	// Computed are the comparisons, computed from the founder's numbers,
	// that make a reason concrete; they stand in for the reasons they
	// share a benchmark with.
	Computed []situation.Comparison
	covered  []bool // parallel to Reasons: said by Computed
}

// Which risks to show: the best, and any close enough to it.
const (
	maxRisks        = 3
	riskFraction    = 0.45 // of the best score
	minRiskScore    = 0.1
	maxEvidence     = 2
	maxSignals      = 2
	maxFiguresRisk  = 1
	maxBenchmarkRef = 5
)

func (a *Advisor) ground(found knowledge.Result, lang string, sit *situation.Situation) Grounding {
	g := Grounding{Lang: lang, Found: found, Risks: []Risk{}, Benchmarks: []BenchmarkRef{}, Situation: sit}
	if a.kb == nil || len(found.Modes) == 0 {
		return g
	}
	top := found.Modes[0].Score
	keys := queryKeys(found.Query)
	var qc []string
	cl, _ := a.search.(conceptLister)
	if cl != nil {
		qc = cl.ConceptsIn(knowledge.Text{ZH: found.Query})
	}
	pick := func(cs []knowledge.Claim, terms []string, figures []*knowledge.Benchmark, n int, fitOnly bool) []knowledge.Claim {
		return bestClaims(cs, claimHints{terms: terms, keys: keys, concepts: qc, lister: cl, fitOnly: fitOnly, lower: a.lower}, figures, n)
	}
	shownBench := map[string]bool{}
	for _, h := range found.Modes {
		if len(g.Risks) == maxRisks || h.Score < minRiskScore || h.Score < riskFraction*top {
			break
		}
		m, ok := a.kb.Mode(h.ID)
		if !ok {
			continue
		}
		gm := GroundedMode{Mode: m, Terms: h.Terms}
		a.advise(&gm, sit, pick) // reasons, signals that apply, actions
		gm.Benchmarks = a.modeFigures(m, found, shownBench)
		// Evidence must speak to the question: claims sharing its words,
		// concepts or shown figures; when none does, the mode's first (most
		// telling) evidence alone, never an unrelated second one.
		gm.Evidence = pick(m.Evidence, h.Terms, gm.Benchmarks, maxEvidence, true)
		// The evidence first: a front end showing one quote shows the
		// article's evidence, not the section's heading.
		var cites []knowledge.Citation
		for _, e := range gm.Evidence {
			cites = append(cites, e.Citations...)
		}
		for _, r := range gm.Reasons {
			cites = append(cites, r.Citations...)
		}
		cites = append(cites, m.Heading)
		risk := Risk{
			ID:        m.ID,
			Title:     m.Title.In(lang),
			Score:     round3(h.Score),
			Why:       why(lang, h.Terms, &gm),
			Citations: dedupeCitations(cites),
		}
		for _, act := range gm.Actions {
			risk.Actions = append(risk.Actions, trimStop(act.Text.In(lang))+wordsFor(lang).stop)
		}
		if len(gm.Benchmarks) > 0 {
			ref := benchmarkRef(gm.Benchmarks[0], lang)
			risk.Figure = &ref
		}
		g.Risks = append(g.Risks, risk)
		g.Modes = append(g.Modes, gm)
		for _, x := range gm.Benchmarks {
			if !shownBench[x.ID] && len(g.Benchmarks) < maxBenchmarkRef {
				shownBench[x.ID] = true
				g.Benchmarks = append(g.Benchmarks, benchmarkRef(x, lang))
			}
		}
	}
	// Figures the question asked about stay, even when their mode is not shown.
	for _, h := range found.Benchmarks {
		if x, ok := a.kb.Benchmark(h.ID); ok && !shownBench[h.ID] && len(g.Benchmarks) < maxBenchmarkRef && len(g.Risks) > 0 && x.Unit != "date" {
			shownBench[h.ID] = true
			g.Benchmarks = append(g.Benchmarks, benchmarkRef(x, lang))
		}
	}
	return g
}

// modeFigures returns the figures to show for m: those the question
// matched first, then the mode's own first figure; one an earlier risk
// already shows only when nothing else fits.
func (a *Advisor) modeFigures(m *knowledge.Mode, found knowledge.Result, shown map[string]bool) []*knowledge.Benchmark {
	var out, repeat []*knowledge.Benchmark
	for _, h := range found.Benchmarks {
		if x, ok := a.kb.Benchmark(h.ID); ok && slices.Contains(x.Modes, m.ID) {
			if shown[x.ID] || x.Unit == "date" {
				repeat = append(repeat, x) // dates say little about a founder's risk
			} else if len(out) < maxFiguresRisk {
				out = append(out, x)
			}
		}
	}
	if len(out) == 0 {
		for _, id := range m.Benchmarks {
			if x, ok := a.kb.Benchmark(id); ok && !shown[id] {
				out = append(out, x)
				break
			}
		}
	}
	if len(out) == 0 && len(repeat) > 0 {
		out = repeat[:1]
	}
	return out
}

func benchmarkRef(x *knowledge.Benchmark, lang string) BenchmarkRef {
	return BenchmarkRef{ID: x.ID, Label: x.Label.In(lang), Text: x.Text, Value: x.Value, Unit: x.Unit, Citation: x.Citation}
}

// conceptLister is the optional ability of a Retriever to say which
// concepts a text names (knowledge.Index has it).
type conceptLister interface {
	ConceptsIn(t knowledge.Text) []string
}

// claimHints is what ties a claim to the question.
type claimHints struct {
	terms    []string // the question's words that matched the mode
	keys     []string // the question's bigrams and longer words
	concepts []string // the concepts the question names
	lister   conceptLister
	fitOnly  bool // after the first claim, only claims that share something with the question
	lower    lowered
}

// lowered holds every knowledge claim's text in lower case, both
// languages, made once: matching claims to a question reads it per request.
type lowered map[knowledge.Text]string

func newLowered(kb *knowledge.Base) lowered {
	l := lowered{}
	add := func(cs []knowledge.Claim) {
		for _, c := range cs {
			l[c.Text] = strings.ToLower(c.Text.ZH + "\n" + c.Text.EN)
		}
	}
	for _, m := range kb.Modes {
		add(m.Signals)
		add(m.Evidence)
		add(m.Actions)
	}
	for _, c := range kb.Cases {
		add(c.Claims)
	}
	return l
}

// of returns t in lower case.
func (l lowered) of(t knowledge.Text) string {
	if s, ok := l[t]; ok {
		return s
	}
	return strings.ToLower(t.ZH + "\n" + t.EN)
}

// bestClaims picks up to n claims: those containing the words that
// matched the mode count most, then those naming the question's concepts or
// citing the paragraph of a figure being shown, then those sharing other
// words with the question; ties keep the knowledge base's order, which puts
// the most telling claim first. With h.fitOnly, claims after the first must
// score above zero.
func bestClaims(cs []knowledge.Claim, h claimHints, figures []*knowledge.Benchmark, n int) []knowledge.Claim {
	if len(cs) <= n && !h.fitOnly {
		return cs
	}
	n = min(n, len(cs))
	score := make([]int, len(cs))
	for i, c := range cs {
		text := h.lower.of(c.Text)
		for _, t := range h.terms {
			if strings.Contains(text, strings.ToLower(t)) {
				score[i] += 4
			}
		}
		for _, k := range h.keys {
			if strings.Contains(text, k) {
				score[i]++
			}
		}
		if h.lister != nil && len(h.concepts) > 0 {
			for _, id := range h.lister.ConceptsIn(c.Text) {
				if slices.Contains(h.concepts, id) {
					score[i] += 3
				}
			}
		}
		for _, ct := range c.Citations {
			for _, f := range figures {
				if f.Citation.Paragraph == ct.Paragraph {
					score[i] += 3
				}
			}
		}
	}
	out := make([]knowledge.Claim, 0, n)
	used := make([]bool, len(cs))
	for len(out) < n {
		best := -1
		for i := range cs {
			if !used[i] && (best < 0 || score[i] > score[best]) {
				best = i
			}
		}
		if h.fitOnly && len(out) > 0 && score[best] == 0 {
			break
		}
		used[best] = true
		out = append(out, cs[best])
	}
	return out
}

// queryKeys returns the question's pairs of adjacent Han characters and its
// lower-cased English words of four letters or more: cheap evidence that a
// claim speaks to the question.
func queryKeys(q string) []string {
	var keys []string
	var prev rune
	var prevAt int
	word := -1
	q = strings.ToLower(q)
	for i, r := range q {
		han := unicode.Is(unicode.Han, r)
		if han && prev != 0 {
			keys = append(keys, q[prevAt:i+utf8.RuneLen(r)])
		}
		prev, prevAt = 0, 0
		if han {
			prev, prevAt = r, i
		}
		isLetter := r < utf8.RuneSelf && unicode.IsLetter(r)
		switch {
		case isLetter && word < 0:
			word = i
		case !isLetter && word >= 0:
			if i-word >= 4 {
				keys = append(keys, q[word:i])
			}
			word = -1
		}
	}
	if word >= 0 && len(q)-word >= 4 {
		keys = append(keys, q[word:])
	}
	return keys
}

func dedupeCitations(cs []knowledge.Citation) []knowledge.Citation {
	out := cs[:0:0]
	for _, c := range cs {
		dup := false
		for _, o := range out {
			dup = dup || o == c
		}
		if !dup && c.Quote != "" {
			out = append(out, c)
		}
	}
	return out
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
