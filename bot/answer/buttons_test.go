package answer

import (
	"context"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/bot/router"
	"github.com/premortem/premortem/config"
)

// click is a click on the button customID of an answer, by a user whose
// client speaks English.
func click(customID string) *router.Request {
	i := &discordgo.Interaction{Type: discordgo.InteractionMessageComponent, GuildID: "g", ChannelID: "c", Locale: discordgo.EnglishUS,
		Member:  &discordgo.Member{User: &discordgo.User{ID: "u"}},
		Message: &discordgo.Message{ID: "answer", ChannelID: "c"},
		Data:    discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent}}
	return router.FromInteraction(i, nil)
}

func TestRiskButtonsAnswerPrivatelyInTheAnswersLanguage(t *testing.T) {
	f, _, _ := newFlow(t, config.Default().Discord, nil)
	m, _ := f.KB.Mode("capital")
	chosen := advisor.Risk{ID: "capital", Actions: []string{m.Actions[1].Text.ZH}}
	for _, tc := range []struct {
		name, customID string
		handle         func(context.Context, *router.Request) *router.Response
		want           string
	}{
		{"what to do", render.ToDoID(chosen, f.KB, "zh"), f.ToDo, "1. " + m.Actions[1].Text.ZH},
		{"more", render.MoreID("capital", "zh"), f.More, m.Summary.ZH},
		{"unknown risk", render.MoreID("gone", "zh"), f.More, render.T("zh", "nosuchrisk")},
		{"garbled", render.IDToDo + "x", f.ToDo, render.T("en", "nosuchrisk")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := tc.handle(context.Background(), click(tc.customID))
			if !router.Ephemeral(resp.Data) {
				t.Errorf("not private: %+v", resp.Data)
			}
			if err := render.Check(resp.Data); err != nil {
				t.Error(err)
			}
			if got := render.Visible(resp.Data); !strings.Contains(got, tc.want) {
				t.Errorf("shows\n%s\nwant %q in it", got, tc.want)
			}
		})
	}
}

func TestHistoryReadsAnAnswersFieldsBack(t *testing.T) {
	f, _, _ := newFlow(t, config.Default().Discord, nil)
	answer := &discordgo.Message{Author: &discordgo.User{ID: "bot"}, Content: "(更早的消息没有作为上下文)", Embeds: []*discordgo.MessageEmbed{{
		Description: "**最大的威胁是 `scenario` 找错了场景。**",
		Fields: []*discordgo.MessageEmbedField{
			{Name: "`scenario` · 找错了场景", Value: "文生图赛道拥挤。"},
			{Name: "`capital` · 缺钱", Value: "> 「关键是不能缺钱。」(¶78)"},
		},
		Footer: &discordgo.MessageEmbedFooter{Text: "builtin · 知识库 kb-1 · /risks scenario 看全部信号和案例"},
	}}}
	got := f.turnOf(answer)
	if !got.FromBot {
		t.Fatal("the bot's answer is not a bot turn")
	}
	for _, want := range []string{"`scenario` · 找错了场景\n文生图赛道拥挤。", "`capital`", "关键是不能缺钱", "最大的威胁是"} {
		if !strings.Contains(got.Text, want) {
			t.Errorf("turn %q lacks %q", got.Text, want)
		}
	}
	if strings.Contains(got.Text, "知识库") || strings.Contains(got.Text, "/risks") {
		t.Errorf("turn %q holds the footer", got.Text)
	}
	if said := advisor.Said([]advisor.Turn{{Text: "q"}, got}); !strings.Contains(said, "`capital`") || strings.Contains(said, "q\n") {
		t.Errorf("botSaid %q", said)
	}
}

func TestBuiltinTextIsNeverStreamed(t *testing.T) {
	var shown []*discordgo.InteractionResponseData
	show := func(d *discordgo.InteractionResponseData) { shown = append(shown, d) }
	still := &partial{lang: "zh", show: show, still: true}
	still.write("直接回答:……运行 `premortem risks market`")
	if len(shown) != 0 {
		t.Errorf("the builtin composer's text was streamed: %+v", shown[0].Embeds[0])
	}
	p := &partial{lang: "en", show: show}
	p.write("The market")
	p.note(advisor.Notice{Kind: advisor.NoticeFallback, Lang: "en", Backend: "hosted", Next: advisor.Builtin, Reason: "timed out"})
	p.write("In short: ... run `premortem risks market`")
	last := shown[len(shown)-1].Embeds[0]
	if len(shown) != 2 || last.Description != "…" || !strings.Contains(last.Footer.Text, "built-in composer") {
		t.Errorf("after the fallback to builtin: %d shown, last %+v", len(shown), last)
	}
}
