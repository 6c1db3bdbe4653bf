package assess

import (
	"bytes"
	"image"
	_ "image/jpeg"
	"image/png"
	"os"
	"strings"
	"testing"
)

func TestChartDecodes(t *testing.T) {
	kb := testKB(t)
	for _, tt := range []struct{ name, profile, lang string }{
		{"stability zh", "../examples/stability.yaml", "zh"},
		{"code en", "../examples/code-assistant.yaml", "en"},
		{"empty zh", "testdata/profiles/empty.yaml", "zh"},
		{"consumer chat en", "../examples/consumer-chat.yaml", "en"},
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

// TestChartGlyphs: every Chinese word the chart can draw has its glyphs
// in the embedded subset font.
func TestChartGlyphs(t *testing.T) {
	f, err := parseCJK()
	if err != nil {
		t.Fatal(err)
	}
	words := append(mapValues(chartLabels["zh"]), mapValues(chartWords["zh"])...)
	for _, l := range Levels {
		words = append(words, LevelName(l, "zh"))
	}
	for _, fl := range Fields {
		words = append(words, fl.Label.ZH)
	}
	for _, s := range words {
		for _, r := range s {
			if r > 0x2000 && f.Index(r) == 0 {
				t.Errorf("%q: %q has no glyph in font/cjk-subset.ttf (add it to font/chars.txt)", s, r)
			}
		}
	}
}

func TestChartFormats(t *testing.T) {
	a := Score(testKB(t), loadProfile(t, "../examples/stability.yaml"))
	for _, tt := range []struct{ path, format string }{{"r.png", "png"}, {"r.JPG", "jpeg"}, {"r.jpeg", "jpeg"}, {"r.gif", ""}, {"r", ""}} {
		got, err := ChartFormatFor(tt.path)
		if got != tt.format || (err == nil) != (tt.format != "") {
			t.Errorf("ChartFormatFor(%q) = %q, %v; want %q", tt.path, got, err, tt.format)
			continue
		}
		if tt.format == "" {
			continue
		}
		var buf bytes.Buffer
		if err := a.WriteChartAs(&buf, "en", got); err != nil {
			t.Fatal(err)
		}
		_, kind, err := image.Decode(&buf)
		if err != nil || kind != tt.format {
			t.Errorf("%s: decoded as %q, %v", tt.path, kind, err)
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
	a := Score(testKB(b), loadProfile(b, "../examples/stability.yaml"))
	for b.Loop() {
		var buf bytes.Buffer
		if err := a.WriteChart(&buf, "zh"); err != nil {
			b.Fatal(err)
		}
	}
}
