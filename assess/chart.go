package assess

import (
	"bytes"
	_ "embed"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"path/filepath"
	"strings"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/math/fixed"
)

// cjkFont is a subset of Droid Sans Fallback (Apache 2.0, see font/NOTICE)
// holding the Chinese characters the chart draws; Latin text and numbers
// use go-chart's Roboto.
//
//go:embed font/cjk-subset.ttf
var cjkFont []byte

// Chart size in pixels.
const (
	ChartWidth  = 800
	ChartHeight = 480
)

// ChartFormats maps the file extensions --chart accepts to image formats.
var ChartFormats = map[string]string{".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg"}

// ChartFormatFor returns the image format a chart file's name asks for.
func ChartFormatFor(path string) (string, error) {
	if f, ok := ChartFormats[strings.ToLower(filepath.Ext(path))]; ok {
		return f, nil
	}
	return "", fmt.Errorf("chart %s: name it .png or .jpg", filepath.Base(path))
}

// chartLabels are the bar labels per language. The Chinese ones use only
// characters in the embedded subset font.
var chartLabels = map[string]map[string]string{
	"zh": {"market": "市场", "open-source": "开源", "scenario": "场景", "generality": "通用专业",
		"segment": "客群", "capital": "资金", "on-device": "端侧"},
	"en": {"market": "market", "open-source": "open-source", "scenario": "scenario", "generality": "generality",
		"segment": "segment", "capital": "capital", "on-device": "on-device"},
}

// chartWords are the chart's other words; every Chinese character here
// must be in the subset font (TestChartGlyphs checks).
var chartWords = map[string]map[string]string{
	"zh": {"title": "七种宿命:风险评分", "overall": "总体风险", "unscored": "未评估", "level": "等级",
		"notenough": "回答太少,还不能评分", "first": "最值得先回答:", "sep": "、"},
	"en": {"title": "Seven fates: risk scores", "overall": "Overall", "unscored": "not scored", "level": "Level",
		"notenough": "Not enough answers to score yet", "first": "Answer first: ", "sep": ", "},
}

var levelColors = map[string]drawing.Color{
	"low":      drawing.ColorFromHex("4caf50"),
	"medium":   drawing.ColorFromHex("fbc02d"),
	"high":     drawing.ColorFromHex("fb8c00"),
	"critical": drawing.ColorFromHex("e53935"),
}

// levelBands are the score ranges the legend shows, by level.
var levelBands = map[string]string{"low": "0-24", "medium": "25-49", "high": "50-74", "critical": "75-100"}

// WriteChart draws the assessment as a PNG (ChartWidth x ChartHeight).
func (a *Assessment) WriteChart(w io.Writer, lang string) error {
	return a.WriteChartAs(w, lang, "png")
}

// WriteChartAs draws the seven scores as horizontal bars in the report's
// order (highest first), each with its score and level, coloured by level,
// with the overall verdict and a legend; format is "png" or "jpeg".
func (a *Assessment) WriteChartAs(w io.Writer, lang, format string) error {
	img, err := a.chartImage(normLang(lang))
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	switch format {
	case "png":
		err = png.Encode(&buf, img)
	case "jpeg":
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90})
	default:
		return fmt.Errorf("chart format %q: want png or jpeg", format)
	}
	if err != nil {
		return fmt.Errorf("encode chart: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// collector receives the renderer's image instead of a PNG.
type collector struct{ img image.Image }

func (c *collector) Write(p []byte) (int, error) { return len(p), nil }
func (c *collector) SetRGBA(i *image.RGBA)       { c.img = i }

func parseCJK() (*truetype.Font, error) { return truetype.Parse(cjkFont) }

// pen draws text in runs: Chinese in the subset font, the rest in Roboto.
type pen struct {
	r          chart.Renderer
	latin, cjk *truetype.Font
	size       float64
	color      drawing.Color
}

func newPen(r chart.Renderer) (*pen, error) {
	latin, err := chart.GetDefaultFont()
	if err != nil {
		return nil, fmt.Errorf("chart font: %w", err)
	}
	cjk, err := parseCJK()
	if err != nil {
		return nil, fmt.Errorf("chart font: %w", err)
	}
	return &pen{r: r, latin: latin, cjk: cjk, size: 12, color: drawing.ColorFromHex("333333")}, nil
}

// runs splits s into pieces of one font each.
func (p *pen) runs(s string) (parts []string, fonts []*truetype.Font) {
	for _, c := range s {
		f := p.latin
		if c > 0x2000 && p.cjk.Index(c) != 0 {
			f = p.cjk
		}
		if n := len(fonts); n > 0 && fonts[n-1] == f {
			parts[n-1] += string(c)
			continue
		}
		parts, fonts = append(parts, string(c)), append(fonts, f)
	}
	return parts, fonts
}

// width is s's advance width in pixels at the pen's size.
func (p *pen) width(s string) int {
	parts, fonts := p.runs(s)
	w := 0
	for i, part := range parts {
		w += p.advance(fonts[i], part)
	}
	return w
}

// advance is how far go-chart's rasteriser moves the pen over s: it scales
// glyphs by size x DPI in 26.6 fixed point, so measure the same way.
func (p *pen) advance(f *truetype.Font, s string) int {
	scale := fixed.Int26_6(p.size * p.r.GetDPI())
	x := 0.0
	prev, hasPrev := truetype.Index(0), false
	for _, c := range s {
		i := f.Index(c)
		if hasPrev {
			x += float64(f.Kern(scale, prev, i)) / 64
		}
		x += float64(f.HMetric(scale, i).AdvanceWidth) / 64
		prev, hasPrev = i, true
	}
	return int(x + 0.5)
}

// text draws s with its baseline at y, from x; it returns the end x.
func (p *pen) text(s string, x, y int) int {
	parts, fonts := p.runs(s)
	for i, part := range parts {
		p.r.SetFont(fonts[i])
		p.r.SetFontSize(p.size)
		p.r.SetFontColor(p.color)
		p.r.Text(part, x, y)
		x += p.advance(fonts[i], part)
	}
	return x
}

func box(r chart.Renderer, x0, y0, x1, y1 int, fill drawing.Color) {
	r.SetFillColor(fill)
	r.SetStrokeWidth(0)
	r.SetStrokeColor(fill)
	r.MoveTo(x0, y0)
	r.LineTo(x1, y0)
	r.LineTo(x1, y1)
	r.LineTo(x0, y1)
	r.Close()
	r.Fill()
}
