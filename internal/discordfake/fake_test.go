package discordfake_test

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/premortem/premortem/internal/discordfake"
)

// open points discordgo at srv and opens a session that records the
// interactions and messages it receives.
func open(t *testing.T, srv *discordfake.Server, intents discordgo.Intent) (*discordgo.Session, *events) {
	t.Helper()
	if err := discordfake.PointDiscordgo(srv.URL()); err != nil {
		t.Fatal(err)
	}
	dg, err := discordgo.New(srv.Token())
	if err != nil {
		t.Fatal(err)
	}
	dg.LogLevel = -1
	dg.Identify.Intents = intents
	ev := &events{
		interactions: make(chan *discordgo.InteractionCreate, 16),
		messages:     make(chan *discordgo.MessageCreate, 16),
		ready:        make(chan *discordgo.Ready, 4),
	}
	dg.AddHandler(func(_ *discordgo.Session, i *discordgo.InteractionCreate) { ev.interactions <- i })
	dg.AddHandler(func(_ *discordgo.Session, m *discordgo.MessageCreate) { ev.messages <- m })
	dg.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { ev.ready <- r })
	if err := dg.Open(); err != nil {
		t.Fatalf("open session: %v", err)
	}
	t.Cleanup(func() { dg.Close() })
	return dg, ev
}

func testLogger(t *testing.T) *slog.Logger {
	return slog.New(slog.NewTextHandler(t.Output(), &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type events struct {
	interactions chan *discordgo.InteractionCreate
	messages     chan *discordgo.MessageCreate
	ready        chan *discordgo.Ready
}

func recv[T any](t *testing.T, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("timed out waiting for %T", *new(T))
		panic("unreachable")
	}
}

// recvMatch receives until match accepts a value, dropping the others.
func recvMatch[T any](t *testing.T, ch <-chan T, match func(T) bool) T {
	t.Helper()
	for {
		if v := recv(t, ch); match(v) {
			return v
		}
	}
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	t.Cleanup(cancel)
	return c
}

const allIntents = discordgo.IntentsAllWithoutPrivileged | discordgo.IntentMessageContent

func TestReadyAndDeferredInteraction(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{})
	dg, ev := open(t, srv, allIntents)
	r := recv(t, ev.ready)
	if r.User.ID != discordfake.BotID || r.SessionID == "" {
		t.Fatalf("READY user %v session %q", r.User, r.SessionID)
	}
	if got := srv.IdentifyLog()[0].Intents; got != allIntents {
		t.Errorf("identify intents = %d, want %d", got, allIntents)
	}

	in := srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", "最大的风险是什么?"))
	if err := srv.DispatchInteraction(in); err != nil {
		t.Fatal(err)
	}
	got := recv(t, ev.interactions)
	if q := got.ApplicationCommandData().GetOption("question").StringValue(); q != "最大的风险是什么?" {
		t.Fatalf("question option = %q", q)
	}
	if got.Member.User.ID != discordfake.UserMember {
		t.Fatalf("member = %v", got.Member.User)
	}
	if err := dg.InteractionRespond(got.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}); err != nil {
		t.Fatal(err)
	}
	ack, err := srv.WaitAck(ctx(t), in.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ack.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || ack.Latency <= 0 {
		t.Fatalf("ack = %+v", ack)
	}
	content := "答案 `market`"
	msg, err := dg.InteractionResponseEdit(got.Interaction, &discordgo.WebhookEdit{
		Content:         &content,
		AllowedMentions: &discordgo.MessageAllowedMentions{},
	})
	if err != nil {
		t.Fatal(err)
	}
	stored := srv.Message(discordfake.ChannelGeneral, msg.ID)
	if stored == nil || stored.Content != content || stored.Flags&discordgo.MessageFlagsLoading != 0 {
		t.Fatalf("stored original = %+v", stored)
	}
	edit, err := srv.WaitCall(ctx(t), "PATCH", "/webhooks/"+discordfake.BotID+"/"+in.Token+"/messages/@original")
	if err != nil {
		t.Fatal(err)
	}
	if !edit.HasAllowedMentions || edit.Pings.Any() {
		t.Errorf("edit allowed_mentions present=%v pings=%+v", edit.HasAllowedMentions, edit.Pings)
	}
	// A second acknowledgement is refused as on Discord.
	err = dg.InteractionRespond(got.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
	var rerr *discordgo.RESTError
	if !errors.As(err, &rerr) || rerr.Message == nil || rerr.Message.Code != 40060 {
		t.Fatalf("second ack error = %v", err)
	}
}

func TestWrongTokenCloses4004(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{Token: "right"})
	if err := discordfake.PointDiscordgo(srv.URL()); err != nil {
		t.Fatal(err)
	}
	dg, _ := discordgo.New("Bot wrong")
	dg.LogLevel = -1
	err := dg.Open()
	// GET /gateway needs no token, as on Discord; the gateway refuses it.
	var ce *websocket.CloseError
	if !errors.As(err, &ce) || ce.Code != discordfake.CloseAuthenticationFailed {
		t.Fatalf("open with wrong token: %v", err)
	}
	if _, err := dg.User("@me"); err == nil || !strings.Contains(err.Error(), "401") {
		t.Fatalf("REST with wrong token: %v", err)
	}
}

func TestGatewayCloseCodes(t *testing.T) {
	tests := []struct {
		name     string
		opts     discordfake.Options
		identify string
		intents  discordgo.Intent
		want     int
	}{
		{"wrong token", discordfake.Options{}, "Bot nope", discordgo.IntentsGuilds, discordfake.CloseAuthenticationFailed},
		{"disallowed intent", discordfake.Options{DisallowedIntents: discordgo.IntentMessageContent}, "", allIntents, discordfake.CloseDisallowedIntents},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := discordfake.New(t, tc.opts)
			discordfake.PointDiscordgo(srv.URL())
			dg, _ := discordgo.New(srv.Token())
			dg.LogLevel = -1
			dg.Identify.Intents = tc.intents
			if tc.identify != "" {
				dg.Identify.Token = tc.identify
			}
			err := dg.Open()
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != tc.want {
				t.Fatalf("open: %v, want close code %d", err, tc.want)
			}
		})
	}
}

func TestSurvivesReconnectDropAndInvalidSession(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{Logger: testLogger(t)})
	_, ev := open(t, srv, allIntents)
	recv(t, ev.ready)
	c := ctx(t)

	if err := srv.WaitReady(c); err != nil {
		t.Fatal(err)
	}
	if err := srv.Reconnect(); err != nil {
		t.Fatal(err)
	}
	if err := srv.WaitResumes(c, 1); err != nil {
		t.Fatal(err)
	}

	if err := srv.WaitReady(c); err != nil {
		t.Fatal(err)
	}
	if err := srv.DropConnection(); err != nil {
		t.Fatal(err)
	}
	if err := srv.WaitDisconnected(c); err != nil {
		t.Fatal(err)
	}
	// Sent while the client is away: replayed on resume.
	if _, err := srv.DispatchMessage(discordfake.UserMessage{ChannelID: discordfake.ChannelGeneral, AuthorID: discordfake.UserMember, Content: "still there?"}); err != nil {
		t.Fatal(err)
	}
	if m := recv(t, ev.messages); m.Content != "still there?" {
		t.Fatalf("replayed message = %q", m.Content)
	}
	if err := srv.WaitResumes(c, 2); err != nil {
		t.Fatal(err)
	}

	if err := srv.WaitReady(c); err != nil {
		t.Fatal(err)
	}
	if err := srv.InvalidateSession(false); err != nil {
		t.Fatal(err)
	}
	if err := srv.WaitIdentifies(c, 2); err != nil {
		t.Fatal(err)
	}
	recv(t, ev.ready)
	in := srv.Command(discordfake.UserAdmin, discordfake.ChannelGeneral, "help")
	if err := srv.DispatchInteraction(in); err != nil {
		t.Fatal(err)
	}
	if got := recv(t, ev.interactions); got.ID != in.ID {
		t.Fatalf("interaction after re-identify = %s, want %s", got.ID, in.ID)
	}
}

func TestRateLimitRetried(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{})
	dg, _ := open(t, srv, allIntents)
	route := "POST /channels/" + discordfake.ChannelGeneral + "/messages"
	srv.FailNext(route, 429, 300*time.Millisecond)
	start := time.Now()
	if _, err := dg.ChannelMessageSend(discordfake.ChannelGeneral, "hello"); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < 300*time.Millisecond {
		t.Errorf("send returned after %v, before Retry-After", d)
	}
	calls := srv.CallsTo("POST", "/channels/"+discordfake.ChannelGeneral+"/messages")
	if len(calls) != 2 || calls[0].Status != 429 || calls[1].Status != 200 {
		t.Fatalf("calls = %v", calls)
	}
	if calls[1].HasAllowedMentions {
		t.Errorf("ChannelMessageSend sent allowed_mentions")
	}
	if got := srv.Messages(discordfake.ChannelGeneral); len(got) != 1 || got[0].Content != "hello" {
		t.Fatalf("messages = %v", got)
	}
}

func TestMessageLimits(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{})
	dg, _ := open(t, srv, allIntents)
	field := &discordgo.MessageEmbedField{Name: "n", Value: strings.Repeat("v", 1000)}
	tests := []struct {
		name string
		msg  *discordgo.MessageSend
		want int // Discord error code, 0 for success
	}{
		{"ok", &discordgo.MessageSend{Content: "hi"}, 0},
		{"empty", &discordgo.MessageSend{}, 50006},
		{"content 2001", &discordgo.MessageSend{Content: strings.Repeat("x", 2001)}, 50035},
		{"content 2000 runes", &discordgo.MessageSend{Content: strings.Repeat("风", 2000)}, 0},
		{"description 4097", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Description: strings.Repeat("d", 4097)}}}, 50035},
		{"26 fields", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: repeat(&discordgo.MessageEmbedField{Name: "a", Value: "b"}, 26)}}}, 50035},
		{"field value 1025", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{{Name: "a", Value: strings.Repeat("b", 1025)}}}}}, 50035},
		{"total 6000", &discordgo.MessageSend{Embeds: []*discordgo.MessageEmbed{{Fields: repeat(field, 7)}}}, 50035},
		{"11 embeds", &discordgo.MessageSend{Embeds: repeat(&discordgo.MessageEmbed{Title: "t"}, 11)}, 50035},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := dg.ChannelMessageSendComplex(discordfake.ChannelRandom, tc.msg)
			code := 0
			var rerr *discordgo.RESTError
			if errors.As(err, &rerr) && rerr.Message != nil {
				code = rerr.Message.Code
			} else if err != nil {
				t.Fatalf("send: %v", err)
			}
			if code != tc.want {
				t.Fatalf("error code = %d (%v), want %d", code, err, tc.want)
			}
		})
	}
}

func repeat[T any](v T, n int) []T {
	out := make([]T, n)
	for i := range out {
		out[i] = v
	}
	return out
}

func TestCustomGuild(t *testing.T) {
	g := &discordgo.Guild{
		ID: "1", Name: "tiny", OwnerID: "2",
		Channels: []*discordgo.Channel{{ID: "3", Name: "chat", Type: discordgo.ChannelTypeGuildText}},
		Members:  []*discordgo.Member{{User: &discordgo.User{ID: "2", Username: "founder"}}},
	}
	srv := discordfake.New(t, discordfake.Options{Guild: g, Token: "tiny-token"})
	dg, ev := open(t, srv, allIntents)
	recv(t, ev.ready)
	if _, err := dg.ChannelMessageSend("3", "hello"); err != nil {
		t.Fatal(err)
	}
	srv.DispatchInteraction(srv.Command("2", "3", "help"))
	if in := recv(t, ev.interactions); in.GuildID != "1" || in.Member.Permissions != discordgo.PermissionAll {
		t.Fatalf("owner's interaction = %+v", in.Interaction)
	}
}
