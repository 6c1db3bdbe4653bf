package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/router"
	"github.com/premortem/premortem/internal/discordfake"
)

func TestRouterDefersSlowHandlersAndSurvivesPanics(t *testing.T) {
	h := startBot(t)
	r := h.bot.router.With(h.bot.job(router.DeferOptions{After: 20 * time.Millisecond})...)
	release := make(chan struct{})
	r.Command("slow", func(ctx context.Context, q *router.Request) *router.Response {
		<-release
		return router.Reply(&discordgo.InteractionResponseData{Content: "done <@" + discordfake.UserOther + "> @everyone"})
	})
	r.Command("boom", func(ctx context.Context, q *router.Request) *router.Response { panic("boom") })
	r.Command("private", func(ctx context.Context, q *router.Request) *router.Response {
		<-release
		return router.Private("only you")
	})

	i := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "slow")
	if a := h.interact(i); a.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Errorf("slow handler ack %d; want deferred", a.Type)
	}
	p := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "private")
	h.interact(p)
	close(release)
	m := h.waitOriginal(i, func(m *discordgo.Message) bool { return strings.HasPrefix(m.Content, "done") })
	if len(m.Mentions) != 0 || m.MentionEveryone {
		t.Errorf("the edit pinged: %+v", m.Mentions)
	}
	// A private answer after a public deferral: deleted, then said privately.
	c, err := h.srv.WaitCall(ctxT(t), "POST", "/webhooks/"+discordfake.BotID+"/"+p.Token)
	if err != nil {
		t.Fatal(err)
	}
	var wp discordgo.WebhookParams
	c.Decode(&wp)
	if wp.Content != "only you" || wp.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("private follow-up %+v", wp)
	}

	d := ackData(t, h.interact(h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "boom")))
	if d.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(d.Content, "went wrong") {
		t.Errorf("panic reply %+v", d)
	}
	d = ackData(t, h.interact(h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "nosuch")))
	if !strings.Contains(d.Content, "/help") {
		t.Errorf("unknown command reply %q", d.Content)
	}
	h.assertNoPings()
}
