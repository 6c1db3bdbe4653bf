package knowledge

// Text is a string in both of the product's languages. Every user-facing
// string in the knowledge base has both; loading fails otherwise.
type Text struct {
	ZH string `yaml:"zh" json:"zh"`
	EN string `yaml:"en" json:"en"`
}

// In returns the text in lang ("zh" or "en"), falling back to Chinese.
func (t Text) In(lang string) string {
	if lang == "en" && t.EN != "" {
		return t.EN
	}
	return t.ZH
}

// Citation points at the article: a paragraph number (see Article) and a
// quote that must appear verbatim in that paragraph.
type Citation struct {
	Paragraph int    `yaml:"paragraph" json:"paragraph"`
	Quote     string `yaml:"quote" json:"quote"`
}

// Mode is one of the seven failure modes; its ID is a fixed contract.
type Mode struct {
	ID         string   `yaml:"id"`
	Heading    Citation `yaml:"heading"` // the article's section heading, verbatim
	Title      Text     `yaml:"title"`
	Summary    Text     `yaml:"summary"`
	Signals    []Claim  `yaml:"signals"` // warning signs a founder can recognise
	Actions    []Claim  `yaml:"actions"` // what to do about it
	Evidence   []Claim  `yaml:"evidence"`
	Cases      []string `yaml:"cases"`      // Case IDs
	Benchmarks []string `yaml:"benchmarks"` // Benchmark IDs
	Keywords   Keywords `yaml:"keywords"`   // retrieval vocabulary, not shown to users
}

// Claim is a statement in both languages backed by at least one citation.
type Claim struct {
	Text      Text       `yaml:"text"`
	Citations []Citation `yaml:"citations"`
	// When and Unless tie an action to the founder's situation, in the
	// assessment profile's terms: an action with When is offered only when
	// a fact the founder gave matches one of them; an action with Unless
	// is left out when a fact shows it does not apply (they already do it).
	When   []Condition `yaml:"when,omitempty"`
	Unless []Condition `yaml:"unless,omitempty"`
}

// Keywords are the words founders use for a mode, in both languages.
type Keywords struct {
	ZH []string `yaml:"zh"`
	EN []string `yaml:"en"`
}

// Benchmark is one figure the article gives.
type Benchmark struct {
	ID       string   `yaml:"id"`
	Modes    []string `yaml:"modes"`
	Label    Text     `yaml:"label"`
	Text     string   `yaml:"text"` // the figure as the article writes it, verbatim in Citation.Quote
	Value    float64  `yaml:"value"`
	Unit     string   `yaml:"unit"`     // e.g. USD, CNY, percent, count, MWh
	Currency string   `yaml:"currency"` // USD or CNY when the figure is money
	Period   string   `yaml:"period"`   // e.g. 2023, 2023-08, per-year
	Entity   string   `yaml:"entity"`   // Case ID or free name
	Citation Citation `yaml:"citation"`
	Keywords Keywords `yaml:"keywords"`
}

// Case is a company, product or person the article discusses.
//
// Its names (Name in both languages and Aliases) are how a founder names
// it: Base.CasesNamed finds them in a question, and retrieval reads them
// too. Claims are what the article says about the case, one cited
// statement each, so a question that names the case is answered from them.
type Case struct {
	ID        string     `yaml:"id"`
	Name      Text       `yaml:"name"`
	Modes     []string   `yaml:"modes"`
	Summary   Text       `yaml:"summary"`
	Citations []Citation `yaml:"citations"`
	Claims    []Claim    `yaml:"claims"`
	Aliases   []string   `yaml:"aliases"`
	// MatchCase lists the aliases that are everyday words as well as
	// names ("Stability", "Meta"): they name the case only when written
	// exactly so, capitals included. Other Latin names match in any case.
	MatchCase []string `yaml:"match_case"`
	// FalseFriends are phrases that contain a name but do not mean the
	// case ("苹果派", "in vivo"): a name inside one is not a mention.
	FalseFriends []string `yaml:"false_friends"`
}
