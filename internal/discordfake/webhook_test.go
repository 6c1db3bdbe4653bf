package discordfake_test

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/internal/discordfake"
)

// TestPostInteractionIsSignedAndAnswered plays a bot's interactions
// endpoint with discordgo's own verification: the fake's signature
// verifies, the HTTP response is the first response, and a follow-up
// through the webhook replaces the deferral.
func TestPostInteractionIsSignedAndAnswered(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{})
	key, _ := hex.DecodeString(srv.PublicKey())
	endpoint := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !discordgo.VerifyInteraction(r, ed25519.PublicKey(key)) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		var i discordgo.Interaction
		json.NewDecoder(r.Body).Decode(&i)
		typ := discordgo.InteractionResponseDeferredChannelMessageWithSource
		if i.Type == discordgo.InteractionPing {
			typ = discordgo.InteractionResponsePong
		}
		json.NewEncoder(w).Encode(discordgo.InteractionResponse{Type: typ})
	}))
	defer endpoint.Close()

	pong, err := srv.PostInteraction(ctx(t), endpoint.URL, srv.Ping())
	if err != nil || pong.Type != discordgo.InteractionResponsePong || pong.Status != http.StatusNoContent {
		t.Fatalf("ping: %+v, %v", pong, err)
	}
	i := srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", "market?"))
	a, err := srv.PostInteraction(ctx(t), endpoint.URL, i)
	if err != nil || a.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || a.Status != http.StatusNoContent || a.Latency <= 0 {
		t.Fatalf("ask: %+v, %v", a, err)
	}
	if c, err := srv.WaitCall(ctx(t), "RESPONSE", "/interactions/"+i.ID); err != nil || c.Status != http.StatusNoContent {
		t.Fatalf("recorded response %v, %v", c, err)
	}

	dg, err := discordgo.New(srv.Token())
	if err != nil {
		t.Fatal(err)
	}
	if err := discordfake.PointDiscordgo(srv.URL()); err != nil {
		t.Fatal(err)
	}
	if _, err := dg.FollowupMessageCreate(i, true, &discordgo.WebhookParams{Content: "answer", AllowedMentions: &discordgo.MessageAllowedMentions{}}); err != nil {
		t.Fatal(err)
	}
	if m, err := srv.WaitMessage(ctx(t), discordfake.ChannelGeneral, func(m *discordgo.Message) bool { return m.Content == "answer" }); err != nil || m.Flags&discordgo.MessageFlagsLoading != 0 {
		t.Fatalf("follow-up did not replace the deferral: %+v, %v", m, err)
	}

	// Another application's key does not verify.
	other := discordfake.New(t, discordfake.Options{})
	body := []byte(`{"type":1}`)
	sig, ts := other.Sign(body)
	req, _ := http.NewRequest(http.MethodPost, endpoint.URL, strings.NewReader(string(body)))
	req.Header.Set("X-Signature-Ed25519", sig)
	req.Header.Set("X-Signature-Timestamp", ts)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("foreign signature: %d", resp.StatusCode)
	}
}

// TestDirectMessages checks a DM reaches a bot with DIRECT_MESSAGES only,
// content and all, and the bot's answer lands in the DM.
func TestDirectMessages(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{})
	dg, ev := open(t, srv, discordgo.IntentsDirectMessages)
	recv(t, ev.ready)
	dm := srv.DMChannel(discordfake.UserMember)
	if again := srv.DMChannel(discordfake.UserMember); again != dm {
		t.Fatalf("second DM channel %s; want %s", again, dm)
	}
	if c, err := dg.UserChannelCreate(discordfake.UserMember); err != nil || c.ID != dm || c.Type != discordgo.ChannelTypeDM {
		t.Fatalf("POST /users/@me/channels: %+v, %v", c, err)
	}
	q, err := srv.DispatchMessage(discordfake.UserMessage{ChannelID: dm, AuthorID: discordfake.UserMember, Content: "最大的风险是什么?"})
	if err != nil {
		t.Fatal(err)
	}
	got := recv(t, ev.messages)
	if got.ID != q.ID || got.GuildID != "" || got.Member != nil || got.Content != "最大的风险是什么?" {
		t.Fatalf("DM event = %+v", got.Message)
	}
	if _, err := dg.ChannelMessageSendReply(dm, "`market`", q.Reference()); err != nil {
		t.Fatal(err)
	}
	if msgs, _ := dg.ChannelMessages(dm, 10, "", "", ""); len(msgs) != 2 {
		t.Errorf("DM history has %d messages; want 2", len(msgs))
	}
	i := srv.Command(discordfake.UserMember, dm, "assess")
	if i.GuildID != "" || i.Member != nil || i.User == nil || i.User.ID != discordfake.UserMember || i.Context != discordgo.InteractionContextBotDM {
		t.Errorf("DM interaction %+v", i)
	}
}
