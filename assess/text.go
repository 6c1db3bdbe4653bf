package assess

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// WriteText writes the report for a terminal in lang: the verdict, the
// seven scores as an aligned table (display widths, so Chinese lines up),
// every fate at medium or above with its reasons, quotes and first actions,
// and what works in the founder's favour.
func (a *Assessment) WriteText(w io.Writer, lang string) error {
	lang = normLang(lang)
	t := reportWords[lang]
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", a.summary(lang))
	if err := a.scoreTable(&b, lang); err != nil {
		return err
	}
	for _, m := range a.Explained() {
		fmt.Fprintf(&b, "\n`%s` %s: %d (%s)\n", m.ID, m.Title.In(lang), m.Score, LevelName(m.Level, lang))
		for _, r := range m.Risks {
			fmt.Fprintf(&b, "  - %s\n", r.Text.In(lang))
			for _, c := range r.Citations {
				fmt.Fprintf(&b, "      「%s」(%s)\n", c.Quote, fmt.Sprintf(t["para"], c.Paragraph))
			}
		}
		for i, act := range m.Actions {
			if i == 0 {
				fmt.Fprintf(&b, "  %s:\n", t["act"])
			}
			fmt.Fprintf(&b, "    %d. %s\n", i+1, act.Text.In(lang))
		}
		if len(m.Unanswered) > 0 {
			fmt.Fprintf(&b, "  (%s: %s)\n", t["unanswered"], fieldList(m.Unanswered, lang))
		}
	}
	if fs := a.Favours(); len(fs) > 0 {
		fmt.Fprintf(&b, "\n%s:\n", t["favour"])
		for _, f := range fs {
			fmt.Fprintf(&b, "  + `%s` %s\n", f.Mode, f.Reason.Text.In(lang))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// scoreTable writes one row per mode: ID, score, level, the confidence when
// below 100%, and a bar. The bar is last, so a terminal that draws block
// characters wide cannot push the other columns out of line.
func (a *Assessment) scoreTable(w io.Writer, lang string) error {
	t := reportWords[lang]
	conf := !a.fullyConfident()
	head := []string{t["mode"], t["score"], t["level"]}
	align := []tw.Align{tw.AlignLeft, tw.AlignRight, tw.AlignLeft}
	if conf {
		head = append(head, t["conf"])
		align = append(align, tw.AlignRight)
	}
	head = append(head, "")
	align = append(align, tw.AlignLeft)
	table := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders: tw.BorderNone,
			Symbols: tw.NewSymbols(tw.StyleNone),
			Settings: tw.Settings{
				Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off},
				Lines:      tw.Lines{ShowHeaderLine: tw.Off},
			},
		})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithTrimSpace(tw.Off),
	)
	table.Header(head)
	for _, m := range a.Modes {
		score, level := scoreCell(m, lang)
		row := []string{m.ID, score, level}
		if conf {
			row = append(row, confCell(m))
		}
		bar := ""
		if m.Scored {
			bar = strings.Repeat("█", m.Score/10) + strings.Repeat("░", 10-m.Score/10)
		}
		row = append(row, bar)
		if err := table.Append(row); err != nil {
			return fmt.Errorf("score table: %w", err)
		}
	}
	if err := table.Render(); err != nil {
		return fmt.Errorf("score table: %w", err)
	}
	return nil
}
