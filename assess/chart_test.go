package assess

import (
	"bytes"
	"image/png"
	"os"
	"strings"
	"testing"
)

func TestChartDecodes(t *testing.T) {
	kb := testKB(t)
	for _, tt := range []struct{ name, profile, lang string }{
		{"stability zh", "testdata/profiles/stability.yaml", "zh"},
		{"code en", "testdata/profiles/code-assistant.yaml", "en"},
		{"empty zh", "testdata/profiles/empty.yaml", "zh"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Score(kb, loadProfile(t, tt.profile)).WriteChart(&buf, tt.lang); err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if b := img.Bounds(); b.Dx() != ChartWidth || b.Dy() != ChartHeight {
				t.Errorf("size %v, want %dx%d", b, ChartWidth, ChartHeight)
			}
			if os.Getenv("ASSESS_CHART_OUT") != "" {
				os.WriteFile(os.Getenv("ASSESS_CHART_OUT")+"-"+strings.ReplaceAll(tt.name, " ", "-")+".png", buf.Bytes(), 0o644)
			}
		})
	}
}

func TestChartLabelsInFont(t *testing.T) {
	f, err := parseCJK()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range append(mapValues(chartLabels["zh"]), chartTitles["zh"]) {
		for _, r := range s {
			if f.Index(r) == 0 {
				t.Errorf("%q: %q has no glyph in font/cjk-subset.ttf", s, r)
			}
		}
	}
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

func BenchmarkChart(b *testing.B) {
	a := Score(testKB(b), loadProfile(b, "testdata/profiles/stability.yaml"))
	for b.Loop() {
		var buf bytes.Buffer
		if err := a.WriteChart(&buf, "zh"); err != nil {
			b.Fatal(err)
		}
	}
}
