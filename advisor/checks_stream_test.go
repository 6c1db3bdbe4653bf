package advisor

import (
	"strings"
	"testing"
)

// streamOnce feeds chunks through an emitter and returns every text shown
// and the final checked answer.
func streamOnce(gr *grounds, chunks []string) (shown []string, final string, usable bool) {
	e := newEmitter(func(s string) { shown = append(shown, s) })
	feed := e.stream(gr)
	for _, c := range chunks {
		feed(c)
	}
	final, _, usable = gr.check(strings.Join(chunks, ""))
	return shown, final, usable
}

func TestStreamIsPrintedOnce(t *testing.T) {
	tests := []struct {
		name   string
		chunks []string
		final  string
	}{
		{"invented figure flagged as its sentence ends", []string{"亏损 9", ".9亿", "美元 `cap", "ital`", "。钱"}, "亏损 9.9亿美元(未核实) `capital`。钱"},
		{"figure cited later in its sentence", []string{"成本 1.53亿美元 ", "(`capital`)", "。"}, "成本 1.53亿美元 (`capital`)。"},
		{"invented citation in brackets", []string{"risk (`mo", "at`) ", "and `capital`."}, "risk and `capital`."},
		{"trailing space then sources", []string{"Watch costs.  ", "\n\n"}, "Watch costs.\n\n来源:`capital`、`segment`"},
		{"think then answer", []string{"<think>plan", "</think>\n\n", "见 `segment`"}, "见 `segment`"},
		{"english figures", []string{"They spent $15", "3M ", "on it, see `capital`. Then"}, "They spent $153M(未核实) on it, see `capital`. Then"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gr := testGrounds()
			shown, final, _ := streamOnce(gr, tt.chunks)
			if final != tt.final {
				t.Errorf("final = %q, want %q", final, tt.final)
			}
			for i, s := range append(shown, final) {
				if i > 0 && !strings.HasPrefix(s, shown[i-1]) {
					t.Errorf("view %d %q does not continue %q", i, s, shown[i-1])
				}
			}
		})
	}
}

// FuzzStreamIsPrefix: whatever the chunking, each streamed view continues
// the one before, and the final answer continues the last, so a terminal
// prints the stream once. (A stray </think> may take back what was shown
// before it; that case is left out.)
func FuzzStreamIsPrefix(f *testing.F) {
	f.Add("亏损 9.9亿美元 `capital`。", "(`moat`) ", "1.53亿美元 see [segment]. ", 3, 7)
	f.Add("<think>x</think> a, `moat`.", " 50% ", "$1", 1, 2)
	f.Fuzz(func(t *testing.T, a, b, c string, c1, c2 int) {
		s := a + b + c
		if o, cl := strings.Index(s, thinkOpen), strings.Index(s, thinkClose); cl >= 0 && (o < 0 || o > cl) {
			t.Skip()
		}
		cuts := []int{abs(c1) % (len(s) + 1), abs(c2) % (len(s) + 1)}
		if cuts[0] > cuts[1] {
			cuts[0], cuts[1] = cuts[1], cuts[0]
		}
		chunks := []string{s[:cuts[0]], s[cuts[0]:cuts[1]], s[cuts[1]:]}
		shown, final, usable := streamOnce(testGrounds(), chunks)
		if usable {
			shown = append(shown, final)
		}
		for i := 1; i < len(shown); i++ {
			if !strings.HasPrefix(shown[i], shown[i-1]) {
				t.Fatalf("chunks %q: view %q does not continue %q", chunks, shown[i], shown[i-1])
			}
		}
	})
}
