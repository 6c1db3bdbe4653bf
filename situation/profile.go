package situation

import (
	"math"
	"slices"
	"strconv"

	"github.com/premortem/premortem/assess"
)

// basis is what the comparisons and the rules work from: the settled facts,
// their amounts in one currency, and what follows from them.
type basis struct {
	profile assess.Profile
	cur     string          // the profile's currency
	mixed   bool            // some amounts were converted to cur
	facts   map[string]cand // settled facts by field
	val     map[string]float64

	monthly   float64 // monthly spend the runway is computed from
	spendBy   string  // how: "burn", "cost", "net" (cost - revenue) or "loss"
	runway    float64 // months computed from cash and monthly spend; 0 if not
	revenue   float64 // yearly revenue computed from price x paying users; 0 if not
	revenueBy string  // how: "price" (monthly price x users x 12) or "contract" (price per customer x customers)

	disputed map[string]bool // profile fields the founder's numbers and words disagree on
	notes    []Note          // what they disagree on, for the question's notes
}

// amountOrder decides the profile's currency: the first of these written.
var amountOrder = []string{FieldAnnualCost, FieldAnnualRevenue, FieldCash, FieldMonthlyPrice, FieldCustomerPrice, FieldAnnualLoss, FieldRaised, FieldSpent}

// profile builds the assessment profile from the settled facts, with the
// runway and revenue their numbers imply where the founder did not say.
func (r *Reader) profile(facts []cand) basis {
	b := basis{facts: map[string]cand{}, val: map[string]float64{}, disputed: map[string]bool{}}
	for _, c := range facts {
		b.facts[c.fact.Field] = c
	}
	for _, f := range amountOrder {
		if c, ok := b.facts[f]; ok && c.cur != "" && b.cur == "" {
			b.cur = c.cur
		}
	}
	p := &b.profile
	if b.cur != "" {
		set(p, "currency", b.cur)
	}
	for _, c := range facts {
		_, isNum := c.fact.Value.(float64)
		v := c.val
		if isNum && c.amount && c.cur != "" && c.cur != b.cur {
			v, b.mixed = convert(v, c.cur, b.cur), true
		}
		if isNum {
			b.val[c.fact.Field] = v
		}
		pf, ok := assess.FieldByName(c.fact.Field)
		if !ok {
			continue
		}
		var value string
		switch x := c.fact.Value.(type) {
		case float64:
			value = strconv.FormatFloat(v, 'f', -1, 64)
		case bool:
			// A count said in words is none ("没人买单"): the rules read
			// no paying users as 0; comparisons (val) never see it.
			switch {
			case pf.Kind != assess.KindCount:
				value = strconv.FormatBool(x)
			case !x:
				value = "0"
			}
		case string:
			value = x
		}
		if value != "" {
			_ = p.SetAnswer(pf, value, "") // a value the profile refuses is left out
		}
	}
	r.derive(&b)
	return b
}

// derive computes the runway from cash and monthly spend, and yearly
// revenue from price x paying users, where the founder gave the parts but
// not the whole.
func (r *Reader) derive(b *basis) {
	cost, hasCost := b.val[FieldAnnualCost]
	rev, hasRev := b.val[FieldAnnualRevenue]
	switch loss, hasLoss := b.val[FieldAnnualLoss]; {
	case hasCost && b.facts[FieldAnnualCost].burn:
		b.monthly, b.spendBy = cost/12, "burn"
	case hasCost && hasRev:
		b.monthly, b.spendBy = (cost-rev)/12, "net"
	case hasCost:
		b.monthly, b.spendBy = cost/12, "cost"
	case hasLoss:
		b.monthly, b.spendBy = loss/12, "loss"
	}
	if cash, ok := b.val[FieldCash]; ok && b.monthly > 0 {
		b.runway = math.Min(math.Round(10*cash/b.monthly)/10, assess.MaxMonths)
		// A runway said in an earlier message yields to cash and spend
		// given since; one said alongside them is kept (see disputes).
		st, stated := b.facts[FieldRunway]
		if stated && st.fact.Earlier && b.fresh(FieldCash, spendFields[b.spendBy]) {
			stated = false
		}
		if !stated {
			delete(b.facts, FieldRunway)
			set(&b.profile, FieldRunway, strconv.FormatFloat(b.runway, 'f', -1, 64))
		}
	}
	users, hasUsers := b.val[FieldPayingUsers]
	total := 0.0
	if cp, ok := b.val[FieldCustomerPrice]; ok && hasUsers {
		total, b.revenueBy = cp*users, "contract"
	} else if price, ok := b.val[FieldMonthlyPrice]; ok && hasUsers {
		total, b.revenueBy = price*users*12, "price"
	}
	if total > 0 && total <= assess.MaxAmount {
		b.revenue = total
		if !hasRev {
			set(&b.profile, FieldAnnualRevenue, strconv.FormatFloat(b.revenue, 'f', -1, 64))
		}
	}
	b.disputes()
}

// spendFields: the facts a runway's monthly spend is computed from.
var spendFields = map[string]string{"burn": FieldAnnualCost, "cost": FieldAnnualCost, "net": FieldAnnualCost, "loss": FieldAnnualLoss}

// fresh reports whether one of the fields was read from the question.
func (b *basis) fresh(fields ...string) bool {
	for _, f := range fields {
		if c, ok := b.facts[f]; ok && !c.fact.Earlier {
			return true
		}
	}
	return false
}

// contractPrices: for enterprise customers a price by the year is a price
// per customer ("给银行做私有化部署,年费 200 万"), not a monthly fee.
func contractPrices(facts []cand) {
	if !slices.ContainsFunc(facts, func(c cand) bool { return c.fact.Field == "customers" && c.fact.Value == "enterprise" }) {
		return
	}
	for i, c := range facts {
		if c.fact.Field == FieldMonthlyPrice && c.period == periodYear {
			v, _ := c.fact.Value.(float64)
			facts[i].fact.Field, facts[i].val = FieldCustomerPrice, v
		}
	}
}

// set stores one answer through the profile's own parser; a value it
// refuses is left out.
func set(p *assess.Profile, field, value string) {
	if f, ok := assess.FieldByName(field); ok {
		_ = p.SetAnswer(f, value, "")
	}
}

// convert changes v from one currency to the other at the assessment's rate.
func convert(v float64, from, to string) float64 {
	switch {
	case from == "USD" && to == "CNY":
		return v * assess.CNYPerUSD
	case from == "CNY" && to == "USD":
		return v / assess.CNYPerUSD
	}
	return v
}
