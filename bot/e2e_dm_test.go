package bot

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/internal/discordfake"
	"github.com/premortem/premortem/llm"
)

// TestDirectMessageConversation checks a DM is a question answered in the
// DM, that the next DM has the DM channel as context, and that /assess
// and /forget work there too.
func TestDirectMessageConversation(t *testing.T) {
	h := start(t, setup{wizard: true})
	if err := h.adv.Backends().SetDefault("local"); err != nil {
		t.Fatal(err)
	}
	dm := h.srv.DMChannel(discordfake.UserMember)
	q, err := h.srv.DispatchMessage(discordfake.UserMessage{ChannelID: dm, AuthorID: discordfake.UserMember, Content: "我们的收入远低于成本,market 风险大吗?"})
	if err != nil {
		t.Fatal(err)
	}
	answer := h.botAnswer(dm, q.ID)
	if !strings.Contains(answer.Embeds[0].Description, "收入远低于成本") {
		t.Errorf("answer %q", answer.Embeds[0].Description)
	}
	if len(h.srv.CallsTo("POST", "/channels/"+dm+"/messages/")) != 0 {
		t.Error("a thread was opened in a DM")
	}
	f, err := h.srv.DispatchMessage(discordfake.UserMessage{ChannelID: dm, AuthorID: discordfake.UserMember, Content: "那开源呢?"})
	if err != nil {
		t.Fatal(err)
	}
	h.botAnswer(dm, f.ID)
	reqs := h.model.requests()
	if len(reqs) != 2 || !hasTurn(reqs[1], llm.RoleUser, "premortem: 市场不行") || !hasTurn(reqs[1], llm.RoleUser, "market 风险大吗") {
		t.Errorf("DM context (%d requests):\n%s", len(reqs), lastUser(reqs[len(reqs)-1]))
	}

	a := h.interact(h.srv.Command(discordfake.UserMember, dm, "assess"))
	if d := ackData(t, a); a.Type != discordgo.InteractionResponseChannelMessageWithSource || len(d.Components) == 0 {
		t.Errorf("/assess in a DM: %d %+v", a.Type, d)
	}
	if d := ackData(t, h.interact(h.srv.Command(discordfake.UserMember, dm, "forget"))); !strings.Contains(d.Content, "Deleted") {
		t.Errorf("/forget in a DM: %q", d.Content)
	}
	if d := ackData(t, h.interact(h.srv.Command(discordfake.UserMember, dm, "model", discordfake.SubCommand("use", discordfake.StringOption("name", "local"))))); !strings.Contains(d.Content, "servers only") {
		t.Errorf("/model use in a DM: %q", d.Content)
	}
	h.assertNoPings()
}

// TestDirectMessagesOff checks discord.direct_messages: false leaves DMs
// unanswered.
func TestDirectMessagesOff(t *testing.T) {
	h := startBot(t, func(c *config.Discord, _ *discordfake.Options) { c.DirectMessages = false })
	dm := h.srv.DMChannel(discordfake.UserMember)
	if _, err := h.srv.DispatchMessage(discordfake.UserMessage{ChannelID: dm, AuthorID: discordfake.UserMember, Content: "market?"}); err != nil {
		t.Fatal(err)
	}
	// A slash command after it is answered; the DM before it never was.
	h.interact(h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "help"))
	if n := len(h.srv.CallsTo("POST", "/channels/"+dm+"/")); n != 0 {
		t.Errorf("%d calls answered a DM with direct_messages off", n)
	}
}
