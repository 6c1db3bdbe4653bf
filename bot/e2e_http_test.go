package bot

import (
	"bytes"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/internal/discordfake"
)

// freeAddr is a loopback address no one listens on.
func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startHTTPBot runs a bot serving the interactions endpoint, with the
// gateway on or off, and returns the endpoint's URL.
func startHTTPBot(t *testing.T, gateway bool) (*harness, string) {
	srv := discordfake.New(t, discordfake.Options{})
	addr := freeAddr(t)
	h := start(t, setup{srv: srv, wizard: true}, func(c *config.Discord, _ *discordfake.Options) {
		c.InteractionsAddr, c.PublicKey, c.Gateway = addr, srv.PublicKey(), gateway
	})
	return h, "http://" + addr + "/interactions"
}

// post posts i to the endpoint as Discord would.
func (h *harness) post(url string, i *discordgo.Interaction) discordfake.Ack {
	h.t.Helper()
	a, err := h.srv.PostInteraction(ctxT(h.t), url, i)
	if err != nil {
		h.t.Fatal(err)
	}
	return a
}

func TestHTTPInteractions(t *testing.T) {
	h, url := startHTTPBot(t, true)
	if a := h.post(url, h.srv.Ping()); a.Type != discordgo.InteractionResponsePong {
		t.Errorf("PING answered %d (status %d)", a.Type, a.Status)
	}
	// A quick command is answered in the HTTP response.
	a := h.post(url, h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "risks", discordfake.StringOption("id", "capital")))
	if d := ackData(t, a); a.Status != 204 || a.Type != discordgo.InteractionResponseChannelMessageWithSource || len(d.Embeds) != 1 || !strings.Contains(d.Embeds[0].Title, "`capital`") {
		t.Errorf("/risks over HTTP: %d %d %+v", a.Status, a.Type, d.Embeds)
	}
	// /ask is deferred in the response, then answered through the webhook.
	i := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", stabilityQuestion))
	if a := h.post(url, i); a.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Errorf("/ask over HTTP acknowledged with %d", a.Type)
	}
	m := h.waitOriginal(i, func(m *discordgo.Message) bool { return len(m.Components) > 0 })
	if len(m.Embeds) == 0 || !strings.Contains(m.Embeds[len(m.Embeds)-1].Footer.Text, "builtin") {
		t.Errorf("answer over HTTP %+v", m.Embeds)
	}
	// The wizard's first step, privately.
	a = h.post(url, h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "assess"))
	if d := ackData(t, a); d.Flags&discordgo.MessageFlagsEphemeral == 0 || len(d.Components) == 0 {
		t.Errorf("/assess over HTTP %+v", d)
	}
	h.assertNoPings()

	body := []byte(`{"type":1,"id":"1","token":"t","application_id":"` + discordfake.BotID + `"}`)
	sig, ts := h.srv.Sign(body)
	for _, tc := range []struct {
		name    string
		body    []byte
		headers map[string]string
	}{
		{"unsigned", body, nil},
		{"bad signature", body, map[string]string{"X-Signature-Ed25519": strings.Repeat("0", 128), "X-Signature-Timestamp": ts}},
		{"tampered body", bytes.Replace(body, []byte(`"1"`), []byte(`"2"`), 1), map[string]string{"X-Signature-Ed25519": sig, "X-Signature-Timestamp": ts}},
		{"other timestamp", body, map[string]string{"X-Signature-Ed25519": sig, "X-Signature-Timestamp": ts + "0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(tc.body))
			for k, v := range tc.headers {
				req.Header.Set(k, v)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusUnauthorized {
				t.Errorf("status %d; want 401", resp.StatusCode)
			}
		})
	}
}

// TestHTTPInteractionsOnly runs the bot without a gateway connection, as
// one of several stateless processes behind a load balancer would.
func TestHTTPInteractionsOnly(t *testing.T) {
	h, url := startHTTPBot(t, false)
	if n := h.srv.Identifies(); n != 0 {
		t.Errorf("%d gateway identifies with discord.gateway false", n)
	}
	i := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", stabilityQuestion))
	h.post(url, i)
	h.waitOriginal(i, func(m *discordgo.Message) bool { return len(m.Components) > 0 })
	if len(h.srv.Commands(discordfake.GuildID)) == 0 {
		t.Error("commands not registered without the gateway")
	}
}
