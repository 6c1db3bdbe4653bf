package assess

import (
	"strings"
	"testing"
)

func TestParseProfile(t *testing.T) {
	yml := `
scenario: text-to-image
customers: consumer
model_strategy: open-source
currency: USD
annual_cost: 153000000
annual_revenue: 1100万
runway_months: 一年半
parent_company: false
cloud_bills_overdue: true
paying_users: null
`
	p, err := ParseProfile([]byte(yml))
	if err != nil {
		t.Fatal(err)
	}
	if *p.AnnualCost != 153e6 || *p.AnnualRevenue != 11e6 || *p.RunwayMonths != 18 || *p.ParentCompany || !*p.CloudBillsOverdue || p.PayingUsers != nil {
		t.Errorf("parsed %+v", p)
	}
	js := `{"scenario":"code-assistant","annual_cost":2e7,"parent_company":true}`
	p, err = ParseProfile([]byte(js))
	if err != nil || *p.AnnualCost != 2e7 || !*p.ParentCompany {
		t.Errorf("json: %+v, %v", p, err)
	}
}

func TestParseProfileErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"unknown field", "scenario: agent\nfoo: 1\n", `unknown field "foo"`},
		{"enum", "customers: aliens\n", "customers"},
		{"wrong type amount", "annual_cost: lots\n", "annual_cost"},
		{"wrong type bool", "parent_company: maybe\n", "parent_company"},
		{"quoted bool", "parent_company: \"3\"\n", "parent_company"},
		{"negative", "annual_revenue: -5\n", "annual_revenue"},
		{"absurd", "annual_cost: 1e20\n", "annual_cost"},
		{"list", "scenario: [a, b]\n", "scenario"},
		{"not a mapping", "- a\n", "mapping"},
		{"empty", "", "empty"},
		{"duplicate", "scenario: agent\nscenario: office\n", "twice"},
		{"currency conflict", "annual_cost: 5亿元\ncurrency: USD\n", "currency"},
		{"bad yaml", "scenario: [\n", "not valid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseProfile([]byte(tt.in))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q: want one line mentioning %q", err, tt.want)
			}
		})
	}
}

func TestProfileYAMLRoundTrip(t *testing.T) {
	p, err := ParseProfile([]byte("scenario: agent\nannual_cost: 5M\nparent_company: true\nrunway_months: 12\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.YAML()
	if err != nil {
		t.Fatal(err)
	}
	q, err := ParseProfile(b)
	if err != nil {
		t.Fatalf("reparse %s: %v", b, err)
	}
	if *q.AnnualCost != 5e6 || q.Scenario != "agent" || !*q.ParentCompany {
		t.Errorf("round trip: %s", b)
	}
}
