package knowledge

import (
	"fmt"
	"testing"
)

// benchQuestions are a mix of languages and shapes.
var benchQuestions = []string{
	"我们是做开源文生图的,钱还能烧一年,最大的风险是什么?",
	"we give our weights away, how do we make money?",
	"ARR 才 1M, burn 2M 每月",
	"明天北京天气怎么样",
}

// syntheticPack returns a copy of b with n generated benchmarks and n/10
// cases added, the way an operator's large pack would look.
func syntheticPack(b *Base, n int) *Base {
	out := *b
	out.Benchmarks = append([]Benchmark(nil), b.Benchmarks...)
	out.Cases = append([]Case(nil), b.Cases...)
	modes := []string{"market", "open-source", "scenario", "generality", "segment", "capital", "on-device"}
	for i := 0; i < n/10; i++ {
		out.Cases = append(out.Cases, Case{
			ID:    fmt.Sprintf("pack-case-%d", i),
			Name:  Text{ZH: fmt.Sprintf("样例公司%d号", i), EN: fmt.Sprintf("Example Co %d", i)},
			Modes: []string{modes[i%len(modes)]},
		})
	}
	for i := 0; i < n; i++ {
		out.Benchmarks = append(out.Benchmarks, Benchmark{
			ID:       fmt.Sprintf("pack-bench-%d", i),
			Modes:    []string{modes[i%len(modes)], modes[(i+3)%len(modes)]},
			Label:    Text{ZH: fmt.Sprintf("第%d家公司的年度算力支出与收入", i), EN: fmt.Sprintf("Company %d annual compute spend and revenue", i)},
			Text:     fmt.Sprintf("%d万美元", 100+i),
			Value:    float64(100+i) * 1e4,
			Unit:     "USD",
			Entity:   fmt.Sprintf("pack-case-%d", i/10),
			Citation: Citation{Paragraph: 7, Quote: fmt.Sprintf("样例公司%d号的大模型成本为%d万美元", i/10, 100+i)},
			Keywords: Keywords{ZH: []string{fmt.Sprintf("样例%d", i)}, EN: []string{fmt.Sprintf("sample%d", i)}},
		})
	}
	out.index()
	return &out
}

func loadForTest(tb testing.TB) *Base {
	tb.Helper()
	b, err := Load()
	if err != nil {
		tb.Fatalf("load: %v", err)
	}
	if len(b.Modes) == 0 {
		tb.Skip("the embedded knowledge has no modes yet")
	}
	return b
}

func benchmarkSearch(b *testing.B, ix *Index) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ix.Search(benchQuestions[i%len(benchQuestions)])
	}
}

func BenchmarkSearchEmbedded(b *testing.B) {
	benchmarkSearch(b, NewIndex(loadForTest(b)))
}

func BenchmarkSearchPack10k(b *testing.B) {
	benchmarkSearch(b, NewIndex(syntheticPack(loadForTest(b), 10000)))
}

func BenchmarkNewIndexEmbedded(b *testing.B) {
	kb := loadForTest(b)
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(kb)
	}
}

func BenchmarkNewIndexPack10k(b *testing.B) {
	kb := syntheticPack(loadForTest(b), 10000)
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(kb)
	}
}
