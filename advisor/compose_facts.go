package advisor

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/situation"
)

// factLabels name the facts a founder's message can state, in the
// assessment profile's terms and the few the situation adds.
var factLabels = map[string]knowledge.Text{
	"scenario":                      {ZH: "场景", EN: "use case"},
	"customers":                     {ZH: "客户", EN: "customers"},
	"model_strategy":                {ZH: "模型策略", EN: "model strategy"},
	"model_scope":                   {ZH: "模型范围", EN: "model scope"},
	"currency":                      {ZH: "币种", EN: "currency"},
	"annual_cost":                   {ZH: "年成本", EN: "yearly cost"},
	"annual_revenue":                {ZH: "年收入", EN: "yearly revenue"},
	"runway_months":                 {ZH: "跑道", EN: "runway"},
	"paying_users":                  {ZH: "付费用户", EN: "paying users"},
	"monthly_price":                 {ZH: "月价格", EN: "monthly price"},
	"parent_company":                {ZH: "母公司或战略投资方", EN: "parent or strategic investor"},
	"gpu_access":                    {ZH: "算力", EN: "GPU access"},
	"cloud_bills_overdue":           {ZH: "云账单拖欠", EN: "cloud bills overdue"},
	"on_device_substitutable":       {ZH: "端侧可替代", EN: "replaceable on device"},
	"hallucination_tolerance":       {ZH: "对幻觉的容忍度", EN: "tolerance of hallucinations"},
	"customer_digital_maturity":     {ZH: "客户数字化程度", EN: "customers' digital maturity"},
	"marketing_visibility":          {ZH: "市场声量", EN: "market visibility"},
	"competes_with_platform_giants": {ZH: "与平台巨头竞争", EN: "competes with platform giants"},
	situation.FieldCash:             {ZH: "账上现金", EN: "cash in the bank"},
	situation.FieldRaised:           {ZH: "融资", EN: "raised"},
	situation.FieldSpent:            {ZH: "已花掉", EN: "spent so far"},
	situation.FieldAnnualLoss:       {ZH: "年亏损", EN: "yearly loss"},
	situation.FieldGPUs:             {ZH: "GPU", EN: "GPUs"},
	situation.FieldUsers:            {ZH: "用户", EN: "users"},
	situation.FieldCustomerPrice:    {ZH: "每个客户的价格", EN: "price per customer"},
	situation.FieldOpenWeights:      {ZH: "开源权重", EN: "open weights"},
}

// noneTexts word the facts that say there is none yet ("没人买单" is
// paying_users false; "没有收入" is yearly revenue 0): a state, no count.
var noneTexts = map[string]knowledge.Text{
	"paying_users":   {ZH: "还没有付费用户", EN: "no paying users yet"},
	"annual_revenue": {ZH: "还没有收入", EN: "no revenue yet"},
}

// monthlyLabels name the annual_* facts the founder gave per month.
var monthlyLabels = map[string]knowledge.Text{
	"annual_cost":    {ZH: "成本", EN: "cost"},
	"annual_revenue": {ZH: "收入", EN: "revenue"},
	"annual_loss":    {ZH: "亏损", EN: "loss"},
}

// factText writes one fact as read: its label, the value understood when
// it is a number, and the founder's own words.
func factText(f situation.Fact, lang string) string {
	label := f.Field
	if l, ok := factLabels[f.Field]; ok {
		label = l.In(lang)
	}
	words := wordsFor(lang).quote(f.Text)
	v, ok := f.Value.(float64)
	if none, isNone := noneTexts[f.Field]; isNone && (f.Value == false || ok && v == 0) {
		label, words = none.In(lang), "("+words+")"
		if lang == "en" {
			words = " " + words
		}
		return label + words
	}
	if !ok {
		return label + " " + words
	}
	unit := f.Unit
	if strings.HasPrefix(f.Field, "annual_") && strings.HasSuffix(unit, "/year") {
		unit, _, _ = strings.Cut(unit, "/") // the label says "yearly"
	} else if strings.HasPrefix(f.Field, "annual_") && strings.HasSuffix(unit, "month") {
		label = monthlyLabels[f.Field].In(lang) // the founder's monthly figure
	}
	val := numberText(v, unit, lang)
	if lang == "en" {
		return fmt.Sprintf("%s %s (%s)", label, val, words)
	}
	return fmt.Sprintf("%s %s(%s)", label, val, words)
}

// numberText writes v in its unit: money with currency and period, months,
// counts.
func numberText(v float64, unit, lang string) string {
	cur, period, _ := strings.Cut(unit, "/")
	switch cur {
	case "USD", "CNY":
		s := assess.FormatAmount(assess.Amount{Value: v, Currency: cur}, lang)
		switch {
		case period == "year" && lang == "en":
			s += " a year"
		case period == "year":
			s += "/年"
		case period == "month" && lang == "en":
			s += " a month"
		case period == "month":
			s += "/月"
		}
		return s
	case "months":
		return assess.FormatMonths(v, lang)
	}
	n := strconv.FormatFloat(v, 'f', -1, 64)
	if unit != "" && unit != "users" {
		return n + " " + unit
	}
	return n
}
