package knowledge

import (
	"slices"
	"testing"
)

func TestSearchRanksModes(t *testing.T) {
	ix := NewIndex(loadForTest(t))
	tests := []struct {
		name string
		q    string
		top  []string // each must be in the first len(top)+1 modes; the first must be first
	}{
		{"open source en", "we give our weights away, how do we make money?", []string{"open-source"}},
		{"open source zh", "我们把模型开源了,接下来怎么赚钱?", []string{"open-source"}},
		{"runway zh", "账上只剩半年现金", []string{"capital"}},
		{"burn mixed", "ARR 才 1M, burn 2M 每月", []string{"market", "capital"}},
		{"text to image", "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?", []string{"scenario", "open-source", "capital"}},
		{"to B or to C", "做B端还是C端?", []string{"segment"}},
		{"AI PC", "AI PC 会不会干掉云端大模型", []string{"on-device"}},
		{"general", "要不要做千亿参数的通用大模型", []string{"generality"}},
		{"generic AI startup", "what is the biggest risk for my AI startup?", []string{"market"}},
		// The asked sentence is the subject; the other sentence is context.
		{"asked sentence", "Will AI PCs kill our cloud chatbot business? We sell a $10/month consumer assistant.", []string{"on-device"}},
		{"consumer text-to-image", "We run a consumer text-to-image app with 5000 paying users at $8/month; burn is $300K a month and we have $2.4M in the bank.", []string{"capital", "segment", "scenario"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := ix.Search(tc.q)
			var got []string
			for _, h := range res.Modes {
				got = append(got, h.ID)
				if h.Score <= 0 || h.Score > 1 {
					t.Errorf("%s: score %v outside (0, 1]", h.ID, h.Score)
				}
			}
			if len(got) == 0 {
				t.Fatalf("no modes for an on-topic question")
			}
			for _, id := range tc.top {
				if i := slices.Index(got, id); i < 0 || i > len(tc.top) {
					t.Errorf("%s at %d in %v, want in the first %d", id, i, got, len(tc.top)+1)
				}
			}
			if tc.name != "text to image" && got[0] != tc.top[0] {
				t.Errorf("first mode %s, want %s (all: %v)", got[0], tc.top[0], got)
			}
			if len(res.Modes[0].Terms) == 0 {
				t.Errorf("the first mode has no matched terms to explain it")
			}
		})
	}
}

func TestSearchOffTopic(t *testing.T) {
	ix := NewIndex(loadForTest(t))
	for _, q := range []string{
		"明天北京天气怎么样", "how do I bake bread", "who won the football match?", "best apple pie recipe",
		"红烧肉怎么做", "what is the capital of France", "what's the biggest risk for my bakery?", "公司", "risk", "AI",
		"", "!!!", "🙂🙂🙂",
		// Weak words of concepts with no mode in common; commerce words
		// without an AI word; an AI word with no overlap with the article.
		"how much does an apple cost", "苹果的新产品好用吗", "推荐一款好用的护肤产品", "周末带孩子去看机器人展,有推荐吗",
		"best way to price a used car before selling it", "my budget for the wedding is tight, any deals?", "这个工作有前景吗",
	} {
		if res := ix.Search(q); !res.OffTopic() || len(res.Benchmarks) != 0 {
			t.Errorf("Search(%q) = %d modes, %d benchmarks, want none", q, len(res.Modes), len(res.Benchmarks))
		}
	}
}

func TestSearchGate(t *testing.T) {
	ix := NewIndex(loadForTest(t))
	for _, q := range []string{
		"用户留存很差,第二周就流失一半",                   // two weak concepts sharing a mode
		"we sell to customers with our LLM", // a commerce word beside an AI word
		"做编程助手有前景吗?",                        // a lexicon phrase
		"云服务的钱已经欠了两个月了",
	} {
		if res := ix.Search(q); res.OffTopic() {
			t.Errorf("Search(%q) is off-topic, want on-topic", q)
		}
	}
}

func TestSearchBenchmarks(t *testing.T) {
	kb := loadForTest(t)
	ix := NewIndex(kb)
	tests := []struct {
		q    string
		text string // a benchmark with this figure must be found
	}{
		{"Stability AI 2023年花了多少钱?", "1.53亿美元"},
		{"是1.53亿吗", "1.53亿美元"},
		{"stability cost vs revenue", "1100万美元"},
		{"GPT-3 训练耗电多少", "1287兆瓦时"},
	}
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			res := ix.Search(tc.q)
			var texts []string
			for _, h := range res.Benchmarks {
				x, ok := kb.Benchmark(h.ID)
				if !ok {
					t.Fatalf("unknown benchmark %q", h.ID)
				}
				texts = append(texts, x.Text)
			}
			if !slices.Contains(texts, tc.text) {
				t.Errorf("benchmarks %v, want one reading %q", texts, tc.text)
			}
		})
	}
}

func TestSearchPack(t *testing.T) {
	kb := packBase(t, 2000)
	ix := NewIndex(kb)
	res := ix.Search("样例公司42号的成本是多少")
	found := false
	for _, h := range res.Benchmarks {
		if x, _ := kb.Benchmark(h.ID); x.Entity == "pack-case-42" {
			found = true
		}
	}
	if !found {
		t.Errorf("benchmarks %v do not include pack-case-42's", res.Benchmarks)
	}
	if res := ix.Search("明天北京天气怎么样"); !res.OffTopic() {
		t.Errorf("a pack made the weather on-topic: %v", res.Modes)
	}
	if res := ix.Search("我们把模型开源了,接下来怎么赚钱?"); len(res.Modes) == 0 || res.Modes[0].ID != "open-source" {
		t.Errorf("a pack changed the ranking: %v", res.Modes)
	}
}

func TestSearchConcurrent(t *testing.T) {
	ix := NewIndex(loadForTest(t))
	want := ix.Search(benchQuestions[0])
	done := make(chan bool, 8)
	for g := 0; g < 8; g++ {
		go func() {
			ok := true
			for i := 0; i < 50; i++ {
				got := ix.Search(benchQuestions[0])
				ok = ok && len(got.Modes) == len(want.Modes) && got.Modes[0].ID == want.Modes[0].ID
				ix.Search(benchQuestions[i%len(benchQuestions)])
			}
			done <- ok
		}()
	}
	for g := 0; g < 8; g++ {
		if !<-done {
			t.Error("concurrent searches disagree")
		}
	}
}

func FuzzSearch(f *testing.F) {
	for _, q := range benchQuestions {
		f.Add(q)
	}
	f.Add("\xff\xfe B端 ＡＩ 1.5.5亿 $ ¥ 9m")
	kb, err := Load()
	if err != nil {
		f.Fatal(err)
	}
	ix := NewIndex(kb)
	f.Fuzz(func(t *testing.T, q string) {
		res := ix.Search(q)
		for _, h := range res.Modes {
			if h.Score <= 0 || h.Score > 1 {
				t.Errorf("score %v", h.Score)
			}
		}
	})
}

// TestConceptsResolve keeps the lexicon in step with the knowledge: every
// mode, benchmark and case a concept points at exists.
func TestConceptsResolve(t *testing.T) {
	kb := loadForTest(t)
	defs, err := Concepts()
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range defs {
		for id := range d.Modes {
			if _, ok := kb.Mode(id); !ok {
				t.Errorf("concept %s: unknown mode %q", d.ID, id)
			}
		}
		for id := range d.Benchmarks {
			if _, ok := kb.Benchmark(id); !ok {
				t.Errorf("concept %s: unknown benchmark %q", d.ID, id)
			}
		}
		for _, id := range d.Cases {
			if _, ok := kb.Case(id); !ok {
				t.Errorf("concept %s: unknown case %q", d.ID, id)
			}
		}
	}
}
