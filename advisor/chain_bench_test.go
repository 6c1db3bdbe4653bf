package advisor

import (
	"context"
	"strings"
	"testing"

	"github.com/premortem/premortem/internal/fakellm"
	"github.com/premortem/premortem/llm"
)

// A realistic reply: ~120 chunks, a think block, citations, figures.
func benchChunks() []string {
	text := "<think>plan the answer</think>最大的风险是 `capital`:Stability AI 的成本达到 1.53亿美元,而你每月烧 200万美元。" +
		strings.Repeat("先确认客户是否愿意付费,再决定扩张节奏;", 20) + "其次是 `segment`。"
	var chunks []string
	for r := []rune(text); len(r) > 0; {
		n := min(4, len(r))
		chunks = append(chunks, string(r[:n]))
		r = r[n:]
	}
	return chunks
}

// BenchmarkAdvisorOverModel measures what write adds around an in-process
// model that answers instantly: prompt rendering, streaming checks, final
// checks. The model's own time is ~0, so ns/op is the overhead.
func BenchmarkAdvisorOverModel(b *testing.B) {
	chunks := benchChunks()
	for _, stream := range []bool{false, true} {
		name := "buffered"
		if stream {
			name = "streaming"
		}
		b.Run(name, func(b *testing.B) {
			m := &fakeModel{reply: says(chunks...)}
			bs, err := NewBackends(BackendsConfig{Backends: []BackendSpec{{Name: "m", Model: m}}, Default: "m"})
			if err != nil {
				b.Fatal(err)
			}
			a := New(Options{Backends: bs})
			g := testGrounding("zh")
			req := Request{Question: g.Question}
			if stream {
				req.OnDelta = func(string) {}
			}
			b.ReportAllocs()
			for b.Loop() {
				ans := &Answer{TimingMS: map[string]float64{}}
				if err := a.write(context.Background(), req, g, ans); err != nil || ans.Model.Backend != "m" {
					b.Fatal(err, ans.Model)
				}
			}
		})
	}
}

// BenchmarkLoopback compares a provider called directly with the same
// provider behind the advisor, over a loopback fake streaming the same
// reply: the difference between the two is the advisor's overhead.
func BenchmarkLoopback(b *testing.B) {
	chunks := benchChunks()
	for _, lb := range loopback {
		t := &testing.T{}
		m, stop := lb.start(t, fakellm.NewScript(fakellm.Reply(chunks...)))
		g := testGrounding("zh")
		bs, err := NewBackends(BackendsConfig{Backends: []BackendSpec{{Name: "m", Model: m}}, Default: "m"})
		if err != nil {
			b.Fatal(err)
		}
		a := New(Options{Backends: bs})
		msgs, err := messages(bs.prompts, promptData(g, nil))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(lb.name+"/direct", func(b *testing.B) {
			for b.Loop() {
				if _, err := m.Generate(context.Background(), llm.Request{Messages: msgs, MaxTokens: 800}, func(string) {}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(lb.name+"/advisor", func(b *testing.B) {
			for b.Loop() {
				ans := &Answer{TimingMS: map[string]float64{}}
				if err := a.write(context.Background(), Request{Question: g.Question, OnDelta: func(string) {}}, g, ans); err != nil || ans.Model.Backend != "m" {
					b.Fatal(err, ans.Model)
				}
			}
		})
		stop()
	}
}
