package assess

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
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
	st := Score(kb, loadProfile(t, "testdata/profiles/stability.yaml"))
	code := Score(kb, loadProfile(t, "testdata/profiles/code-assistant.yaml"))
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
	files, _ := filepath.Glob("testdata/profiles/*")
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
	p := loadProfile(t, "testdata/profiles/stability.yaml")
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
	p := loadProfile(t, "testdata/profiles/stability.yaml")
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
		if m.Score != 0 || m.Confidence != 0 {
			t.Errorf("empty profile %s = %d (confidence %v), want 0, 0", m.ID, m.Score, m.Confidence)
		}
	}
}

func TestGoldenReports(t *testing.T) {
	kb := testKB(t)
	files, _ := filepath.Glob("testdata/profiles/*")
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
	p := loadProfile(b, "testdata/profiles/stability.yaml")
	for b.Loop() {
		Score(kb, p).Report("zh")
	}
}
