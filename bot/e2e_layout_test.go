package bot

import (
	"encoding/json"
	"flag"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/internal/discordfake"
	"github.com/premortem/premortem/internal/fakellm"
	"github.com/premortem/premortem/internal/fakeopenai"
	"github.com/premortem/premortem/internal/goldenfile"
	"github.com/premortem/premortem/provider/openai"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// layoutFirstView bounds an answer's first message, in visible units: about
// what a phone shows without scrolling far.
const layoutFirstView = 1500

// The questions of the layout goldens, per language: a first question, a
// follow-up by reply and one in the thread (an ordinal), both answered
// from the risks the earlier answer cited.
var layoutQuestions = map[string][3]string{
	"zh": {"我们是做开源文生图的,钱还能烧一年,最大的风险是什么?", "具体该怎么做?", "第二个呢?"},
	"en": {"We open-sourced our weights. How do we make money now?", "What should we do first?", "And the second one?"},
}

// TestLayoutGoldens sends questions by every way in (slash, mention, a
// reply to the mention's answer, a message in its thread, DM) in both
// languages, a model answer through the fake OpenAI server, a fallback to
// builtin, an off-topic question and a refusal, and compares the payload that delivered each answer with
// testdata/layout/NAME.json. Every payload keeps Discord's limits, shows no
// terminal command, and follow-ups cite the risks the earlier answer cited
// (read back from its fields).
func TestLayoutGoldens(t *testing.T) {
	script := fakellm.NewScript(fakellm.Reply("你们最大的风险是 `scenario`:文生图赛道已被 Midjourney 等巨头垄断,",
		"再做一个通用文生图很难收费。其次是 `capital`:钱只够烧一年,要在跑道用完前找到愿意付费的场景。"), fakellm.Status(503, ""))
	hosted := fakeopenai.New(script, "deepseek-chat")
	t.Cleanup(hosted.Close)
	client, err := openai.New(openai.Config{BaseURL: hosted.URL, Model: "deepseek-chat"})
	if err != nil {
		t.Fatal(err)
	}
	h := start(t, setup{backends: []advisor.BackendSpec{{Name: "hosted", Provider: "openai", ModelName: "deepseek-chat", Model: client, Retries: -1}}})
	parent := h.t
	dm := h.srv.DMChannel(discordfake.UserMember)
	for _, lang := range []string{"zh", "en"} {
		qs := layoutQuestions[lang]
		t.Run(lang, func(t *testing.T) {
			h.t = t
			h.goldenAnswer(lang+"-slash", func() { h.slash(qs[0]) })
			mention := h.goldenAnswer(lang+"-mention", func() {
				h.say(discordfake.UserMessage{ChannelID: discordfake.ChannelGeneral, Content: "<@" + discordfake.BotID + "> " + qs[0]})
			})
			c, err := h.srv.WaitFor(ctxT(t), func(c discordfake.Call) bool {
				return c.Method == "POST" && strings.HasSuffix(c.Path, "/messages/"+mention.ID+"/threads")
			})
			if err != nil {
				t.Fatalf("no thread from the mention's answer: %v", err)
			}
			var thread discordgo.Channel
			json.Unmarshal(c.Response, &thread)
			cited := fieldIDs(mention)
			reply := h.goldenAnswer(lang+"-reply", func() {
				h.say(discordfake.UserMessage{ChannelID: discordfake.ChannelGeneral, Content: qs[1], ReplyTo: mention.ID})
			})
			if got := fieldIDs(reply); len(got) == 0 || !isSubset(got, cited) {
				t.Errorf("the reply's follow-up cites %v; want the earlier answer's %v", got, cited)
			}
			inThread := h.goldenAnswer(lang+"-thread", func() { h.say(discordfake.UserMessage{ChannelID: thread.ID, Content: qs[2]}) })
			if got := fieldIDs(inThread); len(cited) < 2 || len(got) == 0 || got[0] != cited[1] {
				t.Errorf("\"the second one\" in the thread cites %v; want %s first (of %v)", got, cited[min(1, len(cited)-1)], cited)
			}
			h.goldenAnswer(lang+"-dm", func() { h.say(discordfake.UserMessage{ChannelID: dm, Content: qs[0]}) })
		})
	}
	t.Run("other", func(t *testing.T) {
		h.t = t
		h.goldenAnswer("zh-off-topic", func() { h.slash("今天北京天气怎么样?") })
		h.useModel(t, "hosted")
		h.goldenAnswer("zh-model", func() { h.slash(layoutQuestions["zh"][0]) })
		h.goldenAnswer("en-fallback", func() { h.slash(layoutQuestions["en"][0]) })
		since := time.Now()
		h.slash(strings.Repeat("长", advisor.MaxQuestionChars+1))
		c, err := h.srv.WaitFor(ctxT(t), func(c discordfake.Call) bool {
			return !c.At.Before(since) && strings.Contains(string(c.Body), "问题太长了")
		})
		if err != nil {
			t.Fatalf("no refusal: %v", err)
		}
		h.golden("zh-refusal", c)
	})
	h.t = parent
	h.assertNoPings()
}

// slash asks text by /ask.
func (h *harness) slash(text string) {
	h.t.Helper()
	i := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", text))
	if err := h.srv.DispatchInteraction(i); err != nil {
		h.t.Fatal(err)
	}
}

// say posts um as the member.
func (h *harness) say(um discordfake.UserMessage) {
	h.t.Helper()
	um.AuthorID = discordfake.UserMember
	if _, err := h.srv.DispatchMessage(um); err != nil {
		h.t.Fatal(err)
	}
}

// goldenAnswer asks as ask does, waits for the answer (a message with the
// answer's buttons), compares the payload that delivered it with the
// golden file name, and returns the message.
func (h *harness) goldenAnswer(name string, ask func()) *discordgo.Message {
	h.t.Helper()
	since := time.Now()
	ask()
	var final discordfake.Call
	_, err := h.srv.WaitFor(ctxT(h.t), func(c discordfake.Call) bool {
		if !c.At.Before(since) && isPayload(c) && strings.Contains(string(c.Body), render.IDAssess) {
			final = c
			return true
		}
		return false
	})
	if err != nil {
		h.t.Fatalf("%s: no answer: %v", name, err)
	}
	h.settle(discordfake.UserMember)
	for _, c := range h.srv.Calls() { // the last delivery: streamed edits come first
		if !c.At.Before(since) && isPayload(c) && strings.Contains(string(c.Body), render.IDAssess) {
			final = c
		}
	}
	var m discordgo.Message
	if err := json.Unmarshal(final.Response, &m); err != nil {
		h.t.Fatalf("%s: %v", name, err)
	}
	h.golden(name, final)
	return &m
}

// isPayload reports whether c sent or edited a message.
func isPayload(c discordfake.Call) bool {
	return (c.Method == "POST" || c.Method == "PATCH") && c.Pings != nil && len(c.Body) > 0
}

// golden checks the message payload of c against Discord's limits and the
// chat rules, and compares it (IDs and the knowledge version masked) with
// testdata/layout/NAME.json.
func (h *harness) golden(name string, c discordfake.Call) {
	t := h.t
	t.Helper()
	var m discordgo.Message
	if err := c.Decode(&m); err != nil {
		t.Fatal(err)
	}
	d := &discordgo.InteractionResponseData{Content: m.Content, Embeds: m.Embeds, Components: m.Components}
	if err := render.Check(d); err != nil {
		t.Errorf("%s: %v", name, err)
	}
	visible := render.Visible(d)
	if strings.Contains(visible, "premortem ") {
		t.Errorf("%s shows a terminal command:\n%s", name, visible)
	}
	if n := render.Units(visible); n > layoutFirstView {
		t.Errorf("%s: the first view is %d units; want at most %d", name, n, layoutFirstView)
	}
	var body map[string]any
	if err := json.Unmarshal(c.Body, &body); err != nil {
		t.Fatal(err)
	}
	if ref, ok := body["message_reference"].(map[string]any); ok {
		ref["message_id"], ref["channel_id"] = "QUESTION", "CHANNEL"
	}
	route, _, _ := strings.Cut(c.Route, " /")
	pattern := route + " /" + strings.Fields(strings.TrimPrefix(c.Route, route+" /"))[0]
	out, err := json.MarshalIndent(map[string]any{"call": pattern, "visible_units": render.Units(visible), "body": body}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(string(out), h.adv.KB().Version, "KB") + "\n"
	goldenfile.Check(t, filepath.Join("testdata", "layout", name+".json"), got, *update, "go test ./bot -run TestLayoutGoldens -update")
}

// fieldIDs are the risk IDs an answer's fields name, in order.
func fieldIDs(m *discordgo.Message) []string {
	var ids []string
	for _, e := range m.Embeds {
		for _, f := range e.Fields {
			if id, _, ok := strings.Cut(strings.TrimPrefix(f.Name, "`"), "`"); ok {
				ids = append(ids, id)
			}
		}
	}
	return ids
}

func isSubset(xs, of []string) bool {
	for _, x := range xs {
		if !slices.Contains(of, x) {
			return false
		}
	}
	return true
}

// TestRiskButtonsDiscloseTheRest clicks an answer's "what to do" and "more
// on this risk" buttons, as another member: each is answered privately,
// in the answer's language, with the steps the advisor chose for the
// asker and with what /risks ID shows.
func TestRiskButtonsDiscloseTheRest(t *testing.T) {
	h := startBot(t)
	q := layoutQuestions["zh"][0]
	want, err := h.adv.Ask(ctxT(t), advisor.Request{Question: q})
	if err != nil {
		t.Fatal(err)
	}
	i := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", q))
	h.interact(i)
	answer := h.waitOriginal(i, func(m *discordgo.Message) bool { return len(m.Components) > 0 })
	top := want.Risks[0]
	mode, _ := h.adv.KB().Mode(top.ID)
	for _, tc := range []struct {
		customID string
		want     []string
	}{
		{render.ToDoID(top, h.adv.KB(), "zh"), append([]string{"先做什么"}, top.Actions...)},
		{render.MoreID(top.ID, "zh"), []string{mode.Summary.ZH, render.T("zh", "signals")}},
	} {
		if !slices.Contains(componentIDs(answer.Components), tc.customID) {
			t.Fatalf("no button %s under the answer: %v", tc.customID, componentIDs(answer.Components))
		}
		b := h.srv.Button(discordfake.UserOther, discordfake.ChannelGeneral, answer.ID, tc.customID)
		if a := h.interact(b); ackData(t, a).Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Errorf("%s: acknowledged publicly (%s)", tc.customID, a.Data)
		}
		c, err := h.srv.WaitCall(ctxT(t), "PATCH", "/webhooks/"+discordfake.BotID+"/"+b.Token)
		if err != nil {
			t.Fatal(err)
		}
		var m discordgo.Message
		if err := c.Decode(&m); err != nil {
			t.Fatal(err)
		}
		d := &discordgo.InteractionResponseData{Content: m.Content, Embeds: m.Embeds, Components: m.Components}
		if err := render.Check(d); err != nil {
			t.Errorf("%s: %v", tc.customID, err)
		}
		shown := render.Visible(d)
		for _, w := range tc.want {
			if !strings.Contains(shown, strings.TrimSuffix(w, "。")) {
				t.Errorf("%s shows\n%s\nwithout %q", tc.customID, shown, w)
			}
		}
	}
}
