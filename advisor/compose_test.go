package advisor

import (
	"context"
	"flag"
	"path/filepath"
	"strings"
	"testing"

	"github.com/premortem/premortem/internal/goldenfile"
	"github.com/premortem/premortem/knowledge"
)

var updateGolden = flag.Bool("update", false, "rewrite the composer's golden files")

// builtinAdvisor is an advisor over the embedded knowledge with the
// builtin composer alone.
func builtinAdvisor(tb testing.TB) *Advisor {
	tb.Helper()
	kb, err := knowledge.Load()
	if err != nil {
		tb.Fatalf("load knowledge: %v", err)
	}
	if len(kb.Modes) == 0 {
		tb.Skip("the embedded knowledge has no modes yet")
	}
	return New(Options{KB: kb, Search: knowledge.NewIndex(kb)})
}

var composeCases = []struct {
	name, q string
}{
	{"zh-open-source", "我们把模型开源了,接下来怎么赚钱?"},
	{"zh-text-to-image", "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?"},
	{"zh-runway", "账上只剩半年现金"},
	{"en-weights", "we give our weights away, how do we make money?"},
	{"en-stability-cost", "how much did Stability spend vs what it earned in 2023?"},
	{"en-generic", "what is the biggest risk for my AI startup?"},
	{"mixed-burn", "ARR 才 1M, burn 2M 每月"},
	{"mixed-en-ai-pc", "will AI PC 和端侧模型 kill our cloud API business?"},
	{"zh-gpus-decision", "我们有 64 张 A800,下一轮融资要不要主要拿去买更多卡?"},
	{"en-gpus-decision", "We've got 64 A800s and 8 months of runway. Should our next raise mostly go into more GPUs?"},
	{"zh-code-saas", "我们做 code assistant 的 SaaS,面向企业,年收入 800万,最大的风险是什么?"},
	{"zh-cash-burn", "账上还有3000万, 每月烧500万"},
	{"zh-consumer-price", "我们有 2000 个付费用户, 每月 30 块, 做C端聊天"},
	{"zh-meitu", "美图做大模型的思路值得我们学习吗?"},
	{"en-open-or-closed", "open source or closed: which should we pick for our 7B model?"},
	{"offtopic-zh", "明天北京天气怎么样"},
	{"offtopic-en", "how do I bake bread?"},
}

func TestComposeGolden(t *testing.T) {
	a := builtinAdvisor(t)
	for _, tc := range composeCases {
		t.Run(tc.name, func(t *testing.T) {
			ans, err := a.Ask(context.Background(), Request{Question: tc.q})
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "compose", tc.name+".golden")
			got := "Q: " + tc.q + "\n\n" + ans.Text + "\n"
			goldenfile.Check(t, path, got, *updateGolden, "go test ./advisor -run ComposeGolden -update")
		})
	}
}

// TestComposeGrounded checks what every builtin answer must do, whatever
// its wording: IDs as code for shown risks only, verbatim quotes, the
// question's language, nothing cited off-topic.
func TestComposeGrounded(t *testing.T) {
	a := builtinAdvisor(t)
	article := strings.Join(a.KB().Article.Paragraphs, "\n")
	for _, tc := range composeCases {
		t.Run(tc.name, func(t *testing.T) {
			ans, err := a.Ask(context.Background(), Request{Question: tc.q})
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasPrefix(tc.name, "offtopic") {
				if len(ans.Risks)+len(ans.Benchmarks) != 0 {
					t.Errorf("off-topic answer cites %d risks, %d figures", len(ans.Risks), len(ans.Benchmarks))
				}
			} else if len(ans.Risks) == 0 {
				t.Fatalf("no risks")
			}
			for _, m := range a.KB().Modes {
				shown := false
				for _, r := range ans.Risks {
					shown = shown || r.ID == m.ID
				}
				if in := strings.Contains(ans.Text, "`"+m.ID+"`"); in != shown {
					t.Errorf("ID `%s` in text: %v, among risks: %v", m.ID, in, shown)
				}
			}
			for _, r := range ans.Risks {
				for _, c := range r.Citations {
					if c.Paragraph < 1 || c.Paragraph > len(a.KB().Article.Paragraphs) ||
						!strings.Contains(a.KB().Article.Paragraphs[c.Paragraph-1], c.Quote) {
						t.Errorf("%s: quote %q is not verbatim in paragraph %d", r.ID, c.Quote, c.Paragraph)
					}
				}
			}
			for _, q := range quotesIn(ans.Text) {
				if !strings.Contains(article, q) && !strings.Contains(tc.q, q) && !strings.Contains(ans.Text, "「"+q+"」") {
					t.Errorf("quote 「%s」 is not in the article", q)
				}
			}
			if want := DetectLang(tc.q); ans.Lang != want {
				t.Errorf("lang %q, want %q", ans.Lang, want)
			}
		})
	}
}

// quotesIn returns the 「...」 quotes of an answer that come from the article
// (the composer also quotes the founder's own words after "你提到").
func quotesIn(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "原文(")
		if i < 0 {
			i = strings.Index(s, "The article (")
		}
		if i < 0 {
			return out
		}
		s = s[i:]
		j := strings.Index(s, "「")
		k := strings.Index(s, "」")
		if j < 0 || k < j {
			return out
		}
		out = append(out, s[j+len("「"):k])
		s = s[k:]
	}
}

func BenchmarkAskBuiltin(b *testing.B) {
	a := builtinAdvisor(b)
	ctx := context.Background()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := a.Ask(ctx, Request{Question: composeCases[i%len(composeCases)].q}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompose(b *testing.B) {
	a := builtinAdvisor(b)
	found := a.search.Search(composeCases[1].q)
	g := a.ground(found, "zh", nil)
	b.ReportAllocs()
	for b.Loop() {
		a.Compose(g)
	}
}

func BenchmarkAskBuiltinPack10k(b *testing.B) {
	dir := b.TempDir()
	if err := knowledge.GeneratePack(dir, 10000); err != nil {
		b.Fatal(err)
	}
	kb, err := knowledge.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	a := New(Options{KB: kb, Search: knowledge.NewIndex(kb)})
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := a.Ask(ctx, Request{Question: composeCases[i%len(composeCases)].q}); err != nil {
			b.Fatal(err)
		}
	}
}
