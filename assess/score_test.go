package assess

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

func f64(v float64) *float64 { return &v }
func yes() *bool             { b := true; return &b }
func no() *bool              { b := false; return &b }

func TestContractProfiles(t *testing.T) {
	kb := testKB(t)
	st := Score(kb, loadProfile(t, "../examples/stability.yaml"))
	code := Score(kb, loadProfile(t, "../examples/code-assistant.yaml"))
	for _, id := range []string{"market", "open-source", "capital"} {
		s, _ := st.Mode(id)
		if s.Level != "high" && s.Level != "critical" {
			t.Errorf("stability-like %s = %d (%s), want high or critical", id, s.Score, s.Level)
		}
		c, _ := code.Mode(id)
		if c.Level != "low" {
			t.Errorf("code-assistant %s = %d (%s), want low", id, c.Score, c.Level)
		}
	}
	top := map[string]bool{}
	for _, m := range st.Top(3) {
		top[m.ID] = true
	}
	if !top["market"] || !top["open-source"] || !top["capital"] {
		t.Errorf("stability-like top three = %v, want market, open-source, capital", st.Top(3))
	}
	if st.Overall <= code.Overall {
		t.Errorf("overall stability %d <= code %d", st.Overall, code.Overall)
	}
}

func TestCitationsVerbatim(t *testing.T) {
	kb := testKB(t)
	base := citer{kb: kb}.paragraphBase()
	files := profileFiles(t)
	for _, f := range files {
		a := Score(kb, loadProfile(t, f))
		for _, m := range a.Modes {
			for _, r := range m.Reasons {
				if len(r.Citations) == 0 {
					t.Errorf("%s: %s reason %q cites nothing", f, r.Rule, r.Text.EN)
				}
				for _, c := range r.Citations {
					i := c.Paragraph - base
					if i < 0 || i >= len(kb.Article.Paragraphs) || !strings.Contains(kb.Article.Paragraphs[i], c.Quote) {
						t.Errorf("%s: %s cites %d %q, not verbatim there", f, r.Rule, c.Paragraph, c.Quote)
					}
				}
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	kb := testKB(t)
	p := loadProfile(t, "../examples/stability.yaml")
	first, _ := json.Marshal(Score(kb, p).Report("en"))
	for range 5 {
		again, _ := json.Marshal(Score(kb, p).Report("en"))
		if !bytes.Equal(first, again) {
			t.Fatal("same profile, different report")
		}
	}
}

func TestUnknownLowersConfidenceNotScore(t *testing.T) {
	kb := testKB(t)
	p := loadProfile(t, "../examples/stability.yaml")
	full := Score(kb, p)
	p.MarketingVisibility = ""
	p.GPUAccess = ""
	less := Score(kb, p)
	for _, id := range []string{"market", "capital"} {
		a, _ := full.Mode(id)
		b, _ := less.Mode(id)
		if b.Confidence >= a.Confidence {
			t.Errorf("%s confidence %v -> %v, want lower", id, a.Confidence, b.Confidence)
		}
	}
	empty := Score(kb, Profile{})
	for _, m := range empty.Modes {
		if m.Score != 0 || m.Confidence != 0 || m.Scored {
			t.Errorf("empty profile %s = %d (confidence %v, scored %v), want 0, 0, unscored", m.ID, m.Score, m.Confidence, m.Scored)
		}
	}
}

// profileFiles are the shipped examples and the test-only profiles.
func profileFiles(t testing.TB) []string {
	t.Helper()
	a, _ := filepath.Glob("../examples/*.yaml")
	b, _ := filepath.Glob("../examples/*.json")
	c, _ := filepath.Glob("testdata/profiles/*")
	files := append(append(a, b...), c...)
	if len(files) < 6 {
		t.Fatalf("found only %d profiles", len(files))
	}
	return files
}

// TestConsumerChat is the founder: US$4 a month, 2,000 payers,
// US$100k revenue on US$2M cost. Consumers who will not pay is among the
// top three fates, fully answered.
func TestConsumerChat(t *testing.T) {
	a := Score(testKB(t), loadProfile(t, "../examples/consumer-chat.yaml"))
	var top []string
	for _, m := range a.Top(3) {
		top = append(top, m.ID)
	}
	seg, _ := a.Mode("segment")
	if !slices.Contains(top, "segment") || seg.Confidence != 1 {
		t.Errorf("top three %v, segment %d at confidence %v; want segment in the top three at 1", top, seg.Score, seg.Confidence)
	}
	for _, m := range a.Modes {
		for _, r := range m.Risks {
			if strings.Contains(r.Text.ZH, "声量") {
				t.Errorf("medium visibility gave the risk %q", r.Text.ZH)
			}
		}
	}
	if !a.Enough {
		t.Error("a full profile is not enough to score")
	}
}

func TestNotEnoughAnswers(t *testing.T) {
	kb := testKB(t)
	for _, f := range []string{"testdata/profiles/empty.yaml", "testdata/profiles/only-cost.yaml"} {
		a := Score(kb, loadProfile(t, f))
		rep := a.Report("zh")
		if a.Enough || rep.Enough || len(rep.Missing) == 0 || !strings.Contains(rep.Summary, "回答太少") || strings.Contains(rep.Summary, "风险低") {
			t.Errorf("%s: enough=%v missing=%v summary %q", f, a.Enough, rep.Missing, rep.Summary)
		}
		if en := a.Report("en").Summary; !strings.Contains(en, "Not enough answers") || !strings.Contains(en, "who pays you") {
			t.Errorf("%s: english summary %q", f, en)
		}
	}
}

// TestInapplicableQuestions: a consumer company is not asked about its
// enterprise customers, so their questions do not lower its confidence.
func TestInapplicableQuestions(t *testing.T) {
	p := Profile{Customers: "consumer", Scenario: "general-chat", PayingUsers: f64(2000), MonthlyPrice: f64(30), Currency: "CNY"}
	seg, _ := Score(testKB(t), p).Mode("segment")
	if seg.Confidence != 1 || len(seg.Unanswered) != 0 {
		t.Errorf("consumer segment confidence %v, unanswered %v; want 1, none", seg.Confidence, seg.Unanswered)
	}
	p.Customers = ""
	seg, _ = Score(testKB(t), p).Mode("segment")
	if !slices.Contains(seg.Unanswered, "hallucination_tolerance") {
		t.Errorf("customers unknown: unanswered %v should hold the enterprise questions", seg.Unanswered)
	}
}

// TestPointsGrowWithDistance: the further from the article's benchmark,
// the more points.
func TestPointsGrowWithDistance(t *testing.T) {
	kb := testKB(t)
	score := func(p Profile, id string) int { m, _ := Score(kb, p).Mode(id); return m.Score }
	users := func(n float64) Profile { return Profile{Customers: "consumer", PayingUsers: f64(n)} }
	if a, b := score(users(2000), "segment"), score(users(90000), "segment"); a <= b+20 {
		t.Errorf("2,000 payers %d, 90,000 payers %d: want far more points for 2,000", a, b)
	}
	cost := func(c float64) Profile { return Profile{AnnualCost: f64(c), AnnualRevenue: f64(1e6)} }
	if a, b, c := score(cost(2e6), "market"), score(cost(10e6), "market"), score(cost(20e6), "market"); !(a < b && b < c) {
		t.Errorf("cost/revenue 2x %d, 10x %d, 20x %d: want rising", a, b, c)
	}
	runway := func(m float64) Profile { return Profile{RunwayMonths: f64(m)} }
	if a, b := score(runway(3), "capital"), score(runway(18), "capital"); a <= b {
		t.Errorf("runway 3 months %d, 18 months %d", a, b)
	}
}

// TestFavoursApart: mitigating facts are listed in the founder's favour,
// never as risk reasons.
func TestFavoursApart(t *testing.T) {
	a := Score(testKB(t), loadProfile(t, "../examples/code-assistant.yaml"))
	if len(a.Favours()) < 3 {
		t.Errorf("favours %v", a.Favours())
	}
	for _, m := range a.Modes {
		if len(m.Reasons) != len(m.Risks)+len(m.Favours) {
			t.Errorf("%s: Reasons must still hold every finding (risks and favours)", m.ID)
		}
	}
	for _, m := range a.Modes {
		for _, r := range m.Risks {
			if r.Points <= 0 || r.Favour {
				t.Errorf("%s: reason %q with %d points listed as a risk", m.ID, r.Text.EN, r.Points)
			}
		}
	}
	rep := a.Report("zh")
	for _, p := range rep.InFavour {
		for _, r := range rep.Risks {
			if slices.Contains(r.Reasons, p.Text) {
				t.Errorf("%q is both a risk and in favour", p.Text)
			}
		}
	}
}

// TestExplained: every fate at medium or above has reasons and a first
// action.
func TestExplained(t *testing.T) {
	kb := testKB(t)
	for _, f := range profileFiles(t) {
		a := Score(kb, loadProfile(t, f))
		ids := map[string]bool{}
		for _, m := range a.Explained() {
			ids[m.ID] = true
			if len(m.Risks) == 0 || len(m.Actions) == 0 {
				t.Errorf("%s: %s explained without reasons or action", f, m.ID)
			}
		}
		for _, m := range a.Modes {
			if m.Score >= 25 && !ids[m.ID] {
				t.Errorf("%s: %s at %d is not explained", f, m.ID, m.Score)
			}
		}
	}
}

func TestGoldenReports(t *testing.T) {
	kb := testKB(t)
	files := profileFiles(t)
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		for _, lang := range []string{"zh", "en"} {
			t.Run(name+"."+lang, func(t *testing.T) {
				got, err := json.MarshalIndent(Score(kb, loadProfile(t, f)).Report(lang), "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, '\n')
				golden := filepath.Join("testdata", name+"."+lang+".golden")
				if *update {
					if err := os.WriteFile(golden, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update)", err)
				}
				if d := cmp.Diff(string(want), string(got)); d != "" {
					t.Errorf("report differs from %s (-want +got):\n%s", golden, d)
				}
			})
		}
	}
}

func BenchmarkScore(b *testing.B) {
	kb := testKB(b)
	p := loadProfile(b, "../examples/stability.yaml")
	for b.Loop() {
		Score(kb, p).Report("zh")
	}
}
