package situation

import (
	"encoding/json"
	"flag"
	"path/filepath"
	"testing"

	"github.com/premortem/premortem/internal/goldenfile"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenQuestions: the whole Situation, as JSON, for a dozen questions in
// Chinese, English and both; testdata/<name>.json.
var goldenQuestions = []struct {
	name    string
	q       string
	history []string
}{
	{"readme-open-text-to-image", "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?", nil},
	{"arr-burn-mixed", "ARR 才 1M, burn 2M 每月", nil},
	{"cash-burn-zh", "账上还有3000万, 每月烧500万,还能撑多久?", nil},
	{"users-price-zh", "我们做C端订阅, 2000 个付费用户, 每月 30 块, 值得继续做吗?", nil},
	{"gpus-raise-en", "We've got 64 A800s and $3m burn a year... should our next raise mostly go into more GPUs?", nil},
	{"consumer-app-en", "we are a to C app, 20k paying users at $20/month, burn $400k a month, $5M in the bank", nil},
	{"code-assistant-enterprise", "我们做 code assistant 的 SaaS,面向企业,权重开源了,母公司是一家大集团,下一步怎么做?", nil},
	{"cloud-bills-en", "we're behind on our AWS bill and have 6 months of runway, what should we do?", nil},
	{"conflicting-runway", "runway 6 months,财务说还能撑一年半,最大的风险是什么", nil},
	{"unknown-units", "我们有 500 个 zorb, 每月 3000 个 blip, burn -2M 每月", nil},
	{"off-topic", "明天北京天气怎么样", nil},
	{"follow-up", "具体该怎么做?", []string{"我们是做开源文生图的,钱还能烧一年,最大的风险是什么?"}},
	{"open-weights-unpaid", "我们开源了权重,但没有付费版本", nil},
	{"nobody-pays-zh", "我们做C端的,产品很好但是没人买单", nil},
}

func TestGolden(t *testing.T) {
	r := testReader(t)
	for _, g := range goldenQuestions {
		t.Run(g.name, func(t *testing.T) {
			got, err := json.MarshalIndent(r.Read(g.q, g.history...), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			path := filepath.Join("testdata", g.name+".json")
			goldenfile.Check(t, path, string(got), *update, "go test ./situation -update")
		})
	}
}
