package bot

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/internal/discordfake"
)

// TestAssessThroughRouter checks the router delivers the wizard's
// responses: a private first step, a step replaced in place, a modal as the
// first response, the answer's "assess my company" button and /forget.
func TestAssessThroughRouter(t *testing.T) {
	h := startBot(t, withWizard)
	a := h.interact(h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "assess"))
	d := ackData(t, a)
	if a.Type != discordgo.InteractionResponseChannelMessageWithSource || d.Flags&discordgo.MessageFlagsEphemeral == 0 || len(d.Components) == 0 {
		t.Fatalf("/assess ack %d %+v", a.Type, d)
	}
	msg := h.srv.Messages(discordfake.ChannelGeneral)
	first := msg[len(msg)-1]
	var pick string
	for _, row := range first.Components {
		for _, c := range row.(*discordgo.ActionsRow).Components {
			if s, ok := c.(*discordgo.SelectMenu); ok {
				pick = s.CustomID
			}
		}
	}
	a = h.interact(h.srv.SelectMenu(discordfake.UserMember, discordfake.ChannelGeneral, first.ID, pick, "0"))
	if a.Type != discordgo.InteractionResponseUpdateMessage {
		t.Errorf("answer ack %d; want the step replaced", a.Type)
	}
	// Starting again from an answer's button offers to resume.
	a = h.interact(h.srv.Button(discordfake.UserMember, discordfake.ChannelGeneral, first.ID, idAssess))
	if d := ackData(t, a); !strings.Contains(d.Content, "unfinished") && !strings.Contains(d.Content, "没有完成") {
		t.Errorf("assess button %q", d.Content)
	}
	a = h.interact(h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "forget"))
	if d := ackData(t, a); d.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("/forget reply is public: %q", d.Content)
	}
	h.assertNoPings()
}
