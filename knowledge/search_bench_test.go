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

// issueQuestions exercise the out-of-scope veto and the sentence path.
var issueQuestions = []string{
	"my startup's office lease ends next month, should we go remote?",
	"What LoRA rank should I use for a 7B model?",
	"美图做大模型的思路值得我们学习吗?",
	"我们的产品什么都能做,但说不清楚到底给谁用",
	"我们拿了好几个技术大奖,可就是没有付费客户",
	"甲方要求百分之百准确",
}

func BenchmarkSearchIssueQuestions(b *testing.B) {
	ix := NewIndex(loadForTest(b))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		ix.Search(issueQuestions[i%len(issueQuestions)])
	}
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
