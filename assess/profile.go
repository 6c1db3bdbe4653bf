package assess

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/premortem/premortem/knowledge"
)

// Profile is what a founder tells the assessment: the PRODUCT.md schema.
// Every field is optional; a nil or empty field is "unknown", which lowers
// the confidence of the modes it informs but never their score.
type Profile struct {
	Scenario                string   `yaml:"scenario,omitempty" json:"scenario,omitempty"`
	Customers               string   `yaml:"customers,omitempty" json:"customers,omitempty"`
	ModelStrategy           string   `yaml:"model_strategy,omitempty" json:"model_strategy,omitempty"`
	ModelScope              string   `yaml:"model_scope,omitempty" json:"model_scope,omitempty"`
	Currency                string   `yaml:"currency,omitempty" json:"currency,omitempty"`
	AnnualCost              *float64 `yaml:"annual_cost,omitempty" json:"annual_cost,omitempty"`
	AnnualRevenue           *float64 `yaml:"annual_revenue,omitempty" json:"annual_revenue,omitempty"`
	RunwayMonths            *float64 `yaml:"runway_months,omitempty" json:"runway_months,omitempty"`
	PayingUsers             *float64 `yaml:"paying_users,omitempty" json:"paying_users,omitempty"`
	MonthlyPrice            *float64 `yaml:"monthly_price,omitempty" json:"monthly_price,omitempty"`
	ParentCompany           *bool    `yaml:"parent_company,omitempty" json:"parent_company,omitempty"`
	GPUAccess               string   `yaml:"gpu_access,omitempty" json:"gpu_access,omitempty"`
	CloudBillsOverdue       *bool    `yaml:"cloud_bills_overdue,omitempty" json:"cloud_bills_overdue,omitempty"`
	OnDeviceSubstitutable   string   `yaml:"on_device_substitutable,omitempty" json:"on_device_substitutable,omitempty"`
	HallucinationTolerance  string   `yaml:"hallucination_tolerance,omitempty" json:"hallucination_tolerance,omitempty"`
	CustomerDigitalMaturity string   `yaml:"customer_digital_maturity,omitempty" json:"customer_digital_maturity,omitempty"`
	MarketingVisibility     string   `yaml:"marketing_visibility,omitempty" json:"marketing_visibility,omitempty"`
	CompetesWithGiants      *bool    `yaml:"competes_with_platform_giants,omitempty" json:"competes_with_platform_giants,omitempty"`
}

// FieldKind is how a profile field is written.
type FieldKind string

const (
	KindChoice FieldKind = "choice"
	KindAmount FieldKind = "amount"
	KindMonths FieldKind = "months"
	KindCount  FieldKind = "count"
	KindBool   FieldKind = "bool"
)

// Field describes one profile field: its YAML name, kind, for choices the
// allowed values in order, and a short name for people.
type Field struct {
	Name    string
	Kind    FieldKind
	Choices []string
	Label   knowledge.Text
}

var lowMedHigh = []string{"low", "medium", "high"}

// Fields lists the profile schema in PRODUCT.md order.
var Fields = []Field{
	{Name: "scenario", Kind: KindChoice, Choices: []string{"text-to-image", "code-assistant", "agent", "vertical-industry", "general-chat", "office", "other"}, Label: txt("场景", "use case")},
	{Name: "customers", Kind: KindChoice, Choices: []string{"consumer", "enterprise", "both"}, Label: txt("客户是谁", "who pays you")},
	{Name: "model_strategy", Kind: KindChoice, Choices: []string{"open-source", "open-core", "closed", "third-party"}, Label: txt("模型策略", "model strategy")},
	{Name: "model_scope", Kind: KindChoice, Choices: []string{"general", "vertical"}, Label: txt("通用还是垂直", "general or vertical")},
	{Name: "currency", Kind: KindChoice, Choices: []string{"USD", "CNY"}, Label: txt("货币", "currency")},
	{Name: "annual_cost", Kind: KindAmount, Label: txt("年成本", "yearly cost")},
	{Name: "annual_revenue", Kind: KindAmount, Label: txt("年收入", "yearly revenue")},
	{Name: "runway_months", Kind: KindMonths, Label: txt("现金能撑多久", "runway")},
	{Name: "paying_users", Kind: KindCount, Label: txt("付费用户数", "paying users")},
	{Name: "monthly_price", Kind: KindAmount, Label: txt("每月价格", "monthly price")},
	{Name: "parent_company", Kind: KindBool, Label: txt("能输血的母公司", "a parent able to carry losses")},
	{Name: "gpu_access", Kind: KindChoice, Choices: []string{"own", "rented", "constrained"}, Label: txt("算力来源", "GPU access")},
	{Name: "cloud_bills_overdue", Kind: KindBool, Label: txt("云账单逾期", "overdue cloud bills")},
	{Name: "on_device_substitutable", Kind: KindChoice, Choices: []string{"yes", "partly", "no"}, Label: txt("端侧模型能否替代", "replaceable on device")},
	{Name: "hallucination_tolerance", Kind: KindChoice, Choices: lowMedHigh, Label: txt("对幻觉的容忍度", "tolerance of hallucinations")},
	{Name: "customer_digital_maturity", Kind: KindChoice, Choices: lowMedHigh, Label: txt("客户数字化程度", "customers' digital maturity")},
	{Name: "marketing_visibility", Kind: KindChoice, Choices: lowMedHigh, Label: txt("市场声量", "market visibility")},
	{Name: "competes_with_platform_giants", Kind: KindBool, Label: txt("与平台巨头竞争", "competing with platform giants")},
}

// FieldLabel is the named field's short name in lang, or the name itself.
func FieldLabel(name, lang string) string {
	if f, ok := FieldByName(name); ok && f.Label.ZH != "" {
		return f.Label.In(lang)
	}
	return name
}

// FieldByName returns the schema of the named field.
func FieldByName(name string) (Field, bool) {
	for _, f := range Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// SetAnswer stores text as the answer for field f. tag is the YAML tag when
// the text comes from a file ("!!str", "!!int", ...), "" from a person.
// Amount, month and count fields accept numbers the way people write them.
func (p *Profile) SetAnswer(f Field, text, tag string) error {
	switch f.Kind {
	case KindChoice:
		if !slices.Contains(f.Choices, text) {
			return fmt.Errorf("%s: %q is not one of %v", f.Name, text, f.Choices)
		}
		if f.Name == "currency" && p.Currency != "" && p.Currency != text {
			return fmt.Errorf("currency: %s conflicts with an amount written in %s", text, p.Currency)
		}
		*p.choice(f.Name) = text
	case KindBool:
		b, ok := parseBool(text, tag)
		if !ok {
			return fmt.Errorf("%s: want true or false, got %q", f.Name, text)
		}
		*p.flag(f.Name) = &b
	case KindAmount:
		if tag == "!!int" || tag == "!!float" {
			text = strings.TrimPrefix(text, "+")
		}
		a, err := ParseAmount(text)
		if err != nil && (tag == "!!int" || tag == "!!float") {
			if v, perr := strconv.ParseFloat(text, 64); perr == nil {
				a, err = Amount{Value: v}, nil
				if v < 0 {
					err = &ParseError{Input: text, Kind: ErrNegative}
				} else if v > MaxAmount || math.IsInf(v, 0) || math.IsNaN(v) {
					err = &ParseError{Input: text, Kind: ErrTooLarge}
				}
			}
		}
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		if a.Currency != "" {
			if p.Currency != "" && p.Currency != a.Currency {
				return fmt.Errorf("%s: %q is in %s but the profile's currency is %s", f.Name, text, a.Currency, p.Currency)
			}
			p.Currency = a.Currency
		}
		*p.number(f.Name) = &a.Value
	case KindMonths:
		m, err := ParseMonths(text)
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		*p.number(f.Name) = &m
	case KindCount:
		n, err := ParseCount(text)
		if err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
		*p.number(f.Name) = &n
	}
	return nil
}

// Validate checks enums and ranges of a profile built in code.
func (p Profile) Validate() error {
	for _, f := range Fields {
		switch f.Kind {
		case KindChoice:
			if v := *p.choice(f.Name); v != "" && !slices.Contains(f.Choices, v) {
				return fmt.Errorf("profile: %s: %q is not one of %v", f.Name, v, f.Choices)
			}
		case KindAmount, KindMonths, KindCount:
			if v := *p.number(f.Name); v != nil {
				max := map[FieldKind]float64{KindAmount: MaxAmount, KindMonths: MaxMonths, KindCount: MaxCount}[f.Kind]
				if math.IsNaN(*v) || *v < 0 || *v > max {
					return fmt.Errorf("profile: %s: %v is out of range 0..%g", f.Name, *v, max)
				}
			}
		}
	}
	return nil
}

// Answered reports whether the named field has a value.
func (p *Profile) Answered(name string) bool {
	f, ok := FieldByName(name)
	if !ok {
		return false
	}
	switch f.Kind {
	case KindChoice:
		return *p.choice(name) != ""
	case KindBool:
		return *p.flag(name) != nil
	}
	return *p.number(name) != nil
}

// Clear forgets the answer to the named field.
func (p *Profile) Clear(name string) {
	f, _ := FieldByName(name)
	switch f.Kind {
	case KindChoice:
		*p.choice(name) = ""
	case KindBool:
		*p.flag(name) = nil
	case KindAmount, KindMonths, KindCount:
		*p.number(name) = nil
	}
}

func (p *Profile) choice(name string) *string {
	switch name {
	case "scenario":
		return &p.Scenario
	case "customers":
		return &p.Customers
	case "model_strategy":
		return &p.ModelStrategy
	case "model_scope":
		return &p.ModelScope
	case "currency":
		return &p.Currency
	case "gpu_access":
		return &p.GPUAccess
	case "on_device_substitutable":
		return &p.OnDeviceSubstitutable
	case "hallucination_tolerance":
		return &p.HallucinationTolerance
	case "customer_digital_maturity":
		return &p.CustomerDigitalMaturity
	case "marketing_visibility":
		return &p.MarketingVisibility
	}
	return new(string)
}

func (p *Profile) number(name string) **float64 {
	switch name {
	case "annual_cost":
		return &p.AnnualCost
	case "annual_revenue":
		return &p.AnnualRevenue
	case "runway_months":
		return &p.RunwayMonths
	case "paying_users":
		return &p.PayingUsers
	case "monthly_price":
		return &p.MonthlyPrice
	}
	return new(*float64)
}

func (p *Profile) flag(name string) **bool {
	switch name {
	case "parent_company":
		return &p.ParentCompany
	case "cloud_bills_overdue":
		return &p.CloudBillsOverdue
	case "competes_with_platform_giants":
		return &p.CompetesWithGiants
	}
	return new(*bool)
}
