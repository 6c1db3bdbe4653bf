package render

import (
	"context"
	"encoding/json"
	"flag"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/internal/goldenfile"
	"github.com/premortem/premortem/knowledge"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// firstView is about what a phone shows without scrolling far: the issue's
// bound on an answer's first message, in visible units.
const firstView = 1500

// TestAnswerGolden lays out real answers of the builtin composer (and
// model answers made from them) and compares the payloads with
// testdata/answer/NAME.json. Every payload keeps Discord's limits, shows no
// terminal command, says no sentence twice and quotes the article
// verbatim.
func TestAnswerGolden(t *testing.T) {
	kb := loadKB(t)
	adv := advisor.New(advisor.Options{KB: kb, Search: knowledge.NewIndex(kb)})
	ask := func(q string, history ...advisor.Turn) *advisor.Answer {
		t.Helper()
		ans, err := adv.Ask(context.Background(), advisor.Request{Question: q, History: history})
		if err != nil {
			t.Fatal(err)
		}
		return ans
	}
	zhThreat := ask("我们是做开源文生图的,钱还能烧一年,最大的风险是什么?")
	zhView := Visible(Answer(zhThreat, kb, AnswerOptions{})[0])
	model := *zhThreat
	model.Text = "你们最大的风险是 `scenario`:文生图赛道已被 Midjourney 等巨头垄断,Stability AI 也没跑通。其次是 `capital`,一年跑道不够长。"
	model.Model, model.ModelCited = advisor.ModelInfo{Backend: "hosted", Name: "deepseek-chat"}, []string{"scenario", "capital"}
	fallback := *ask("We open-sourced our weights. How do we make money now?")
	fallback.Model.FallbackFrom = "hosted"
	for _, tc := range []struct {
		name string
		ans  *advisor.Answer
		o    AnswerOptions
	}{
		{"zh-threat", zhThreat, AnswerOptions{}},
		{"en-open-source", ask("We open-sourced our weights. How do we make money now?"), AnswerOptions{}},
		{"zh-cost", ask("我们一年成本3000万,收入只有200万,账上的钱还能撑8个月,怎么办?"), AnswerOptions{}},
		{"en-stance", ask("Should we spend our round on GPUs or keep the cash?"), AnswerOptions{}},
		{"zh-figure", ask("Stability AI 2023年的成本是多少?"), AnswerOptions{}},
		{"zh-off-topic", ask("今天北京天气怎么样?"), AnswerOptions{}},
		{"zh-follow-up", ask("具体该怎么做?", advisor.Turn{Text: "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?"}, advisor.Turn{FromBot: true, Text: zhView}),
			AnswerOptions{Said: zhView, Notice: T("zh", "older")}},
		{"zh-model", &model, AnswerOptions{}},
		{"en-fallback", &fallback, AnswerOptions{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			msgs := Answer(tc.ans, kb, tc.o)
			checkChat(t, kb, msgs)
			t.Logf("%d messages, first view %d units", len(msgs), Units(Visible(msgs[0])))
			if n := Units(Visible(msgs[0])); n > firstView {
				t.Errorf("first view is %d units; want at most %d", n, firstView)
			}
			golden(t, filepath.Join("testdata", "answer", tc.name+".json"), kb, msgs)
		})
	}
}

// golden compares v, as indented JSON with the knowledge version masked,
// with the file at path (rewritten with -update).
func golden(t *testing.T, path string, kb *knowledge.Base, v any) {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(string(b), kb.Version, "KB") + "\n"
	goldenfile.Check(t, path, got, *update, "go test ./bot/render -update")
}

var (
	quoteRe    = regexp.MustCompile(`「([^」]+)」\(¶(\d+)\)`)
	sentenceRe = regexp.MustCompile(`[。!?\n]|\. |; |;`)
)

// checkChat fails for a payload over one of Discord's limits, with a
// terminal command, a sentence said twice or a quote not verbatim in its
// paragraph.
func checkChat(t *testing.T, kb *knowledge.Base, msgs []*discordgo.InteractionResponseData) {
	t.Helper()
	seen := map[string]bool{}
	for i, m := range msgs {
		if err := Check(m); err != nil {
			t.Errorf("message %d: %v", i, err)
		}
		text := Visible(m)
		if strings.Contains(text, "premortem ") {
			t.Errorf("message %d shows a terminal command:\n%s", i, text)
		}
		for _, q := range quoteRe.FindAllStringSubmatch(text, -1) {
			n, _ := strconv.Atoi(q[2])
			p, ok := kb.Article.Paragraph(n)
			if quote := strings.TrimSuffix(q[1], "…"); !ok || !strings.Contains(p, quote) {
				t.Errorf("quote 「%s」 is not in paragraph %d", q[1], n)
			}
		}
		for _, s := range sentenceRe.Split(text, -1) {
			s = strings.Trim(s, " *>-•→`")
			if len([]rune(s)) < 12 {
				continue
			}
			if seen[s] {
				t.Errorf("said twice: %q", s)
			}
			seen[s] = true
		}
	}
}

// BenchmarkAnswer lays out a builtin answer with three cited risks.
func BenchmarkAnswer(b *testing.B) {
	kb := loadKB(b)
	adv := advisor.New(advisor.Options{KB: kb, Search: knowledge.NewIndex(kb)})
	ans, err := adv.Ask(context.Background(), advisor.Request{Question: "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?"})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		Answer(ans, kb, AnswerOptions{})
	}
}
