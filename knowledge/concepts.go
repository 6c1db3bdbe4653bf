package knowledge

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The concept layer bridges how founders talk and how the article talks:
// "we give our weights away", "to B", "烧钱", "H100" each name a concept,
// and a concept points at the failure modes and benchmarks it bears on,
// with weights. Surface forms are matched as exact sequences of Han
// characters and stemmed words, in either language or mixed ("B端", "AI PC").

//go:embed data/concepts.yaml
var conceptsYAML []byte

// Concept kinds. Only domain concepts make a question on-topic by
// themselves; "ai" and "business" words (AI, 模型; company, 风险) are too
// generic alone and count only together ("what is the biggest risk for my
// AI startup?" is on-topic, "what is the biggest risk for my bakery?" is not).
const (
	kindDomain   = "domain"
	kindAI       = "ai"
	kindBusiness = "business"
	kindTrade    = "trade"    // customer, product, 用户: on-topic only beside an AI word
	kindOut      = "out"      // out of scope (LoRA, 简历, office lease): vetoes unless a risk concept is named too
	kindAsk      = "ask"      // the form of an out-of-scope ask ("how do I", "设多少", "who invented"): vetoes unless a business topic is named too
	kindTag      = "tag"      // a class of names (vendors) that only an out concept's beside rule counts
	kindEveryday = "everyday" // everyday words and idioms (need, month, 行业里): a weak form they cover ranks nothing
)

// What lifts an out concept's veto (ConceptDef.Lift).
const (
	liftRisk  = "risk"  // a risk concept's strong form (the default)
	liftTopic = "topic" // a business topic, as for ask forms: also money words, commerce words, money figures
	liftNever = "never" // nothing: weather stays weather beside "investors"
)

var lifts = []string{liftRisk, liftTopic, liftNever}

var conceptKinds = []string{kindDomain, kindAI, kindBusiness, kindTrade, kindOut, kindAsk, kindTag, kindEveryday}

// ConceptDef is one entry of concepts.yaml.
type ConceptDef struct {
	ID         string             `yaml:"id"`
	Kind       string             `yaml:"kind"`  // domain (default) | ai | business | trade | out | ask | tag | everyday
	Risk       bool               `yaml:"risk"`  // a business-risk concept: its strong forms lift an out-of-scope veto, its business words pair with AI words
	Party      bool               `yaml:"party"` // a risk concept that names who (investors), not a state: on-topic and ranking as any, but it lifts no veto ("the subject line of our investor update")
	Money      bool               `yaml:"money"` // a money concept (revenue, cost, cash): even its weak forms name a business topic (for ask forms and lift: topic)
	ZH         []string           `yaml:"zh"`
	EN         []string           `yaml:"en"`
	Modes      map[string]float64 `yaml:"modes"`      // mode ID -> weight
	Benchmarks map[string]float64 `yaml:"benchmarks"` // benchmark ID -> weight
	Cases      []string           `yaml:"cases"`      // boosts the benchmarks about these cases
	Beside     map[string]int     `yaml:"beside"`     // out only: tag concept ID -> how many of its names the veto needs beside
	Lift       string             `yaml:"lift"`       // out only: what lifts the veto: risk (default: a risk concept's strong form), topic (a business topic, as for ask forms), never
	Asker      bool               `yaml:"asker"`      // out only: it says who asks ("for myself"), so it counts in any sentence, never as context or a product's description
}

// Concepts returns the embedded concept lexicon, strictly decoded.
func Concepts() ([]ConceptDef, error) { return parseConcepts(conceptsYAML) }

func parseConcepts(data []byte) ([]ConceptDef, error) {
	var defs []ConceptDef
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&defs); err != nil {
		return nil, fmt.Errorf("knowledge/data/concepts.yaml: %w", err)
	}
	seen := map[string]bool{}
	for _, d := range defs {
		switch {
		case d.ID == "":
			return nil, fmt.Errorf("knowledge/data/concepts.yaml: a concept has no id")
		case seen[d.ID]:
			return nil, fmt.Errorf("knowledge/data/concepts.yaml: concept %q: duplicate id", d.ID)
		case d.Kind != "" && !slices.Contains(conceptKinds, d.Kind):
			return nil, fmt.Errorf("knowledge/data/concepts.yaml: concept %q: unknown kind %q", d.ID, d.Kind)
		case len(d.Beside) > 0 && d.Kind != kindOut:
			return nil, fmt.Errorf("knowledge/data/concepts.yaml: concept %q: beside is for kind out only", d.ID)
		case (d.Lift != "" || d.Asker) && d.Kind != kindOut:
			return nil, fmt.Errorf("knowledge/data/concepts.yaml: concept %q: lift and asker are for kind out only", d.ID)
		case d.Lift != "" && !slices.Contains(lifts, d.Lift):
			return nil, fmt.Errorf("knowledge/data/concepts.yaml: concept %q: lift %q: want one of %v", d.ID, d.Lift, lifts)
		}
		seen[d.ID] = true
	}
	kinds := map[string]string{}
	for _, d := range defs {
		kinds[d.ID] = d.Kind
	}
	for _, d := range defs {
		for id, n := range d.Beside {
			if kinds[id] != kindTag || n < 1 {
				return nil, fmt.Errorf("knowledge/data/concepts.yaml: concept %q: beside %q: want a tag concept and a count of at least 1", d.ID, id)
			}
		}
	}
	return defs, checkScopeForms(defs, kinds)
}

// checkScopeForms: a form that rules a question out (kind out or ask) has
// one home: the same form in another concept would both name a topic and
// veto it ("step by step" is hand-holding, not a how-to). kinds maps
// concept IDs to kinds.
func checkScopeForms(defs []ConceptDef, kinds map[string]string) error {
	home := map[string]string{}
	scope := func(id string) bool { return kinds[id] == kindOut || kinds[id] == kindAsk }
	for _, d := range defs {
		if d.Kind == kindTag || d.Kind == kindEveryday {
			continue
		}
		for _, f := range slices.Concat(d.ZH, d.EN) {
			f, _ = formKey(f)
			if other, ok := home[f]; ok && other != d.ID && (scope(d.ID) || scope(other)) {
				return fmt.Errorf("knowledge/data/concepts.yaml: form %q is in both %q and %q: a form that rules a question out has one home", f, other, d.ID)
			}
			home[f] = d.ID
		}
	}
	return nil
}

// formKey is a surface form as the lexicon keys it: lower-cased and
// trimmed, without the "~" that marks it weak.
func formKey(form string) (key string, weak bool) {
	key = strings.ToLower(strings.TrimSpace(form))
	weak = strings.HasPrefix(key, "~")
	return strings.TrimSpace(strings.TrimPrefix(key, "~")), weak
}

// concept is a compiled ConceptDef.
type concept struct {
	id      string
	kind    string
	risk    bool
	party   bool
	money   bool
	modes   []target
	benches []target
	beside  []besideRule // out concepts: what the veto needs beside their words
	lift    string       // out concepts: what lifts the veto (liftRisk, liftTopic, liftNever)
	asker   bool         // out concepts: about who asks, kept wherever it stands
}

// besideRule: an out concept's words veto only beside n names of the tag
// concept ("cheaper" beside two vendors).
type besideRule struct {
	tag, n int32
}

type target struct {
	idx int32
	w   float32
}

// surface is one compiled surface form: the unit keys to match in order.
type surface struct {
	keys    []uint64
	concept int32
	weak    bool // an everyday word ("phone", "成本"): on-topic only beside an AI or business word
	loose   bool // two content words or more: other words may sit between them (matchLoose)
}

// lexicon is the compiled concept layer.
type lexicon struct {
	concepts []concept
	surfaces []surface
	first    map[uint64][]int32 // first unit key -> surfaces
	byID     map[string]int32
	seen     map[string]bool // "form\x00concept" already added
}

// addSurface compiles form for concept c. Forms that analyse to nothing
// or to stop words alone are skipped.
// A form written "~phone" is weak: it names the concept, but is too
// everyday to make a question on-topic alone ("apple pie").
func (lx *lexicon) addSurface(v *vocab, form string, c int32) {
	norm, weak := formKey(form)
	if norm == "" || lx.seen[norm+"\x00"+lx.concepts[c].id] {
		return
	}
	lx.seen[norm+"\x00"+lx.concepts[c].id] = true
	us, _ := analyze(nil, nil, norm, v, true)
	if len(us) == 0 {
		return
	}
	// One stop word alone ("to") names nothing; in a phrase ("to B") it
	// does. One Han character alone ("钱") matches inside too many words.
	content := len(us) > 1 || !us[0].stop && !us[0].han
	keys := make([]uint64, len(us))
	for i, u := range us {
		keys[i] = u.key
	}
	if !content {
		return
	}
	// Forms that stem alike ("agent", "agentic") are one surface; if any
	// of them is weak, it is weak.
	for _, si := range lx.first[keys[0]] {
		if sf := &lx.surfaces[si]; sf.concept == c && slices.Equal(sf.keys, keys) {
			sf.weak = sf.weak || weak
			return
		}
	}
	n := 0
	for _, u := range us {
		if !u.stop && !u.han {
			n++
		}
	}
	lx.surfaces = append(lx.surfaces, surface{keys: keys, concept: c, weak: weak, loose: n >= 2})
	lx.first[keys[0]] = append(lx.first[keys[0]], int32(len(lx.surfaces)-1))
}

func (lx *lexicon) newConcept(id, kind string) int32 {
	if kind == "" {
		kind = kindDomain
	}
	lx.concepts = append(lx.concepts, concept{id: id, kind: kind})
	i := int32(len(lx.concepts) - 1)
	lx.byID[id] = i
	return i
}
