package assess

import (
	"fmt"
	"image"
	"strings"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// Chart layout, in pixels.
const (
	chartMargin = 24
	chartLabelW = 178 // the bar labels' column
	chartValueW = 78  // room after the longest bar for its score and level
	chartTop    = 84  // first bar row
	chartRowH   = 46
	chartBarH   = 24
)

var (
	chartGrey  = drawing.ColorFromHex("888888")
	chartGrid  = drawing.ColorFromHex("e6e6e6")
	chartInk   = drawing.ColorFromHex("333333")
	chartWhite = drawing.ColorFromHex("ffffff")
)

func (a *Assessment) chartImage(lang string) (image.Image, error) {
	r, err := chart.PNG(ChartWidth, ChartHeight)
	if err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	box(r, 0, 0, ChartWidth, ChartHeight, chartWhite)
	p, err := newPen(r)
	if err != nil {
		return nil, err
	}
	words := chartWords[lang]
	a.drawHeader(p, lang, words)
	x0 := chartMargin + chartLabelW
	span := ChartWidth - chartMargin - chartValueW - x0
	bottom := chartTop + len(a.Modes)*chartRowH
	// Grid lines at the level boundaries, with their values below.
	p.size, p.color = 10, chartGrey
	for _, v := range []int{0, 25, 50, 75, 100} {
		x := x0 + v*span/100
		box(r, x, chartTop-6, x+1, bottom-8, chartGrid)
		s := fmt.Sprint(v)
		p.text(s, x-p.width(s)/2, bottom+6)
	}
	for i, m := range a.Modes {
		top := chartTop + i*chartRowH
		base := top + chartBarH/2 + 5 // text baseline, centred on the bar
		p.size, p.color = 14, chartInk
		end := p.text(chartLabels[lang][m.ID], chartMargin, base)
		if lang == "zh" {
			p.size, p.color = 11, chartGrey
			p.text(m.ID, end+6, base)
		}
		if !m.Scored {
			p.size, p.color = 12, chartGrey
			p.text(words["unscored"], x0+8, base)
			continue
		}
		x1 := x0 + m.Score*span/100
		if m.Score > 0 {
			box(r, x0, top, max(x1, x0+2), top+chartBarH, levelColors[m.Level])
		}
		p.size, p.color = 13, chartInk
		p.text(fmt.Sprintf("%d %s", m.Score, LevelName(m.Level, lang)), max(x1, x0+2)+6, base)
	}
	a.drawLegend(p, lang, words)
	var c collector
	if err := r.Save(&c); err != nil {
		return nil, fmt.Errorf("render chart: %w", err)
	}
	return c.img, nil
}

// drawHeader writes the title and, on the right, the overall verdict as a
// pill in its level's colour; without enough answers, it says so and what
// to answer first.
func (a *Assessment) drawHeader(p *pen, lang string, words map[string]string) {
	p.size, p.color = 18, chartInk
	p.text(words["title"], chartMargin, 38)
	right := ChartWidth - chartMargin
	if !a.Enough {
		var names []string
		for _, f := range a.Missing {
			names = append(names, FieldLabel(f, lang))
		}
		p.size, p.color = 12, drawing.ColorFromHex("c62828")
		p.text(words["notenough"], chartMargin, 62)
		if len(names) > 0 {
			p.color = chartGrey
			p.text(words["first"]+strings.Join(names, words["sep"]), chartMargin+p.width(words["notenough"])+16, 62)
		}
		return
	}
	level := Level(a.Overall)
	pill := fmt.Sprintf("%d/100 %s", a.Overall, LevelName(level, lang))
	p.size = 15
	w := p.width(pill) + 20
	box(p.r, right-w, 18, right, 46, levelColors[level])
	p.color = chartWhite
	p.text(pill, right-w+10, 38)
	p.size, p.color = 13, chartGrey
	p.text(words["overall"], right-w-8-p.width(words["overall"]), 37)
}

// drawLegend names each level's colour and score band along the bottom.
func (a *Assessment) drawLegend(p *pen, lang string, words map[string]string) {
	y := ChartHeight - 22
	x := chartMargin
	p.size, p.color = 12, chartGrey
	x = p.text(words["level"]+":", x, y) + 10
	for _, l := range Levels {
		box(p.r, x, y-11, x+12, y+1, levelColors[l])
		p.color = chartInk
		x = p.text(fmt.Sprintf("%s %s", LevelName(l, lang), levelBands[l]), x+18, y) + 22
	}
}
