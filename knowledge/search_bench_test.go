package knowledge

import "testing"

// benchQuestions are a mix of languages and shapes.
var benchQuestions = []string{
	"我们是做开源文生图的,钱还能烧一年,最大的风险是什么?",
	"we give our weights away, how do we make money?",
	"ARR 才 1M, burn 2M 每月",
	"明天北京天气怎么样",
}

// packBase loads the embedded knowledge plus a generated pack of n
// benchmarks (and n/10 cases), the way an operator's large pack looks.
func packBase(tb testing.TB, n int) *Base {
	tb.Helper()
	dir := tb.TempDir()
	if err := GeneratePack(dir, n); err != nil {
		tb.Fatal(err)
	}
	b, err := Load(dir)
	if err != nil {
		tb.Fatalf("load generated pack: %v", err)
	}
	return b
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
	benchmarkSearch(b, NewIndex(packBase(b, 10000)))
}

func BenchmarkNewIndexEmbedded(b *testing.B) {
	kb := loadForTest(b)
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(kb)
	}
}

func BenchmarkNewIndexPack10k(b *testing.B) {
	kb := packBase(b, 10000)
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(kb)
	}
}
