package situation

import (
	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/knowledge"
)

// Fact fields that are not assessment profile fields. Profile fields keep
// their profile names (annual_cost, runway_months, scenario...).
const (
	FieldAnnualCost    = "annual_cost"
	FieldAnnualRevenue = "annual_revenue"
	FieldRunway        = "runway_months"
	FieldPayingUsers   = "paying_users"
	FieldMonthlyPrice  = "monthly_price"
	FieldCash          = "cash"           // money in the bank now
	FieldRaised        = "raised"         // money raised in a round; true when said without a figure ("lots of funding")
	FieldSpent         = "spent"          // money spent so far, in total
	FieldAnnualLoss    = "annual_loss"    // yearly loss; true or false when said in words ("亏损严重", "profitable")
	FieldCustomerPrice = "customer_price" // a price per customer or contract, as a business pays it ("1.2M RMB per year per customer")
	FieldGPUs          = "gpus"           // GPUs the company has; Unit names the card when given
	FieldUsers         = "users"          // users, paying or not
	FieldOpenWeights   = "open_weights"   // true: the model's weights are open ("我们开源了权重"), which says nothing of a paid version
)

const (
	periodMonth = "month"
	periodYear  = "year"
	periodTotal = "total"
)

// Situation is what one question (with the founder's earlier messages)
// says about the founder's company, in the assessment profile's terms.
type Situation struct {
	// Profile holds the facts that are profile fields, amounts in
	// Profile.Currency and the profile's periods, runway and revenue
	// derived where the founder's numbers allow (cash / monthly burn;
	// price x paying users; price per customer x customers).
	Profile     assess.Profile `json:"profile"`
	Facts       []Fact         `json:"facts"`       // in the order the founder wrote them; the question's first
	Comparisons []Comparison   `json:"comparisons"` // computed from the facts against the article's benchmarks
	Why         []ModeWhy      `json:"why"`         // the assessment rules that fire on Profile, by mode, highest score first
	Intent      Intent         `json:"intent"`
	Cases       []string       `json:"cases"`  // case IDs the question names, in order
	Unread      []Note         `json:"unread"` // what the question holds that could not be read
}

// Fact is one thing the founder said, as they said it. Value is a float64
// (an amount in Unit's currency and in the period the founder wrote it:
// "Burn is $2M a month" is annual_cost 2000000 "USD/month"; counts;
// months), a string (a profile choice) or a bool (a flag, or a figure said
// in words: "没人买单" is paying_users false, none yet, which no comparison
// counts with; the profile holds it as 0). Profile holds amounts in
// the profile's own periods (annual_cost per year). Text is the founder's
// own words it was read from.
type Fact struct {
	Field   string `json:"field"`
	Value   any    `json:"value"`
	Unit    string `json:"unit"` // "USD/year", "CNY/month", "CNY", "year" (zero, no currency), "months", "users", "customers", "A800"; "" for choices and flags
	Text    string `json:"text"`
	Earlier bool   `json:"earlier,omitempty"` // read from an earlier message, not the question
}

// Comparison is a figure computed from the founder's numbers set beside an
// article benchmark. Text says that it is computed and from what.
type Comparison struct {
	Kind      string         `json:"kind"`      // one of the Compare* kinds
	Benchmark string         `json:"benchmark"` // the knowledge-base benchmark ID compared with
	Theirs    float64        `json:"theirs"`    // the founder's figure, in Unit
	Article   float64        `json:"article"`   // the article's figure, in Unit
	Unit      string         `json:"unit"`      // "x", "months", "users", "CNY/year"
	Text      knowledge.Text `json:"text"`
	Figures   []string       `json:"figures"` // the figures Text contains, as written, both languages
}

// Comparison kinds.
const (
	CompareCostRevenue  = "cost-revenue"          // cost/revenue multiple vs Stability AI's
	CompareIndustry     = "industry-cost-revenue" // the same multiple vs the industry's (Sequoia)
	CompareRunway       = "runway"                // months of runway vs the usual loss-making years
	ComparePayingUsers  = "paying-users"          // paying users vs "10万级"
	ComparePriceRevenue = "price-revenue"         // price x paying users as yearly revenue vs "几千万的营收"
	CompareContract     = "contract-revenue"      // price per customer x customers as yearly revenue vs B端 "几千万营收"
)

// ModeWhy is what the assessment's rules conclude about one failure mode
// from the founder's facts alone: true of this founder because derived
// from what they said.
type ModeWhy struct {
	Mode        string    `json:"mode"`
	Score       int       `json:"score"`       // the mode's score from these findings, 0-100
	Risks       []Finding `json:"risks"`       // findings that add points, strongest first
	Mitigations []Finding `json:"mitigations"` // findings that add no points or remove some
}

// Finding is one rule that fired, with the knowledge it rests on.
type Finding struct {
	Rule       string               `json:"rule"`
	Points     int                  `json:"points"`
	Text       knowledge.Text       `json:"text"`
	Citations  []knowledge.Citation `json:"citations"`
	Benchmarks []string             `json:"benchmarks"` // benchmark IDs
}

// Intent is what the question asks for.
type Intent struct {
	Kind    string `json:"kind"`              // one of the Intent* kinds
	Dilemma string `json:"dilemma,omitempty"` // for a decision: the failure mode whose dilemma it weighs
	Cue     string `json:"cue,omitempty"`     // the words that decided Kind, as written
}

// Intent kinds.
const (
	IntentThreat   = "threat"   // the biggest risk, what could kill us
	IntentDecision = "decision" // a choice between options
	IntentFigure   = "figure"   // a number: how much, how many, how long
	IntentHowTo    = "how-to"   // what to do next
	IntentOther    = "other"
)

// Note is something in the question that could not be read.
type Note struct {
	Kind  string         `json:"kind"`  // one of the Note* kinds
	Input string         `json:"input"` // the founder's words concerned
	Text  knowledge.Text `json:"text"`
}

// Note kinds.
const (
	NoteUnit      = "unit"      // a number whose unit or meaning is unclear
	NoteInvalid   = "invalid"   // a negative or implausibly large amount
	NoteConflict  = "conflict"  // two different values for one fact, or numbers against words; says which is kept
	NoteCurrency  = "currency"  // amounts in two currencies, converted
	NoteTruncated = "truncated" // the message was too long to read whole
	NoteMore      = "more"      // more numbers could not be read than are listed
)

// Fact returns the fact for field.
func (s Situation) Fact(field string) (Fact, bool) {
	for _, f := range s.Facts {
		if f.Field == field {
			return f, true
		}
	}
	return Fact{}, false
}

// Mode returns the rules' findings for a failure mode.
func (s Situation) Mode(id string) (ModeWhy, bool) {
	for _, m := range s.Why {
		if m.Mode == id {
			return m, true
		}
	}
	return ModeWhy{}, false
}

// Empty reports whether the question stated nothing about the company.
func (s Situation) Empty() bool { return len(s.Facts) == 0 }

// Computed returns every figure computed from the founder's numbers that a
// comparison or a finding shows, in both languages and as written
// ("24 倍", "$24M", "6 个月"), so that a figure check can accept them.
func (s Situation) Computed() []string {
	var out []string
	seen := map[string]bool{}
	add := func(fs []string) {
		for _, f := range fs {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	for _, c := range s.Comparisons {
		add(c.Figures)
	}
	for _, m := range s.Why {
		for _, fs := range [][]Finding{m.Risks, m.Mitigations} {
			for _, f := range fs {
				add(figuresIn(f.Text.ZH))
				add(figuresIn(f.Text.EN))
			}
		}
	}
	return out
}

// View is the situation as `premortem ask --json` carries it, in one
// language.
type View struct {
	Facts       []Fact           `json:"facts"`
	Comparisons []ComparisonView `json:"comparisons"`
}

// ComparisonView is one comparison in one language.
type ComparisonView struct {
	Benchmark string  `json:"benchmark"`
	Theirs    float64 `json:"theirs"`
	Article   float64 `json:"article"`
	Text      string  `json:"text"`
}

// View renders s in lang ("zh" or "en"); lists are empty, never null.
func (s Situation) View(lang string) View {
	v := View{Facts: []Fact{}, Comparisons: []ComparisonView{}}
	v.Facts = append(v.Facts, s.Facts...)
	for _, c := range s.Comparisons {
		v.Comparisons = append(v.Comparisons, ComparisonView{Benchmark: c.Benchmark, Theirs: c.Theirs, Article: c.Article, Text: c.Text.In(lang)})
	}
	return v
}
