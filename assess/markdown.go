package assess

import (
	"fmt"
	"strings"
)

// MarkdownOptions adjust the Markdown report.
type MarkdownOptions struct {
	// Chart, when set, is the chart image's path relative to the Markdown
	// file; the report shows it under the scores.
	Chart string
}

// Markdown renders the assessment as a Markdown document in lang.
func (a *Assessment) Markdown(lang string) string { return a.MarkdownWith(lang, MarkdownOptions{}) }

// MarkdownWith renders the verdict once, the seven scores (and the chart),
// every fate at medium or above with its reasons, quotes, figures and first
// actions, what works in the founder's favour, and the answers it rests on.
func (a *Assessment) MarkdownWith(lang string, o MarkdownOptions) string {
	lang = normLang(lang)
	t := reportWords[lang]
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", t["title"], a.headline(lang, "**"))
	conf := !a.fullyConfident()
	fmt.Fprintf(&b, "## %s\n\n| %s | ID | %s | %s |", t["scores"], t["mode"], t["score"], t["level"])
	if conf {
		fmt.Fprintf(&b, " %s |", t["conf"])
	}
	b.WriteString("\n|---|---|---:|---|")
	if conf {
		b.WriteString("---:|")
	}
	b.WriteString("\n")
	for _, m := range a.Modes {
		score, level := scoreCell(m, lang)
		fmt.Fprintf(&b, "| %s | `%s` | %s | %s |", m.Title.In(lang), m.ID, score, level)
		if conf {
			fmt.Fprintf(&b, " %s |", confCell(m))
		}
		b.WriteString("\n")
	}
	if o.Chart != "" {
		fmt.Fprintf(&b, "\n![%s](%s)\n", t["chart"], o.Chart)
	}
	fmt.Fprintf(&b, "\n## %s\n", t["explain"])
	explained := a.Explained()
	if len(explained) == 0 {
		fmt.Fprintf(&b, "\n%s\n", t["none"])
	}
	for _, m := range explained {
		a.markdownMode(&b, m, lang)
	}
	if fs := a.Favours(); len(fs) > 0 {
		fmt.Fprintf(&b, "\n## %s\n\n", t["favour"])
		for _, f := range fs {
			fmt.Fprintf(&b, "- `%s` %s\n", f.Mode, f.Reason.Text.In(lang))
			for _, c := range f.Reason.Citations {
				fmt.Fprintf(&b, "  > 「%s」(%s)\n", c.Quote, fmt.Sprintf(t["para"], c.Paragraph))
			}
		}
	}
	if y, err := EncodeProfile(a.Profile, nil); err == nil {
		fmt.Fprintf(&b, "\n## %s\n\n```yaml\n%s```\n", t["profile"], y)
	}
	fmt.Fprintf(&b, "\n---\n%s\n", t["source"])
	return b.String()
}

func (a *Assessment) markdownMode(b *strings.Builder, m ModeScore, lang string) {
	t := reportWords[lang]
	fmt.Fprintf(b, "\n### `%s` %s: %d (%s)\n\n**%s**\n\n", m.ID, m.Title.In(lang), m.Score, LevelName(m.Level, lang), t["why"])
	for _, r := range m.Risks {
		fmt.Fprintf(b, "- %s\n", r.Text.In(lang))
		for _, c := range r.Citations {
			fmt.Fprintf(b, "  > 「%s」(%s)\n", c.Quote, fmt.Sprintf(t["para"], c.Paragraph))
		}
	}
	var figs []string
	for _, x := range m.Figures() {
		figs = append(figs, fmt.Sprintf("- `%s` %s: **%s**", x.ID, x.Label.In(lang), x.Text))
	}
	if len(figs) > 0 {
		fmt.Fprintf(b, "\n**%s**\n\n%s\n", t["bench"], strings.Join(figs, "\n"))
	}
	if len(m.Actions) > 0 {
		fmt.Fprintf(b, "\n**%s**\n\n", t["act"])
		for i, act := range m.Actions {
			fmt.Fprintf(b, "%d. %s\n", i+1, act.Text.In(lang))
		}
	}
	if len(m.Unanswered) > 0 {
		fmt.Fprintf(b, "\n_%s: %s_\n", t["unanswered"], fieldList(m.Unanswered, lang))
	}
}
