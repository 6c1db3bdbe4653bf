package advisor

import (
	"strings"
	"testing"

	"github.com/premortem/premortem/knowledge"
)

func TestQueryKeys(t *testing.T) {
	got := queryKeys("账上只剩 Runway, burn 2M")
	want := []string{"账上", "上只", "只剩", "runway", "burn"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("queryKeys = %q, want %q", got, want)
	}
}

func TestGroundLimits(t *testing.T) {
	a := builtinAdvisor(t)
	ix := knowledge.NewIndex(a.KB())
	for _, q := range []string{"what is the biggest risk for my AI startup?", "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?", "明天北京天气怎么样"} {
		g := a.ground(ix.Search(q), DetectLang(q), nil)
		if g.Risks == nil || g.Benchmarks == nil {
			t.Errorf("%q: nil risks or benchmarks; the JSON contract wants []", q)
		}
		if len(g.Risks) > maxRisks || len(g.Risks) != len(g.Modes) {
			t.Errorf("%q: %d risks, %d grounded modes", q, len(g.Risks), len(g.Modes))
		}
		for i, r := range g.Risks {
			if r.Why == "" || len(r.Citations) == 0 || r.Citations[len(r.Citations)-1] != g.Modes[i].Mode.Heading {
				t.Errorf("%q: risk %s lacks a why or the heading citation (last): %+v", q, r.ID, r)
			}
			if len(g.Modes[i].Evidence) > 0 && r.Citations[0] != g.Modes[i].Evidence[0].Citations[0] {
				t.Errorf("%q: risk %s: the first citation should be its evidence: %+v", q, r.ID, r.Citations)
			}
			if i > 0 && r.Score > g.Risks[i-1].Score {
				t.Errorf("%q: risks out of order", q)
			}
		}
	}
}

func TestGroundEvidenceFits(t *testing.T) {
	a := builtinAdvisor(t)
	ix := knowledge.NewIndex(a.KB())
	q := "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?"
	g := a.ground(ix.Search(q), DetectLang(q), nil)
	for _, gm := range g.Modes {
		if len(gm.Evidence) == 0 {
			t.Errorf("%s: no evidence", gm.Mode.ID)
		}
		for _, e := range gm.Evidence {
			if strings.Contains(e.Text.ZH, "代码辅助") {
				t.Errorf("%s: evidence about code assistance for a text-to-image question: %s", gm.Mode.ID, e.Text.ZH)
			}
		}
	}
}
