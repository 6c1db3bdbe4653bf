package knowledge

import (
	"regexp"
	"strings"
	"testing"
)

// TestStances checks each fixed mode has exactly one stance, complete, and
// pins the quotes the issue names for capital.
func TestStances(t *testing.T) {
	b := mustLoad(t)
	count := map[string]int{}
	for _, s := range b.Stances {
		count[s.Mode]++
	}
	for _, id := range ModeIDs {
		if count[id] != 1 {
			t.Errorf("mode %s has %d stances, want 1", id, count[id])
		}
		s, ok := b.Stance(id)
		if !ok {
			t.Errorf("Stance(%s) not found", id)
			continue
		}
		for name, x := range map[string]Text{"dilemma": s.Dilemma, "answer": s.Answer, "first": s.First} {
			if x.ZH == "" || x.EN == "" {
				t.Errorf("stance %s: %s lacks a language: %+v", id, name, x)
			}
		}
		if !strings.HasSuffix(s.Dilemma.ZH, "?") || !strings.HasSuffix(s.Dilemma.EN, "?") {
			t.Errorf("stance %s: dilemma is not a question: %+v", id, s.Dilemma)
		}
		if n := len(s.Citations); n < 1 || n > maxStanceCitations {
			t.Errorf("stance %s: %d citations", id, n)
		}
	}
	if len(b.Stances) != len(ModeIDs) {
		t.Errorf("%d stances, want %d", len(b.Stances), len(ModeIDs))
	}
	if _, ok := b.Stance("nope"); ok {
		t.Error("Stance(nope) found")
	}
	capital, _ := b.Stance("capital")
	for _, want := range []string{"缺卡,被行业渲染得过分可怕了。", "关键是不能缺钱。"} {
		found := false
		for _, c := range capital.Citations {
			found = found || strings.Contains(c.Quote, want)
		}
		if !found {
			t.Errorf("capital stance does not cite %q", want)
		}
	}
}

// number is a figure written in digits ("10万级" gives 10, "1.53亿" 1.53).
var number = regexp.MustCompile(`[0-9]+(\.[0-9]+)?`)

// TestStanceAndClaimFigures checks that every figure a stance or a case
// claim writes in Chinese is the article's: it appears in one of the
// entry's own quotes, so nothing shown is invented.
func TestStanceAndClaimFigures(t *testing.T) {
	b := mustLoad(t)
	check := func(where, text string, cs []Citation) {
		for _, n := range number.FindAllString(text, -1) {
			found := false
			for _, c := range cs {
				found = found || strings.Contains(c.Quote, n)
			}
			if !found {
				t.Errorf("%s: figure %s in %q is in none of its quotes", where, n, text)
			}
		}
	}
	for _, s := range b.Stances {
		check("stance "+s.Mode+" answer", s.Answer.ZH, s.Citations)
		check("stance "+s.Mode+" first", s.First.ZH, s.Citations)
	}
	for _, c := range b.Cases {
		for _, cl := range c.Claims {
			check("case "+c.ID+" claim", cl.Text.ZH, cl.Citations)
		}
	}
}

// TestFixedModeNeedsStance drops the embedded stances: loading must fail.
func TestFixedModeNeedsStance(t *testing.T) {
	art, err := ParseArticle(articleText)
	if err != nil {
		t.Fatal(err)
	}
	_, err = build(art, []source{
		{"embedded data/modes.yaml", modesYAML},
		{"embedded data/cases.yaml", casesYAML},
		{"embedded data/benchmarks.yaml", benchmarksYAML},
	})
	if want := `knowledge: the fixed failure mode "market" has no stance`; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}
