package bot

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/assess"
)

// Attachment names of a report.
const (
	wizChartFile    = "premortem-chart.png"
	wizMarkdownFile = "premortem-report.md"
)

// Discord's embed limits, with room to spare.
const (
	wizMaxEmbedDesc  = 1400
	wizMaxFieldValue = 1000
	wizMaxEmbedTotal = 5800
)

var wizLevelColor = map[string]int{"low": 0x4caf50, "medium": 0xfbc02d, "high": 0xfb8c00, "critical": 0xe53935}

var wizReportText = map[string]map[string]string{
	"zh": {"title": "风险评估报告 · 总体%s %d/100", "bench": "文章中的对照数字", "act": "先做什么", "para": "第%d段", "narr": "解读"},
	"en": {"title": "Pre-mortem · overall %s %d/100", "bench": "The article's figures", "act": "First actions", "para": "para. %d", "narr": "Narrative"},
}

func wizRT(lang, key string) string {
	if lang != "zh" {
		lang = "en"
	}
	return wizReportText[lang][key]
}

// report finishes the wizard: the report replaces the last question, with
// the chart and the Markdown attached, a share button, and the model's
// narrative to follow when a narrator is set.
func (f *AssessFlow) report(st assess.State, session string) AssessReply {
	a := assess.Score(f.kb, st.Profile)
	d, err := f.reportData(a, st.Lang)
	if err != nil {
		return f.failed(err, st.Lang, "render report")
	}
	d.Content = wizT(st.Lang, "done")
	d.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{CustomID: wizardID{Session: session, Step: st.Step, Action: actShare}.String(), Label: wizT(st.Lang, "share"), Style: discordgo.PrimaryButton},
		discordgo.Button{CustomID: wizardID{Session: session, Step: st.Step, Action: actRestart}.String(), Label: wizT(st.Lang, "restart"), Style: discordgo.SecondaryButton},
	}}}
	d.Files = append(d.Files, &discordgo.File{Name: wizMarkdownFile, ContentType: "text/markdown; charset=utf-8", Reader: strings.NewReader(a.Markdown(st.Lang))})
	r := wizUpdate(d)
	if f.narrator != nil {
		r.Later = func(ctx context.Context) (*discordgo.WebhookEdit, error) {
			text, model, err := f.narrator.Narrate(ctx, wizNarrativeData(a, st.Lang))
			if err != nil || strings.TrimSpace(text) == "" {
				return nil, err // keep the builtin report as it is
			}
			embeds := wizReportEmbeds(a, st.Lang)
			n := &discordgo.MessageEmbed{Title: wizRT(st.Lang, "narr"), Description: wizTruncate(text, wizMaxEmbedDesc), Footer: &discordgo.MessageEmbedFooter{Text: model}}
			embeds = wizFitEmbeds(append([]*discordgo.MessageEmbed{embeds[0], n}, embeds[1:]...))
			return &discordgo.WebhookEdit{Embeds: &embeds, AllowedMentions: wizNoMentions()}, nil
		}
	}
	return r
}

// share posts the report in the channel for everyone, without the
// founder's raw answers (the Markdown stays private).
func (f *AssessFlow) share(user string, st assess.State) AssessReply {
	a := assess.Score(f.kb, st.Profile)
	d, err := f.reportData(a, st.Lang)
	if err != nil {
		return f.failed(err, st.Lang, "render report")
	}
	d.Content = fmt.Sprintf(wizT(st.Lang, "shared"), user)
	d.AllowedMentions = wizNoMentions()
	return AssessReply{Response: &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: d}}
}

// reportData renders embeds and the chart.
func (f *AssessFlow) reportData(a *assess.Assessment, lang string) (*discordgo.InteractionResponseData, error) {
	var png bytes.Buffer
	if err := a.WriteChart(&png, lang); err != nil {
		return nil, err
	}
	return &discordgo.InteractionResponseData{
		Embeds:          wizReportEmbeds(a, lang),
		Files:           []*discordgo.File{{Name: wizChartFile, ContentType: "image/png", Reader: bytes.NewReader(png.Bytes())}},
		AllowedMentions: wizNoMentions(),
	}, nil
}

// reportEmbeds: an overview with the seven scores and the chart, then one
// embed per top risk (up to three) with its reasons, quotes, figures and
// first actions. Each risk shows its ID as code.
func wizReportEmbeds(a *assess.Assessment, lang string) []*discordgo.MessageEmbed {
	level := assess.Level(a.Overall)
	var b strings.Builder
	b.WriteString(a.Report(lang).Summary + "\n")
	for _, m := range a.Modes {
		bar := strings.Repeat("█", m.Score/10) + strings.Repeat("░", 10-m.Score/10)
		fmt.Fprintf(&b, "\n`%s` %s **%d** %s", m.ID, bar, m.Score, assess.LevelName(m.Level, lang))
	}
	embeds := []*discordgo.MessageEmbed{{
		Title:       fmt.Sprintf(wizRT(lang, "title"), assess.LevelName(level, lang), a.Overall),
		Description: wizTruncate(b.String(), wizMaxEmbedDesc),
		Color:       wizLevelColor[level],
		Image:       &discordgo.MessageEmbedImage{URL: "attachment://" + wizChartFile},
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
				fmt.Fprintf(&d, "\n> 「%s」(%s)", c.Quote, fmt.Sprintf(wizRT(lang, "para"), c.Paragraph))
			}
		}
		e := &discordgo.MessageEmbed{
			Title:       fmt.Sprintf("%s · %d %s", m.Title.In(lang), m.Score, assess.LevelName(m.Level, lang)),
			Description: wizTruncate(d.String(), wizMaxEmbedDesc),
			Color:       wizLevelColor[m.Level],
		}
		var figs []string
		for _, x := range m.Figures() {
			figs = append(figs, fmt.Sprintf("`%s` %s: **%s**", x.ID, x.Label.In(lang), x.Text))
		}
		if len(figs) > 0 {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: wizRT(lang, "bench"), Value: wizTruncate(strings.Join(figs, "\n"), wizMaxFieldValue)})
		}
		var acts []string
		for i, act := range m.Actions {
			acts = append(acts, fmt.Sprintf("%d. %s", i+1, act.Text.In(lang)))
		}
		if len(acts) > 0 {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: wizRT(lang, "act"), Value: wizTruncate(strings.Join(acts, "\n"), wizMaxFieldValue)})
		}
		embeds = append(embeds, e)
	}
	return wizFitEmbeds(embeds)
}

// wizFitEmbeds shortens descriptions, last embed first, until the total is
// inside Discord's 6000-character limit.
func wizFitEmbeds(es []*discordgo.MessageEmbed) []*discordgo.MessageEmbed {
	for i := len(es) - 1; i >= 0 && wizEmbedsLen(es) > wizMaxEmbedTotal; i-- {
		over := wizEmbedsLen(es) - wizMaxEmbedTotal
		n := utf8.RuneCountInString(es[i].Description)
		es[i].Description = wizTruncate(es[i].Description, max(40, n-over))
	}
	return es
}

func wizEmbedsLen(es []*discordgo.MessageEmbed) int {
	n := 0
	for _, e := range es {
		n += utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
		for _, f := range e.Fields {
			n += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
		}
		if e.Footer != nil {
			n += utf8.RuneCountInString(e.Footer.Text)
		}
	}
	return n
}
