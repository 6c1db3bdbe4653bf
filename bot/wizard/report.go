package wizard

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/bot/router"
)

// Attachment names of a report.
const (
	chartFile    = "premortem-chart.png"
	markdownFile = "premortem-report.md"
)

// How long a report's descriptions and field values may be, so that an
// overview and three risks fit one message (render.Fit trims the rest).
const (
	maxReportDesc  = 1400
	maxReportField = 1000
)

var levelColor = map[string]int{"low": 0x4caf50, "medium": 0xfbc02d, "high": 0xfb8c00, "critical": 0xe53935}

// reportText is the report's words: its keys in render's one table.
func reportText(lang, key string, args ...any) string { return render.T(lang, "report."+key, args...) }

// report finishes the wizard: the report replaces the last question, with
// the chart and the Markdown attached, a share button, and the model's
// narrative to follow when a narrator is set.
func (f *Flow) report(st assess.State, session string) *router.Response {
	a := assess.Score(f.kb, st.Profile)
	d, err := f.reportData(a, st.Lang)
	if err != nil {
		return f.failed(err, st.Lang, "render report")
	}
	d.Content = text(st.Lang, "done")
	d.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{CustomID: wizardID{Session: session, Step: st.Step, Action: actShare}.String(), Label: text(st.Lang, "share"), Style: discordgo.PrimaryButton},
		discordgo.Button{CustomID: wizardID{Session: session, Step: st.Step, Action: actRestart}.String(), Label: text(st.Lang, "restart"), Style: discordgo.SecondaryButton},
	}}}
	d.Files = append(d.Files, &discordgo.File{Name: markdownFile, ContentType: "text/markdown; charset=utf-8", Reader: strings.NewReader(a.Markdown(st.Lang))})
	r := update(d)
	if f.narrator != nil {
		r.Later = func(ctx context.Context) (*discordgo.WebhookEdit, error) {
			narrative, model, err := f.narrator.Narrate(ctx, narrativeData(a, st.Lang))
			if err != nil || strings.TrimSpace(narrative) == "" {
				return nil, err // keep the builtin report as it is
			}
			embeds := reportEmbeds(a, st.Lang)
			n := &discordgo.MessageEmbed{Title: reportText(st.Lang, "narr"), Description: render.Clip(narrative, maxReportDesc), Footer: &discordgo.MessageEmbedFooter{Text: model}}
			embeds = render.Fit(append([]*discordgo.MessageEmbed{embeds[0], n}, embeds[1:]...))
			return &discordgo.WebhookEdit{Embeds: &embeds}, nil
		}
	}
	return r
}

// share posts the report in the channel for everyone, without the
// founder's raw answers (the Markdown stays private).
func (f *Flow) share(user string, st assess.State) *router.Response {
	a := assess.Score(f.kb, st.Profile)
	d, err := f.reportData(a, st.Lang)
	if err != nil {
		return f.failed(err, st.Lang, "render report")
	}
	d.Content = text(st.Lang, "shared", user)
	return message(d)
}

// reportData renders embeds and the chart.
func (f *Flow) reportData(a *assess.Assessment, lang string) (*discordgo.InteractionResponseData, error) {
	var png bytes.Buffer
	if err := a.WriteChart(&png, lang); err != nil {
		return nil, err
	}
	return &discordgo.InteractionResponseData{
		Embeds: reportEmbeds(a, lang),
		Files:  []*discordgo.File{{Name: chartFile, ContentType: "image/png", Reader: bytes.NewReader(png.Bytes())}},
	}, nil
}

// reportEmbeds: an overview with the seven scores and the chart, then one
// embed per top risk (up to three) with its reasons, quotes, figures and
// first actions. Each risk shows its ID as code.
func reportEmbeds(a *assess.Assessment, lang string) []*discordgo.MessageEmbed {
	level := assess.Level(a.Overall)
	var b strings.Builder
	b.WriteString(a.Report(lang).Summary + "\n")
	for _, m := range a.Modes {
		bar := strings.Repeat("█", m.Score/10) + strings.Repeat("░", 10-m.Score/10)
		fmt.Fprintf(&b, "\n`%s` %s **%d** %s", m.ID, bar, m.Score, assess.LevelName(m.Level, lang))
	}
	embeds := []*discordgo.MessageEmbed{{
		Title:       render.Clip(reportText(lang, "title", assess.LevelName(level, lang), a.Overall), render.MaxTitle),
		Description: render.Clip(b.String(), maxReportDesc),
		Color:       levelColor[level],
		Image:       &discordgo.MessageEmbedImage{URL: "attachment://" + chartFile},
	}}
	for _, m := range a.Top(3) {
		if m.Score == 0 {
			continue
		}
		var d strings.Builder
		fmt.Fprintf(&d, "`%s`", m.ID)
		for _, r := range m.Reasons {
			fmt.Fprintf(&d, "\n• %s", r.Text.In(lang))
			for _, c := range r.Citations {
				fmt.Fprintf(&d, "\n> 「%s」(%s)", c.Quote, reportText(lang, "para", c.Paragraph))
			}
		}
		e := &discordgo.MessageEmbed{
			Title:       render.Clip(fmt.Sprintf("%s · %d %s", m.Title.In(lang), m.Score, assess.LevelName(m.Level, lang)), render.MaxTitle),
			Description: render.Clip(d.String(), maxReportDesc),
			Color:       levelColor[m.Level],
		}
		var figs []string
		for _, x := range m.Figures() {
			figs = append(figs, fmt.Sprintf("`%s` %s: **%s**", x.ID, x.Label.In(lang), x.Text))
		}
		if len(figs) > 0 {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: reportText(lang, "bench"), Value: render.Clip(strings.Join(figs, "\n"), maxReportField)})
		}
		var acts []string
		for i, act := range m.Actions {
			acts = append(acts, fmt.Sprintf("%d. %s", i+1, act.Text.In(lang)))
		}
		if len(acts) > 0 {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: reportText(lang, "act"), Value: render.Clip(strings.Join(acts, "\n"), maxReportField)})
		}
		embeds = append(embeds, e)
	}
	return render.Fit(embeds)
}
