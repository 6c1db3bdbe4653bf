package wizard

import (
	"bytes"
	"context"
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

// maxNarrative is how long the model's narrative may be in the report, so
// that the fates it tells keep room beside it.
const maxNarrative = 1400

// reportText is the report's words: its keys in render's one table.
func reportText(lang, key string, args ...any) string { return render.T(lang, "report."+key, args...) }

// report shows the report of s in place of the review: the chart and the
// Markdown attached, buttons to share it, change answers or start over,
// and the model's narrative to follow when a narrator is set. The
// narrative is dropped if the founder has moved on (s's version changed)
// by the time it is written.
func (f *Flow) report(s Session, st assess.State) *router.Response {
	a := assess.Score(f.kb, st.Profile)
	d, err := f.reportData(a, st.Lang)
	if err != nil {
		return f.failed(err, st.Lang, "render report")
	}
	d.Content = text(st.Lang, "done")
	if !a.Enough {
		d.Content += "\n" + reportText(st.Lang, "firsthint") // the private report only: the button is here
	}
	d.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{CustomID: wizardID{Session: s.ID, Step: st.Step, Action: actShare}.String(), Label: text(st.Lang, "share"), Style: discordgo.PrimaryButton},
		discordgo.Button{CustomID: wizardID{Session: s.ID, Step: st.Step, Action: actReview}.String(), Label: text(st.Lang, "answers"), Style: discordgo.SecondaryButton},
		discordgo.Button{CustomID: wizardID{Session: s.ID, Step: st.Step, Action: actRestart}.String(), Label: text(st.Lang, "restart"), Style: discordgo.SecondaryButton},
	}}}
	d.Files = append(d.Files, &discordgo.File{Name: markdownFile, ContentType: "text/markdown; charset=utf-8", Reader: strings.NewReader(a.Markdown(st.Lang))})
	r := update(d)
	if f.narrator != nil {
		r.Later = func(ctx context.Context) (*discordgo.WebhookEdit, error) {
			narrative, model, err := f.narrator.Narrate(ctx, narrativeData(a, st.Lang))
			if err != nil || strings.TrimSpace(narrative) == "" {
				return nil, err // keep the builtin report as it is
			}
			if now, err := f.store.GetAssessment(ctx, s.ID); err != nil || now.Version != s.Version {
				return nil, err // the founder went on: the message is no longer this report
			}
			n := &discordgo.MessageEmbed{Title: reportText(st.Lang, "narr"), Description: render.Clip(narrative, maxNarrative), Footer: &discordgo.MessageEmbedFooter{Text: model}}
			embeds := reportEmbeds(a, st.Lang, render.MaxEmbedTotal-render.EmbedSize(n))
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
		Embeds: reportEmbeds(a, lang, render.MaxEmbedTotal),
		Files:  []*discordgo.File{{Name: chartFile, ContentType: "image/png", Reader: bytes.NewReader(png.Bytes())}},
	}, nil
}
