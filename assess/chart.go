package assess

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// cjkFont is a 35-glyph subset of Droid Sans Fallback (Apache 2.0, see
// font/NOTICE): enough for the Chinese chart labels, small enough to embed.
//
//go:embed font/cjk-subset.ttf
var cjkFont []byte

// Chart size in pixels.
const (
	ChartWidth  = 800
	ChartHeight = 480
)

// chartLabels are the bar labels per language. The Chinese ones use only
// characters in the embedded subset font.
var chartLabels = map[string]map[string]string{
	"zh": {"market": "市场", "open-source": "开源", "scenario": "场景", "generality": "通用专业",
		"segment": "客群", "capital": "资金", "on-device": "端侧"},
	"en": {"market": "market", "open-source": "open-source", "scenario": "scenario", "generality": "generality",
		"segment": "segment", "capital": "capital", "on-device": "on-device"},
}

var chartTitles = map[string]string{"zh": "七种宿命：风险评分", "en": "Seven fates: risk scores"}

var levelColors = map[string]drawing.Color{
	"low":      drawing.ColorFromHex("4caf50"),
	"medium":   drawing.ColorFromHex("fbc02d"),
	"high":     drawing.ColorFromHex("fb8c00"),
	"critical": drawing.ColorFromHex("e53935"),
}

// WriteChart draws the seven scores as a bar chart (PNG, ChartWidth x
// ChartHeight), in the article's mode order, coloured by level.
func (a *Assessment) WriteChart(w io.Writer, lang string) error {
	if lang != "en" {
		lang = "zh"
	}
	var labelFont *truetype.Font
	if lang == "zh" {
		f, err := parseCJK()
		if err != nil {
			return fmt.Errorf("parse chart font: %w", err)
		}
		labelFont = f
	}
	var bars []chart.Value
	for _, id := range ModeIDs {
		m, _ := a.Mode(id)
		c := levelColors[Level(m.Score)]
		bars = append(bars, chart.Value{
			Label: chartLabels[lang][id],
			Value: float64(m.Score),
			Style: chart.Style{FillColor: c, StrokeColor: c, StrokeWidth: 1},
		})
	}
	bc := chart.BarChart{
		Title:      chartTitles[lang],
		TitleStyle: chart.Style{Font: labelFont, FontSize: 16},
		Width:      ChartWidth,
		Height:     ChartHeight,
		Background: chart.Style{Padding: chart.Box{Top: 48, Left: 16, Right: 16, Bottom: 16}},
		BarWidth:   70,
		XAxis:      chart.Style{Font: labelFont, FontSize: 12},
		YAxis: chart.YAxis{
			Range: &chart.ContinuousRange{Min: 0, Max: 100},
			Ticks: []chart.Tick{{Value: 0, Label: "0"}, {Value: 25, Label: "25"}, {Value: 50, Label: "50"}, {Value: 75, Label: "75"}, {Value: 100, Label: "100"}},
		},
		Bars: bars,
	}
	var buf bytes.Buffer
	if err := bc.Render(chart.PNG, &buf); err != nil {
		return fmt.Errorf("render chart: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func parseCJK() (*truetype.Font, error) { return truetype.Parse(cjkFont) }
