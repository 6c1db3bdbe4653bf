package situation

import (
	"fmt"
	"strings"
	"testing"
)

// benchQuestions are typical founder questions: facts, none, a decision.
var benchQuestions = []string{
	"我们是做开源文生图的,钱还能烧一年,最大的风险是什么?",
	"ARR 才 1M, burn 2M 每月",
	"we are a to C app, 20k paying users at $20/month, burn $400k a month, $5M in the bank",
	"明天北京天气怎么样",
	"should we open source our base model or keep it closed?",
}

func BenchmarkRead(b *testing.B) {
	r := testReader(b)
	for _, q := range benchQuestions {
		b.Run(benchName(q), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r.Read(q)
			}
		})
	}
}

func BenchmarkReadLongPaste(b *testing.B) {
	r := testReader(b)
	q := strings.Repeat("我们每月烧500万,ARR 1M, 2000 个付费用户,还有一些别的情况需要说明。", 60)[:4000]
	b.ReportAllocs()
	for b.Loop() {
		r.Read(q)
	}
}

func BenchmarkReadHistory(b *testing.B) {
	r := testReader(b)
	b.ReportAllocs()
	for b.Loop() {
		r.Read("具体该怎么做?", "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?", "账上还有3000万, 每月烧500万")
	}
}

func BenchmarkNewReader(b *testing.B) {
	kb := testKB(b)
	b.ReportAllocs()
	for b.Loop() {
		NewReader(kb)
	}
}

func benchName(q string) string {
	r := []rune(q)
	return strings.ReplaceAll(string(r[:min(12, len(r))]), " ", "_")
}

// BenchmarkReadDistinct reads questions whose numbers differ every time, so
// no profile is scored twice.
func BenchmarkReadDistinct(b *testing.B) {
	r := testReader(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		r.Read(fmt.Sprintf("ARR 才 %dk, burn %dM 每月, 账上还有 %dM", i%997+1, i%89+1, i%113+1))
	}
}
