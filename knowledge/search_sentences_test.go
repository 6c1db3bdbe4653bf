package knowledge

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSentencesTieToModes: every sentence of the index belongs to at least
// one valid mode, article sentences are verbatim in their paragraph, claim
// sentences come from their mode's claims, and every mode has sentences of
// the article and of its claims.
func TestSentencesTieToModes(t *testing.T) {
	kb := loadForTest(t)
	ix := NewIndex(kb)
	if len(ix.sents.sents) == 0 {
		t.Fatal("the sentence index is empty")
	}
	perMode := map[string]map[string]int{}
	for _, st := range ix.sents.sents {
		if len(st.modes) == 0 {
			t.Errorf("sentence %q ties to no mode", st.text)
		}
		for _, m := range st.modes {
			if int(m) < 0 || int(m) >= len(kb.Modes) {
				t.Fatalf("sentence %q ties to mode index %d of %d", st.text, m, len(kb.Modes))
			}
			id := kb.Modes[m].ID
			if perMode[id] == nil {
				perMode[id] = map[string]int{}
			}
			perMode[id][st.field]++
		}
		switch st.field {
		case "article":
			if st.text != st.cite.Quote {
				t.Errorf("article sentence %q cites %q", st.text, st.cite.Quote)
			}
			if err := kb.Article.Verify(st.cite); err != nil {
				t.Errorf("article sentence: %v", err)
			}
		case "signal", "evidence", "action":
			if st.claim == nil || !strings.Contains(st.claim.Text.ZH+"\n"+st.claim.Text.EN, st.text) {
				t.Errorf("%s sentence %q is not from its claim", st.field, st.text)
			}
		case "title", "summary", "stance":
			if st.claim != nil {
				t.Errorf("%s sentence %q has a claim", st.field, st.text)
			}
		default:
			t.Errorf("sentence %q: unknown field %q", st.text, st.field)
		}
	}
	for _, m := range kb.Modes {
		if perMode[m.ID]["article"] == 0 || perMode[m.ID]["signal"] == 0 {
			t.Errorf("mode %s: sentences %v, want article and signal sentences", m.ID, perMode[m.ID])
		}
	}
}

// TestSentencesSkipFurniture: the title line, the closing lines that
// belong to no section and the publisher's notice are not indexed.
func TestSentencesSkipFurniture(t *testing.T) {
	kb := loadForTest(t)
	ix := NewIndex(kb)
	last := len(kb.Article.Paragraphs)
	for _, st := range ix.sents.sents {
		if st.field == "article" && (st.cite.Paragraph == 1 || st.cite.Paragraph == last) {
			t.Errorf("paragraph %d is indexed: %q", st.cite.Paragraph, st.text)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"开源也可以挣钱。比如智谱AI就开源了。", []string{"开源也可以挣钱", "比如智谱AI就开源了"}},
		{"缺卡,被行业渲染得过分可怕了。", []string{"缺卡,被行业渲染得过分可怕了"}},
		{"“我们不能……的模型。”美图一开始", []string{"我们不能", "的模型", "美图一开始"}},
		{"Costs US$1.53B. Revenue: US$11M; the gap grows!", []string{"Costs US$1.53B", "Revenue: US$11M", "the gap grows"}},
		{"真的吗?是的", []string{"真的吗", "是的"}},
		{"  ", nil},
	}
	for _, tc := range tests {
		var got []string
		for _, sp := range splitSentences(tc.in) {
			got = append(got, tc.in[sp[0]:sp[1]])
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("splitSentences(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

// TestSearchPassages: a mode's passages are its best sentences for the
// question, best first; article passages are quotable as they are.
func TestSearchPassages(t *testing.T) {
	kb := loadForTest(t)
	ix := NewIndex(kb)
	res := ix.Search("缺卡和缺钱哪个更要命?")
	if res.OffTopic() || res.Modes[0].ID != "capital" {
		t.Fatalf("modes %v, want capital first", ids(res.Modes))
	}
	ps := res.Modes[0].Passages
	if len(ps) == 0 || len(ps) > sentTop {
		t.Fatalf("capital has %d passages, want 1-%d", len(ps), sentTop)
	}
	if !strings.Contains(ps[0].Text, "缺卡") {
		t.Errorf("the best passage %q does not speak of 缺卡", ps[0].Text)
	}
	for i, p := range ps {
		if i > 0 && p.Score > ps[i-1].Score {
			t.Errorf("passage %d scores %v, above the one before it (%v)", i, p.Score, ps[i-1].Score)
		}
		if p.Field == "article" {
			if err := kb.Article.Verify(p.Citation); err != nil {
				t.Errorf("passage %q: %v", p.Text, err)
			}
		} else if (p.Field == "signal" || p.Field == "evidence" || p.Field == "action") && p.Claim == nil {
			t.Errorf("%s passage %q has no claim", p.Field, p.Text)
		}
	}
	if res := ix.Search("明天北京天气怎么样"); len(res.Modes) != 0 {
		t.Errorf("an off-topic question has passages")
	}
}
