package bot

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/internal/discordfake"
	"github.com/premortem/premortem/llm"
)

// botAnswer waits for the bot's finished answer in channel, replying to
// the message with ID replyTo ("" for any).
func (h *harness) botAnswer(channel, replyTo string) *discordgo.Message {
	h.t.Helper()
	m, err := h.srv.WaitMessage(ctxT(h.t), channel, func(m *discordgo.Message) bool {
		if m.Author == nil || m.Author.ID != discordfake.BotID || len(m.Embeds) == 0 || len(m.Components) == 0 {
			return false
		}
		return replyTo == "" || m.MessageReference != nil && m.MessageReference.MessageID == replyTo
	})
	if err != nil {
		h.t.Fatalf("no answer in %s: %v", channel, err)
	}
	h.settle(discordfake.UserMember)
	return m
}

func TestMentionReplyAndThreadConversation(t *testing.T) {
	h := startBot(t)
	h.useModel(t, "local")

	// A mention of the bot's managed role is a question; the answer replies
	// to it, pinging the asker only, and a thread opens from the answer.
	q, err := h.srv.DispatchMessage(discordfake.UserMessage{ChannelID: discordfake.ChannelGeneral, AuthorID: discordfake.UserMember,
		Content: "<@&" + discordfake.RoleBot + "> 我们的收入远低于成本,market 风险大吗? @everyone"})
	if err != nil {
		t.Fatal(err)
	}
	answer := h.botAnswer(discordfake.ChannelGeneral, q.ID)
	if !strings.Contains(answer.Embeds[0].Description, "收入远低于成本") {
		t.Errorf("answer %q", answer.Embeds[0].Description)
	}
	thread, err := h.srv.WaitCall(ctxT(t), "POST", "/channels/"+discordfake.ChannelGeneral+"/messages/"+answer.ID+"/threads")
	if err != nil {
		t.Fatalf("no thread opened from the answer: %v", err)
	}
	var th discordgo.Channel
	if err := json.Unmarshal(thread.Response, &th); err != nil || th.ID == "" {
		t.Fatalf("thread %s: %v", thread.Response, err)
	}
	if got := h.model.requests(); len(got) != 1 || !strings.Contains(lastUser(got[0]), "收入远低于成本") || strings.Contains(lastUser(got[0]), "<@&") {
		t.Errorf("model asked %q", lastUser(got[len(got)-1]))
	}

	// A reply to the answer is a question with the chain as context.
	r, err := h.srv.DispatchMessage(discordfake.UserMessage{ChannelID: discordfake.ChannelGeneral, AuthorID: discordfake.UserMember,
		Content: "那开源呢?", ReplyTo: answer.ID})
	if err != nil {
		t.Fatal(err)
	}
	h.botAnswer(discordfake.ChannelGeneral, r.ID)
	reqs := h.model.requests()
	if len(reqs) != 2 || !hasTurn(reqs[1], llm.RoleUser, "premortem: 市场不行") || !hasTurn(reqs[1], llm.RoleUser, "market 风险大吗") {
		t.Errorf("reply context %+v", reqs[len(reqs)-1])
	}

	// In the bot's thread, no mention is needed.
	tq, err := h.srv.DispatchMessage(discordfake.UserMessage{ChannelID: th.ID, AuthorID: discordfake.UserMember, Content: "开源之后该怎么收费?"})
	if err != nil {
		t.Fatal(err)
	}
	h.botAnswer(th.ID, tq.ID)
	reqs = h.model.requests()
	if len(reqs) != 3 || !hasTurn(reqs[2], llm.RoleUser, "premortem: 市场不行") || !hasTurn(reqs[2], llm.RoleUser, "开源之后该怎么收费") {
		t.Errorf("thread context %+v", reqs[len(reqs)-1])
	}

	// A message that neither mentions nor replies is not a question.
	h.srv.DispatchMessage(discordfake.UserMessage{ChannelID: discordfake.ChannelGeneral, AuthorID: discordfake.UserMember, Content: "大家好"})
	h.assertNoPings()
	for _, c := range h.srv.CallsTo("POST", "/channels/") {
		if c.Pings != nil && c.Pings.RepliedUser && !strings.Contains(c.Path, "/messages") {
			t.Errorf("%s pings", c)
		}
	}
}

func TestReplyChainIsCappedWithNotice(t *testing.T) {
	h := startBot(t, func(c *config.Discord, _ *discordfake.Options) { c.HistoryTurns = 2 })
	h.useModel(t, "local")
	prev := ""
	var last *discordgo.Message
	for n := range 3 {
		um := discordfake.UserMessage{ChannelID: discordfake.ChannelGeneral, AuthorID: discordfake.UserMember,
			Content: "<@" + discordfake.BotID + "> 第" + string(rune('1'+n)) + "个问题 market", ReplyTo: prev}
		q, err := h.srv.DispatchMessage(um)
		if err != nil {
			t.Fatal(err)
		}
		last = h.botAnswer(discordfake.ChannelGeneral, q.ID)
		prev = last.ID
	}
	if !strings.Contains(last.Content, "earlier messages were left out") && !strings.Contains(last.Content, "更早的消息") {
		t.Errorf("no notice on a capped chain: content %q", last.Content)
	}
	reqs := h.model.requests()
	if p := lastUser(reqs[len(reqs)-1]); strings.Contains(p, "第1个问题") || !strings.Contains(p, "第2个问题") {
		t.Errorf("history not capped at the 2 newest turns:\n%s", p)
	}
}

func lastUser(msgs []llm.Message) string {
	for i := len(msgs) - 1; i >= 0; i-- {
		if msgs[i].Role == llm.RoleUser {
			return msgs[i].Content
		}
	}
	return ""
}

func hasTurn(msgs []llm.Message, role llm.Role, substr string) bool {
	return slices.ContainsFunc(msgs, func(m llm.Message) bool { return m.Role == role && strings.Contains(m.Content, substr) })
}
