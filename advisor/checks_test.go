package advisor

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// The checks as the tests call them: a streaming view, a finished reply,
// and the figure check over one corpus.

// streamView is the checked text so far of a reply still streaming.
func (gr *grounds) streamView(raw string) string { return gr.view(raw, false).text }

// check is checkCited without the cited IDs.
func (gr *grounds) check(raw string) (text string, c Checks, usable bool) {
	text, c, _, usable = gr.checkCited(raw)
	return text, c, usable
}

// checkFigures marks figures in text absent from corpus and returns them.
func checkFigures(text, corpus, lang string) (string, []string) {
	nc := normFigure(corpus)
	out, flagged, _ := markFigures(text, true, lang, func(int) string { return nc })
	return out, flagged
}

func TestStripThink(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		final     string // stripThink(in, true)
		streaming string // stripThink(in, false)
	}{
		{"plain", "hello", "hello", "hello"},
		{"block", "<think>plan</think>Answer", "Answer", "Answer"},
		{"two blocks", "a<think>x</think>b<think>y</think>c", "abc", "abc"},
		{"open block", "Answer<think>still thinking", "Answer", "Answer"},
		{"stray closer", "reasoning here</think>Answer", "Answer", "Answer"},
		{"partial opener at end", "Answer <thi", "Answer <thi", "Answer "},
		{"partial closer at end", "Answer </th", "Answer </th", "Answer "},
		{"a lone angle bracket", "a < b", "a < b", "a < b"},
		{"bracket at end", "a <", "a <", "a "},
		{"not a tag", "<b>bold</b>", "<b>bold</b>", "<b>bold</b>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripThink(tt.in, true); got != tt.final {
				t.Errorf("final: got %q, want %q", got, tt.final)
			}
			if got := stripThink(tt.in, false); got != tt.streaming {
				t.Errorf("streaming: got %q, want %q", got, tt.streaming)
			}
		})
	}
}

func testGrounds() *grounds {
	return &grounds{
		lang:    "zh",
		ids:     []string{"capital", "segment"},
		allowed: map[string]bool{"capital": true, "segment": true},
		corpus: map[string]string{
			"capital": "未必死于缺卡,一定死于缺钱\n1.53亿美元\n营收1100万美元",
			"segment": "C端用户不愿付费 50%",
		},
		user: "我们每月烧 200万美元",
	}
}

func TestFilterCitations(t *testing.T) {
	allowed := map[string]bool{"capital": true, "on-device": true}
	tests := []struct {
		name    string
		in      string
		final   bool
		text    string
		valid   []string
		dropped []string
	}{
		{"valid backticks", "see `capital`.", true, "see `capital`.", []string{"capital"}, nil},
		{"valid brackets", "see [on-device].", true, "see [on-device].", []string{"on-device"}, nil},
		{"invented", "see `moat` and [talent] and `capital`", true, "see and and `capital`", []string{"capital"}, []string{"moat", "talent"}},
		{"repeat counted once", "`moat` `moat`", true, "", nil, []string{"moat"}},
		{"brackets go with it", "risk (`moat`) and (`capital`、`moat`).", true, "risk and (`capital`).", []string{"capital"}, []string{"moat"}},
		{"separators go with it", "风险:`capital`、`moat`、`on-device`。", true, "风险:`capital`、`on-device`。", []string{"capital", "on-device"}, []string{"moat"}},
		{"a space before punctuation goes", "see `capital`, `moat`.", true, "see `capital`.", []string{"capital"}, []string{"moat"}},
		{"first on its line", "`moat` 风险\n`moat` 二", true, "风险\n二", nil, []string{"moat"}},
		{"removal at the end waits for what follows", "risk (`moat`", false, "risk", nil, []string{"moat"}},
		{"not an ID", "run `go test ./...` or [1]", true, "run `go test ./...` or [1]", nil, nil},
		{"uppercase is prose", "`Capital`", true, "`Capital`", nil, nil},
		{"open span held back", "see `cap", false, "see", nil, nil},
		{"open span that is prose is shown", "see `Stability AI", false, "see `Stability AI", nil, nil},
		{"open span at the end, final", "see `cap", true, "see `cap", nil, nil},
		{"lone backtick streaming", "a `", false, "a", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := filterCitations(tt.in, allowed, tt.final)
			if r.text != tt.text || !slices.Equal(r.valid, tt.valid) || !slices.Equal(r.dropped, tt.dropped) {
				t.Errorf("got %q valid %q dropped %q; want %q %q %q", r.text, r.valid, r.dropped, tt.text, tt.valid, tt.dropped)
			}
		})
	}
}

func TestExtractFigures(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"成本1.53亿美元,收入1100万美元", []string{"1.53亿美元", "1100万美元"}},
		{"融资20亿,毛利50%", []string{"20亿", "50%"}},
		{"burned $153M and $2.5 billion", []string{"$153M", "$2.5 billion"}},
		{"grew 3x to 10 GW", []string{"3x", "10 GW"}},
		{"in 2023 there were 7 modes", nil},
		{"1,000万元", []string{"1,000万元"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var got []string
			for _, f := range extractFigures(tt.in) {
				got = append(got, tt.in[f[0]:f[1]])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name   string
		raw    string
		text   string
		checks Checks
		usable bool
	}{
		{"clean", "最大风险是 `capital`:对标 1.53亿美元。", "最大风险是 `capital`:对标 1.53亿美元。", Checks{}, true},
		{"invented citation and figure", "<think>hm</think>风险是 `capital` 和 `moat`:亏损 3.2亿美元。",
			"风险是 `capital` 和:亏损 3.2亿美元(未核实)。", Checks{DroppedCitations: []string{"moat"}, FlaggedFigures: []string{"3.2亿美元"}}, true},
		{"figure from the question", "你每月烧 200万美元,见 `capital`", "你每月烧 200万美元,见 `capital`", Checks{}, true},
		{"figure from an uncited entry", "`capital`: 50% 的人不付费", "`capital`: 50%(未核实) 的人不付费", Checks{FlaggedFigures: []string{"50%"}}, true},
		{"cited later in its sentence", "50% 的人不付费 `segment`。1.53亿美元 `capital`", "50% 的人不付费 `segment`。1.53亿美元 `capital`", Checks{}, true},
		{"cited in a later sentence", "1.53亿美元 `segment`。见 `capital`", "1.53亿美元(未核实) `segment`。见 `capital`", Checks{FlaggedFigures: []string{"1.53亿美元"}}, true},
		{"before any citation, every entry counts", "50% 不付费。\n见 `capital`", "50% 不付费。\n见 `capital`", Checks{}, true},
		{"cites nothing", "钱很重要。", "钱很重要。\n\n来源:`capital`、`segment`", Checks{}, true},
		{"only reasoning", "<think>everything</think>  ", "", Checks{}, false},
		{"only invented citations", "`moat`", "", Checks{DroppedCitations: []string{"moat"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, checks, usable := testGrounds().check(tt.raw)
			if text != tt.text || usable != tt.usable {
				t.Errorf("got %q usable=%v, want %q usable=%v", text, usable, tt.text, tt.usable)
			}
			if diff := cmp.Diff(tt.checks, checks); diff != "" {
				t.Errorf("checks (-want +got):\n%s", diff)
			}
		})
	}
}

// streamViews feeds s to a streaming view in the pieces cut at cuts and
// returns every view shown.
func streamViews(gr *grounds, s string, cuts []int) []string {
	var views []string
	prev := 0
	for _, c := range append(cuts, len(s)) {
		if c < prev || c > len(s) {
			continue
		}
		views = append(views, gr.streamView(s[:c]))
		prev = c
	}
	return views
}

func FuzzThinkNeverStreams(f *testing.F) {
	f.Add("Answer: ", "secret plan", " the end", 3, 9)
	f.Add("", "x", "`capital`", 1, 2)
	f.Add("a<", "deep", "</b>", 0, 20)
	f.Fuzz(func(t *testing.T, before, secret, after string, c1, c2 int) {
		if secret == "" || strings.ContainsAny(secret, "<>") || strings.Contains(before+after, secret) ||
			strings.Contains(before+after, "think>") || !utf8.ValidString(before+secret+after) ||
			strings.Contains(sourcesLine("zh", testGrounds().ids), secret) {
			t.Skip()
		}
		s := before + thinkOpen + secret + thinkClose + after
		gr := testGrounds()
		for _, v := range streamViews(gr, s, []int{abs(c1) % (len(s) + 1), abs(c2) % (len(s) + 1)}) {
			if strings.Contains(v, secret) || strings.Contains(v, "<think") || strings.Contains(v, "</think") {
				t.Fatalf("a streamed view leaked reasoning: %q", v)
			}
		}
		if text := stripThink(s, true); strings.Contains(text, secret) {
			t.Fatalf("the final text leaked reasoning: %q", text)
		}
	})
}

func FuzzInventedCitationsNeverStream(f *testing.F) {
	f.Add("see ", " now", 5, 7)
	f.Add("[", "]", 1, 1)
	f.Fuzz(func(t *testing.T, before, after string, c1, c2 int) {
		if strings.Contains(before+after, "moat") {
			t.Skip()
		}
		s := before + "`moat` and [moat]" + after
		gr := testGrounds()
		for _, v := range streamViews(gr, s, []int{abs(c1) % (len(s) + 1), abs(c2) % (len(s) + 1)}) {
			if strings.Contains(v, "`moat`") || strings.Contains(v, "[moat]") {
				t.Fatalf("a streamed view shows an invented citation: %q", v)
			}
		}
		if text, _, _ := gr.check(s); strings.Contains(text, "`moat`") || strings.Contains(text, "[moat]") {
			t.Fatalf("the final text shows an invented citation: %q", text)
		}
	})
}

func FuzzFigures(f *testing.F) {
	for _, s := range []string{"成本1.53亿美元", "$153M", "50%", "3.12亿", "1,000万元 and 10 GW"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		figs := extractFigures(s)
		for _, fg := range figs {
			if fg[0] < 0 || fg[1] > len(s) || fg[0] >= fg[1] {
				t.Fatalf("bad offsets %v in %q", fg, s)
			}
		}
		// A text's figures are all in the text itself.
		if _, flagged := checkFigures(s, s, "en"); len(flagged) != 0 {
			t.Fatalf("checkFigures(s, s) flagged %q in %q", flagged, s)
		}
		// Against nothing, every figure is flagged and only marks are added.
		marked, flagged := checkFigures(s, "", "en")
		if len(flagged) != len(figs) || strings.ReplaceAll(marked, " (unverified)", "") != strings.ReplaceAll(s, " (unverified)", "") {
			t.Fatalf("checkFigures(s, \"\") = %q, %q for %q", marked, flagged, s)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// FuzzStreamFastPath checks that the emitter's shortcut (appending plain
// text to a settled view) shows exactly what recomputing the whole view
// would, whatever the chunking.
func FuzzStreamFastPath(f *testing.F) {
	f.Add("a <thi", "nk>x</think> see `capi", "tal` and [moat] 1.5亿", "<", 3)
	f.Add("`Stability AI", "` and `moat`", "", "`", 1)
	f.Fuzz(func(t *testing.T, c1, c2, c3, c4 string, reps int) {
		gr := testGrounds()
		var shown []string
		e := newEmitter(func(s string) { shown = append(shown, s) })
		feed := e.stream(gr)
		raw := ""
		for _, c := range []string{c1, c2, c3, c4, c1} {
			raw += c
			before := len(shown)
			feed(c)
			want := gr.streamView(raw)
			got := e.last
			if len(shown) == before && want != "" && want != e.last {
				t.Fatalf("after %q nothing was shown, want %q (last %q)", raw, want, e.last)
			}
			if want != "" && got != want {
				t.Fatalf("after %q the view is %q, want %q", raw, got, want)
			}
		}
	})
}
