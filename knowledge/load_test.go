package knowledge

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func mustLoad(t testing.TB, packs ...string) *Base {
	t.Helper()
	b, err := Load(packs...)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return b
}

// citations lists every citation the product can show, with where it sits.
func citations(b *Base) map[string]Citation {
	out := map[string]Citation{}
	claims := func(where string, cs []Claim) {
		for i, c := range cs {
			for j, ci := range c.Citations {
				out[fmt.Sprintf("%s[%d].citations[%d]", where, i, j)] = ci
			}
		}
	}
	for _, m := range b.Modes {
		out["mode "+m.ID+" heading"] = m.Heading
		claims("mode "+m.ID+" signals", m.Signals)
		claims("mode "+m.ID+" actions", m.Actions)
		claims("mode "+m.ID+" evidence", m.Evidence)
	}
	for _, x := range b.Benchmarks {
		out["benchmark "+x.ID] = x.Citation
	}
	for _, c := range b.Cases {
		for j, ci := range c.Citations {
			out[fmt.Sprintf("case %s citations[%d]", c.ID, j)] = ci
		}
		claims("case "+c.ID+" claims", c.Claims)
	}
	for _, s := range b.Stances {
		for j, ci := range s.Citations {
			out[fmt.Sprintf("stance %s citations[%d]", s.Mode, j)] = ci
		}
	}
	return out
}

// TestEveryQuoteIsVerbatim checks, independently of the loader's own
// validation, that every quote the product can show, in the embedded data
// and in a generated pack, appears verbatim in its paragraph.
func TestEveryQuoteIsVerbatim(t *testing.T) {
	dir := t.TempDir()
	if err := GeneratePack(dir, 200); err != nil {
		t.Fatal(err)
	}
	b := mustLoad(t, dir)
	a, err := ParseArticle(ArticleText())
	if err != nil {
		t.Fatal(err)
	}
	all := citations(b)
	for where, c := range all {
		if c.Paragraph < 1 || c.Paragraph > len(a.Paragraphs) || c.Quote == "" ||
			!strings.Contains(a.Paragraphs[c.Paragraph-1], c.Quote) {
			t.Errorf("%s: ¶%d 「%s」 is not verbatim in the article", where, c.Paragraph, c.Quote)
		}
	}
	for _, x := range b.Benchmarks {
		if !strings.Contains(x.Citation.Quote, x.Text) {
			t.Errorf("benchmark %s: figure %q not inside its quote", x.ID, x.Text)
		}
	}
	if len(all) < 300 {
		t.Errorf("only %d citations checked", len(all))
	}
}

func TestLoadEmbedded(t *testing.T) {
	b := mustLoad(t)
	var ids []string
	for _, m := range b.Modes {
		ids = append(ids, m.ID)
	}
	if !slices.Equal(ids, ModeIDs) {
		t.Errorf("modes %v, want %v in article order", ids, ModeIDs)
	}
	if len(b.Benchmarks) < 30 || len(b.Cases) < 15 {
		t.Errorf("%d benchmarks and %d cases, want at least 30 and 15", len(b.Benchmarks), len(b.Cases))
	}
	if !regexp.MustCompile(`^kb-[0-9a-f]{8}$`).MatchString(b.Version) {
		t.Errorf("version %q, want kb- and 8 hex digits", b.Version)
	}
	if again := mustLoad(t); again.Version != b.Version {
		t.Errorf("version not stable: %s then %s", b.Version, again.Version)
	}
	if m, ok := b.Mode("capital"); !ok || m.Title.EN == "" {
		t.Errorf("Mode(capital) = %v, %v", m, ok)
	}
	if x, ok := b.Benchmark("stability-cost-2023"); !ok || x.Value != 153e6 || x.Text != "1.53亿美元" {
		t.Errorf("Benchmark(stability-cost-2023) = %+v, %v", x, ok)
	}
	if c, ok := b.Case("zhipu"); !ok || !slices.Contains(c.Aliases, "GLM") {
		t.Errorf("Case(zhipu) = %+v, %v", c, ok)
	}
	if _, ok := b.Mode("nope"); ok {
		t.Error("Mode(nope) found")
	}
}

// TestFiguresTheIssueNames pins the figures other parts and outside checks
// rely on: text as written, value in base units.
func TestFiguresTheIssueNames(t *testing.T) {
	b := mustLoad(t)
	want := []struct {
		id, text string
		value    float64
		unit     string
	}{
		{"stability-cost-2023", "1.53亿美元", 153e6, "USD"},
		{"stability-revenue-2023", "1100万美元", 11e6, "USD"},
		{"openai-revenue-2023", "20亿美元", 2e9, "USD"},
		{"openai-revenue-doubling-2025", "翻倍", 2, "ratio"},
		{"sequoia-gpu-spend-2023", "500亿美元", 50e9, "USD"},
		{"sequoia-ai-revenue-2023", "30亿美元", 3e9, "USD"},
		{"others-revenue-2023", "10亿美元", 1e9, "USD"},
		{"chatgpt-traffic-fall-2023", "21%", 21, "percent"},
		{"sd-image-share", "80%", 80, "percent"},
		{"sd-image-count", "125.9 亿张", 12.59e9, "count"},
		{"zhipu-private-cloud-price", "120万元/年", 1.2e6, "CNY-per-year"},
		{"zhipu-private-onprem-price", "3690万元/年", 36.9e6, "CNY-per-year"},
		{"zhipu-characterglm-price", "0.015元/千Tokens", 0.015, "CNY-per-1k-tokens"},
		{"code-assist-pay-share", "50%以上", 50, "percent"},
		{"qianfan-enterprises-2024", "8.5万家企业", 85000, "count"},
		{"volcano-llm-share", "七成以上", 70, "percent"},
		{"consumer-paying-users", "10万级", 1e5, "count"},
		{"gpt3-training-energy", "1287兆瓦时", 1287, "MWh"},
		{"unicorn-valuation", "超过10亿美元", 1e9, "USD"},
	}
	for _, w := range want {
		x, ok := b.Benchmark(w.id)
		if !ok {
			t.Errorf("no benchmark %s", w.id)
			continue
		}
		if x.Text != w.text || x.Value != w.value || x.Unit != w.unit {
			t.Errorf("%s = %q %v %s, want %q %v %s", w.id, x.Text, x.Value, x.Unit, w.text, w.value, w.unit)
		}
	}
}

// TestModesAreComplete holds the embedded modes to the shape the product
// promises: enough signals and actions, evidence, cases, figures, keywords,
// and lists that agree in both directions.
func TestModesAreComplete(t *testing.T) {
	b := mustLoad(t)
	for _, m := range b.Modes {
		if p, _ := b.Article.Paragraph(m.Heading.Paragraph); p != m.Heading.Quote {
			t.Errorf("%s: heading %q is not the whole paragraph %d %q", m.ID, m.Heading.Quote, m.Heading.Paragraph, p)
		}
		if n := len(m.Signals); n < 4 || n > 6 {
			t.Errorf("%s: %d signals, want 4-6", m.ID, n)
		}
		if n := len(m.Actions); n < 3 || n > 5 {
			t.Errorf("%s: %d actions, want 3-5", m.ID, n)
		}
		if len(m.Evidence) == 0 || len(m.Cases) == 0 || len(m.Benchmarks) == 0 {
			t.Errorf("%s: needs evidence, cases and benchmarks", m.ID)
		}
		if len(m.Keywords.ZH) < 10 || len(m.Keywords.EN) < 10 {
			t.Errorf("%s: %d zh and %d en keywords, want 10 each", m.ID, len(m.Keywords.ZH), len(m.Keywords.EN))
		}
	}
	for _, x := range b.Benchmarks {
		for _, id := range x.Modes {
			if m, _ := b.Mode(id); !slices.Contains(m.Benchmarks, x.ID) {
				t.Errorf("benchmark %s names mode %s, which does not list it", x.ID, id)
			}
		}
	}
	for _, c := range b.Cases {
		for _, id := range c.Modes {
			if m, _ := b.Mode(id); !slices.Contains(m.Cases, c.ID) {
				t.Errorf("case %s names mode %s, which does not list it", c.ID, id)
			}
		}
	}
}

func TestGeneratePackLoads(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "big")
	if err := GeneratePack(dir, 1000); err != nil {
		t.Fatal(err)
	}
	base := mustLoad(t)
	b := mustLoad(t, dir)
	if got := len(b.Benchmarks) - len(base.Benchmarks); got != 1000 {
		t.Errorf("pack added %d benchmarks, want 1000", got)
	}
	if got := len(b.Cases) - len(base.Cases); got != 100 {
		t.Errorf("pack added %d cases, want 100", got)
	}
	x, ok := b.Benchmark("pack-bench-420")
	if !ok || x.Entity != "pack-case-42" || !strings.Contains(x.Label.ZH, "样例公司42号") {
		t.Errorf("pack-bench-420 = %+v, %v", x, ok)
	}
	if b.Version == base.Version {
		t.Error("a pack does not change the version")
	}
	if err := GeneratePack(dir, 0); err == nil {
		t.Error("GeneratePack(0) succeeded")
	}
}
