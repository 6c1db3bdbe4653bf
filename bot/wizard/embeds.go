package wizard

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/knowledge"
)

// The report's colours: a fate's level, an overview with too few answers
// to score, and what works in the founder's favour.
var levelColor = map[string]int{"low": 0x4caf50, "medium": 0xfbc02d, "high": 0xfb8c00, "critical": 0xe53935}

const (
	unscoredColor = 0x9e9e9e
	favourColor   = 0x43a047
)

// How many of a reason's article quotes an embed shows: all, the first,
// none. Quotes are what gives way when the report would not fit one
// message; the Markdown attached keeps them all.
const (
	allQuotes = iota
	firstQuote
	noQuotes
)

// reportEmbeds is the report in budget units of embeds: an overview (the
// verdict, the seven scores with unscored fates marked, the chart, and,
// with too few answers, the answers that matter most), one embed per fate
// at medium or above (every reason, the article's figures and the first
// action), and one embed of what works in the founder's favour. When it
// would not fit, the lowest embeds drop their quotes first: the favours,
// then the least risky fate, and so on up.
func reportEmbeds(a *assess.Assessment, lang string, budget int) []*discordgo.MessageEmbed {
	explained, favours := a.Explained(), a.Favours()
	build := func(i, detail int) *discordgo.MessageEmbed {
		if i < len(explained) {
			return fateEmbed(explained[i], lang, detail)
		}
		return favourEmbed(favours, lang, detail)
	}
	n := len(explained)
	if len(favours) > 0 {
		n++
	}
	es := []*discordgo.MessageEmbed{overviewEmbed(a, lang)}
	for i := range n {
		es = append(es, build(i, allQuotes))
	}
	for detail := firstQuote; detail <= noQuotes; detail++ {
		for i := n - 1; i >= 0 && render.EmbedsSize(es) > budget; i-- {
			es[i+1] = build(i, detail)
		}
	}
	return render.Fit(es)
}

// overviewEmbed is the verdict, the seven scores as bars (highest first,
// as the chart and the fates below), the chart, and, without enough
// answers to score, which answers to give first.
func overviewEmbed(a *assess.Assessment, lang string) *discordgo.MessageEmbed {
	var b strings.Builder
	e := &discordgo.MessageEmbed{Image: &discordgo.MessageEmbedImage{URL: "attachment://" + chartFile}}
	if a.Enough {
		level := assess.Level(a.Overall)
		e.Title, e.Color = reportText(lang, "title", assess.LevelName(level, lang), a.Overall), levelColor[level]
		// The summary's detail: the verdict is the title already.
		if rest := strings.TrimLeft(strings.TrimPrefix(a.Report(lang).Summary, a.Verdict(lang)), "。:: ."); rest != "" {
			b.WriteString(rest + "\n")
		}
	} else {
		e.Title, e.Color = reportText(lang, "head", a.Verdict(lang)), unscoredColor
		if n := scoredModes(a); n > 0 {
			b.WriteString(reportText(lang, "few", n) + "\n")
		} else {
			b.WriteString(reportText(lang, "none") + "\n")
		}
		if len(a.Missing) > 0 {
			var first []string
			for i, name := range a.Missing {
				first = append(first, fmt.Sprintf("%d. %s", i+1, fieldLabel(name, lang)))
			}
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: reportText(lang, "first"),
				Value: render.Clip(strings.Join(first, "\n"), render.MaxFieldValue)})
		}
	}
	for _, m := range a.Modes {
		if !m.Scored {
			fmt.Fprintf(&b, "\n`%s` %s %s", m.ID, strings.Repeat("░", 10), reportText(lang, "unscored"))
			continue
		}
		bar := strings.Repeat("█", m.Score/10) + strings.Repeat("░", 10-m.Score/10)
		fmt.Fprintf(&b, "\n`%s` %s **%d** %s", m.ID, bar, m.Score, assess.LevelName(m.Level, lang))
		if m.Confidence < 1 {
			fmt.Fprintf(&b, " · %s", reportText(lang, "conf", int(100*m.Confidence+0.5)))
		}
	}
	e.Title, e.Description = render.Clip(e.Title, render.MaxTitle), render.Clip(b.String(), render.MaxDescription)
	return e
}

func scoredModes(a *assess.Assessment) int {
	n := 0
	for _, m := range a.Modes {
		if m.Scored {
			n++
		}
	}
	return n
}

// fateEmbed explains one fate: its ID as code, every risk reason with its
// quotes (as detail allows), the article's figures it was set against,
// its first action, and the answers that would make it surer.
func fateEmbed(m assess.ModeScore, lang string, detail int) *discordgo.MessageEmbed {
	var d strings.Builder
	fmt.Fprintf(&d, "`%s`", m.ID)
	for _, r := range m.Risks {
		fmt.Fprintf(&d, "\n• %s", r.Text.In(lang))
		writeQuotes(&d, r.Citations, lang, detail)
	}
	e := &discordgo.MessageEmbed{
		Title:       render.Clip(fmt.Sprintf("%s · %d %s", m.Title.In(lang), m.Score, assess.LevelName(m.Level, lang)), render.MaxTitle),
		Description: render.Clip(d.String(), render.MaxDescription),
		Color:       levelColor[m.Level],
	}
	var figs []string
	for _, x := range m.Figures() {
		figs = append(figs, fmt.Sprintf("`%s` %s: **%s**", x.ID, x.Label.In(lang), x.Text))
	}
	if len(figs) > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: reportText(lang, "bench"), Value: render.Clip(strings.Join(figs, "\n"), render.MaxFieldValue)})
	}
	if len(m.Actions) > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: reportText(lang, "act1"), Value: render.Clip(m.Actions[0].Text.In(lang), render.MaxFieldValue)})
	}
	if len(m.Unanswered) > 0 {
		e.Footer = &discordgo.MessageEmbedFooter{Text: render.Clip(reportText(lang, "unanswered", fieldLabels(m.Unanswered, lang)), render.MaxFooter)}
	}
	return e
}

// favourEmbed lists what works in the founder's favour, each fact with
// the fate it concerns as code.
func favourEmbed(fs []assess.Favour, lang string, detail int) *discordgo.MessageEmbed {
	var d strings.Builder
	for i, f := range fs {
		if i > 0 {
			d.WriteString("\n")
		}
		fmt.Fprintf(&d, "`%s` %s", f.Mode, f.Reason.Text.In(lang))
		writeQuotes(&d, f.Reason.Citations, lang, detail)
	}
	return &discordgo.MessageEmbed{Title: reportText(lang, "favour"), Description: render.Clip(d.String(), render.MaxDescription), Color: favourColor}
}

// writeQuotes adds a reason's verbatim quotes, as many as detail allows.
func writeQuotes(b *strings.Builder, cs []knowledge.Citation, lang string, detail int) {
	for i, c := range cs {
		if detail == noQuotes || detail == firstQuote && i > 0 {
			return
		}
		fmt.Fprintf(b, "\n> 「%s」(%s)", c.Quote, reportText(lang, "para", c.Paragraph))
	}
}
