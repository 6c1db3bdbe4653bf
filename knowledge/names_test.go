package knowledge

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func caseIDs(cs []*Case) []string {
	ids := []string{}
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	return ids
}

func TestCasesNamed(t *testing.T) {
	b := mustLoad(t)
	tests := []struct {
		name, q string
		want    []string
	}{
		{"zh one", "美图做大模型的思路值得我们学习吗?", []string{"meitu"}},
		{"zh two in order", "Kimi和智谱哪个更适合我们?", []string{"moonshot-kimi", "zhipu"}},
		{"zh company name", "月之暗面的长文本是护城河吗", []string{"moonshot-kimi"}},
		{"zh product", "商汤的小浣熊能写代码吗", []string{"sensetime"}},
		{"zh platforms", "千帆、阿里云和火山引擎,选哪个平台?", []string{"baidu", "alibaba", "bytedance-volcano"}},
		{"zh order follows the text", "百度和阿里云谁更好", []string{"baidu", "alibaba"}},
		{"zh investor", "朱啸虎说大模型是大厂的机会,对吗?", []string{"zhu-xiaohu"}},
		{"zh phone makers", "小米和OPPO都上了端侧模型", []string{"phone-makers"}},
		{"zh longest name wins", "苹果手机会用谁的模型", []string{"apple"}},
		{"en one", "Is Midjourney still beatable?", []string{"midjourney"}},
		{"en two names, one case", "should we build on Llama 2 the way Meta wants?", []string{"meta-llama"}},
		{"en possessive", "Will Apple's on-device AI kill us?", []string{"apple"}},
		{"en two cases", "OpenAI vs Stability AI: who got it right?", []string{"openai", "stability-ai"}},
		{"en any case", "is KIMI better than chatgpt", []string{"moonshot-kimi", "openai"}},
		{"en person", "What did Zhu Xiaohu say about start-ups?", []string{"zhu-xiaohu"}},
		{"full-width Latin", "ｖｉｖｏ的端侧模型", []string{"phone-makers"}},
		{"mixed", "我们用vivo的手机测了Kimi", []string{"phone-makers", "moonshot-kimi"}},
		{"mixed model names", "用GPT-4还是GLM-4?", []string{"openai", "zhipu"}},
		{"hyphen as space", "GPT 4 or Llama2?", []string{"openai", "meta-llama"}},
		{"longest Latin name", "Cerebras-GPT怎么样", []string{"cerebras"}},
		{"match_case as written", "we fine-tune SD 1.5 for product shots", []string{"stability-ai"}},
		{"each case once", "苹果和Apple还有iPhone", []string{"apple"}},
		{"nothing named", "我们的产品什么都能做,但说不清楚到底给谁用", []string{}},
		{"empty", "", []string{}},
		// False friends.
		{"inside a word", "pineapple pizza for the team lunch", []string{}},
		{"apple pie", "an apple pie recipe", []string{}},
		{"in vivo", "in vivo testing of our drug model", []string{}},
		{"vivo inside a word", "my vivobook is slow", []string{}},
		{"millet", "小米粥怎么煮", []string{}},
		{"byte", "一个字节有8位,字节码怎么读", []string{}},
		{"everyday word, lower case", "metadata and meta-learning for model stability", []string{}},
		{"SD card", "the SD card is full", []string{}},
		{"idiom", "海纳百川,有容乃大", []string{}},
		{"apple pie in Chinese", "苹果派好吃吗", []string{}},
		{"llama.cpp", "running llama.cpp on a laptop", []string{}},
		{"rainforest", "the Amazon rainforest is shrinking", []string{}},
		{"false friend beside a name", "吃苹果的时候用iPhone", []string{"apple"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, caseIDs(b.CasesNamed(tc.q))); diff != "" {
				t.Errorf("CasesNamed(%q) (-want +got):\n%s", tc.q, diff)
			}
		})
	}
}

// TestEveryCaseFindsItself checks every embedded case is found by each of
// its names written alone, and has claims to answer with.
func TestEveryCaseFindsItself(t *testing.T) {
	b := mustLoad(t)
	for i := range b.Cases {
		c := &b.Cases[i]
		if len(c.Claims) == 0 {
			t.Errorf("case %s: no claims", c.ID)
		}
		for _, n := range c.Aliases {
			got := b.CasesNamed(n)
			if len(got) == 0 || got[0] != c {
				t.Errorf("case %s: alias %q finds %v", c.ID, n, caseIDs(got))
			}
		}
	}
}

func TestCasesNamedPack(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.yaml", goodCase+"    aliases: [Acme, 样例]\n")
	b := mustLoad(t, dir)
	if got := caseIDs(b.CasesNamed("ACME和美图比呢?样例公司")); !cmp.Equal(got, []string{"acme", "meitu"}) {
		t.Errorf("CasesNamed = %v, want [acme meitu]", got)
	}
	if got := (&Base{}).CasesNamed("Acme"); got != nil {
		t.Errorf("zero Base: %v", got)
	}
}

func FuzzCasesNamed(f *testing.F) {
	b := mustLoad(f)
	for _, s := range []string{"美图", "Kimi和vivo", "ｖｉｖｏ", "GPT-4", "\xff\xfe", "a\u0301pple"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range b.CasesNamed(s) {
			if c == nil {
				t.Fatal("nil case")
			}
		}
	})
}

func BenchmarkCasesNamed(b *testing.B) {
	kb := mustLoad(b)
	for _, q := range []struct{ name, text string }{
		{"question", "我们在考虑用Kimi还是智谱的API,另外美图做大模型的思路值得学吗?"},
		{"paste-4000", strings.Repeat("We compared OpenAI, 阿里云 and our own model on 64 A800s. ", 70)},
	} {
		b.Run(q.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				kb.CasesNamed(q.text)
			}
		})
	}
}

func BenchmarkCasesNamedPack10k(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "big")
	if err := GeneratePack(dir, 10000); err != nil {
		b.Fatal(err)
	}
	kb := mustLoad(b, dir)
	q := "我们在考虑用Kimi还是example42的API,样例7的做法值得学吗?"
	b.ReportAllocs()
	for b.Loop() {
		kb.CasesNamed(q)
	}
}
