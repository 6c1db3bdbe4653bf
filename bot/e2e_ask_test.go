package bot

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/commands"
	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/internal/discordfake"
)

const stabilityQuestion = "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?"

func TestCommandsRegisteredWithChineseLocalizations(t *testing.T) {
	h := startBot(t)
	cmds := h.srv.Commands(discordfake.GuildID)
	var names []string
	for _, c := range cmds {
		names = append(names, c.Name)
		if c.DescriptionLocalizations == nil || (*c.DescriptionLocalizations)[discordgo.ChineseCN] == "" {
			t.Errorf("/%s has no zh-CN description", c.Name)
		}
	}
	slices.Sort(names)
	if want := []string{"ask", "assess", "forget", "help", "model", "risks"}; !slices.Equal(names, want) {
		t.Errorf("registered %v; want %v", names, want)
	}
	if len(h.srv.Commands("")) != 0 {
		t.Error("commands registered globally although guild_id is set")
	}
}

func TestAskIsDeferredThenEditedWithCitedRisks(t *testing.T) {
	h := startBot(t)
	i := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", stabilityQuestion))
	a := h.interact(i)
	if a.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || a.Status != 204 {
		t.Fatalf("ack %d (status %d); want a deferred message", a.Type, a.Status)
	}
	m := h.waitOriginal(i, func(m *discordgo.Message) bool {
		return len(m.Embeds) > 0 && m.Embeds[len(m.Embeds)-1].Footer != nil && !strings.Contains(m.Embeds[len(m.Embeds)-1].Footer.Text, "✍️")
	})
	var fields []string
	for _, e := range m.Embeds {
		for _, f := range e.Fields {
			fields = append(fields, f.Name)
		}
	}
	if len(fields) == 0 || !strings.Contains(strings.Join(fields, " "), "`open-source`") {
		t.Errorf("risk fields %q; want `open-source` among them", fields)
	}
	footer := m.Embeds[len(m.Embeds)-1].Footer.Text
	if !strings.Contains(footer, "builtin") {
		t.Errorf("footer %q does not name the backend", footer)
	}
	if ids := componentIDs(m.Components); !slices.ContainsFunc(ids, func(id string) bool { return strings.HasPrefix(id, render.IDSources) }) || !slices.Contains(ids, render.IDFeedback+"up") {
		t.Errorf("buttons %v", ids)
	}
	h.assertNoPings()
}

func TestAskOffTopicCitesNothing(t *testing.T) {
	h := startBot(t)
	i := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", "明天北京天气怎么样?红烧肉怎么做?"))
	h.interact(i)
	m := h.waitOriginal(i, func(m *discordgo.Message) bool { return len(m.Embeds) > 0 })
	for _, e := range m.Embeds {
		if len(e.Fields) > 0 {
			t.Errorf("off-topic answer has risk fields %+v", e.Fields)
		}
	}
	if ids := componentIDs(m.Components); slices.ContainsFunc(ids, func(id string) bool { return strings.HasPrefix(id, render.IDSources) }) {
		t.Errorf("off-topic answer offers sources: %v", ids)
	}
}

func TestAskStreamsEditsThenFinal(t *testing.T) {
	h := startBot(t)
	h.useModel(t, "local")
	i := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", "市场不行会怎么死? market"))
	h.interact(i)
	m := h.waitOriginal(i, func(m *discordgo.Message) bool {
		return len(m.Embeds) > 0 && m.Embeds[len(m.Embeds)-1].Footer != nil && strings.Contains(m.Embeds[len(m.Embeds)-1].Footer.Text, "local")
	})
	if !strings.Contains(m.Embeds[0].Description, "收入远低于成本") {
		t.Errorf("final narrative %q", m.Embeds[0].Description)
	}
	edits := h.srv.CallsTo("PATCH", "/webhooks/"+discordfake.BotID+"/"+i.Token)
	if len(edits) < 2 {
		t.Errorf("%d edits; want partial edits before the final one", len(edits))
	}
	if len(edits) > 5 {
		t.Errorf("%d edits for 3 chunks: streaming is not coalesced", len(edits))
	}
	h.assertNoPings()
}

func TestAskRefusals(t *testing.T) {
	h := startBot(t, func(c *config.Discord, _ *discordfake.Options) {
		c.AllowedChannelIDs = []string{discordfake.ChannelGeneral}
	})
	cases := []struct {
		name, user, channel, question, want string
	}{
		{"channel not allowed", discordfake.UserMember, discordfake.ChannelRandom, "market?", "can't be used in this channel"},
		{"empty", discordfake.UserMember, discordfake.ChannelGeneral, "   ", "Please write your question"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			i := h.srv.Command(tc.user, tc.channel, "ask", discordfake.StringOption("question", tc.question))
			a := h.interact(i)
			if a.Type == discordgo.InteractionResponseChannelMessageWithSource {
				d := ackData(t, a)
				if d.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(d.Content, tc.want) {
					t.Errorf("refusal %+v; want private %q", d, tc.want)
				}
				return
			}
			// Refused after the public deferral: deleted and said privately.
			c, err := h.srv.WaitCall(ctxT(t), "POST", "/webhooks/"+discordfake.BotID+"/"+i.Token)
			if err != nil {
				t.Fatal(err)
			}
			var p discordgo.WebhookParams
			c.Decode(&p)
			if p.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(p.Content, tc.want) {
				t.Errorf("follow-up %+v; want private %q", p, tc.want)
			}
			if len(h.srv.CallsTo("DELETE", "/webhooks/"+discordfake.BotID+"/"+i.Token)) != 1 {
				t.Error("the public deferral was not deleted")
			}
		})
	}
}

// componentIDs lists the custom IDs of the buttons and select menus in rows.
func componentIDs(rows []discordgo.MessageComponent) []string {
	var ids []string
	var walk func([]discordgo.MessageComponent)
	walk = func(cs []discordgo.MessageComponent) {
		for _, c := range cs {
			switch c := c.(type) {
			case *discordgo.ActionsRow:
				walk(c.Components)
			case discordgo.ActionsRow:
				walk(c.Components)
			case *discordgo.Button:
				ids = append(ids, c.CustomID)
			case discordgo.Button:
				ids = append(ids, c.CustomID)
			case *discordgo.SelectMenu:
				ids = append(ids, c.CustomID)
			}
		}
	}
	walk(rows)
	return ids
}

func TestAskWithStreamingOff(t *testing.T) {
	h := startBot(t, func(c *config.Discord, _ *discordfake.Options) { c.Stream = false })
	h.useModel(t, "local")
	i := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", "市场不行会怎么死? market"))
	h.interact(i)
	h.waitOriginal(i, func(m *discordgo.Message) bool { return len(m.Components) > 0 })
	if edits := h.srv.CallsTo("PATCH", "/webhooks/"+discordfake.BotID+"/"+i.Token); len(edits) != 1 {
		t.Errorf("%d edits with streaming off; want the final one only", len(edits))
	}
}

// TestEveryDefinedCommandIsRouted keeps the registered commands and the
// router's routes one list: each command gets an answer of its own.
func TestEveryDefinedCommandIsRouted(t *testing.T) {
	h := startBot(t)
	for _, c := range commands.Definitions() {
		var opts []*discordgo.ApplicationCommandInteractionDataOption
		if c.Name == "model" {
			opts = append(opts, discordfake.SubCommand("list"))
		}
		a := h.interact(h.srv.Command(discordfake.UserOther, discordfake.ChannelGeneral, c.Name, opts...))
		if d := ackData(t, a); strings.Contains(d.Content, render.T("en", "unknown")) {
			t.Errorf("/%s is not routed", c.Name)
		}
		h.settle(discordfake.UserOther)
	}
}

// TestWaitingNoticeIsTheProgressLine checks the advisor's notice that a
// backend is silent shows under the answer being written, and that the
// answer replaces it.
func TestWaitingNoticeIsTheProgressLine(t *testing.T) {
	h := start(t, setup{noticeAfter: 100 * time.Millisecond})
	h.useModel(t, "local")
	block := make(chan struct{})
	h.model.setBlock(block)
	i := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", "市场不行会怎么死? market"))
	h.interact(i)
	h.waitOriginal(i, func(m *discordgo.Message) bool {
		return len(m.Embeds) > 0 && m.Embeds[0].Footer != nil && strings.HasPrefix(m.Embeds[0].Footer.Text, "⏳") && strings.Contains(m.Embeds[0].Footer.Text, "local")
	})
	close(block)
	m := h.waitOriginal(i, func(m *discordgo.Message) bool { return len(m.Components) > 0 })
	if f := m.Embeds[len(m.Embeds)-1].Footer; f == nil || strings.Contains(f.Text, "⏳") {
		t.Errorf("final footer %+v", f)
	}
}
