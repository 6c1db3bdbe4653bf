package bot

import (
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/ops"
	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/internal/discordfake"
	"github.com/premortem/premortem/store"
)

func (h *harness) askAndWait(user string) *discordgo.Message {
	h.t.Helper()
	i := h.srv.Command(user, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", stabilityQuestion))
	h.interact(i)
	return h.waitOriginal(i, func(m *discordgo.Message) bool { return len(m.Components) > 0 })
}

func TestRateLimited429IsRetriedAndCounted(t *testing.T) {
	h := startBot(t)
	h.srv.FailNext("PATCH /webhooks/", 429, 300*time.Millisecond)
	h.askAndWait(discordfake.UserMember)
	if n := counter(t, h.bot.metrics, "premortem_discord_429_total"); n < 1 {
		t.Errorf("429s counted %v; want 1", n)
	}
	if h.bot.pacer.BlockedUntil(discordfake.ChannelGeneral).IsZero() {
		t.Error("a 429 on the interaction's webhook did not charge its channel's budget")
	}
	// The pacer blocked the channel for Retry-After; the next answer still lands.
	h.srv.FailNext("POST /webhooks/", 429, 200*time.Millisecond)
	h.askAndWait(discordfake.UserOther)
	h.assertNoPings()
}

func TestSurvivesReconnectAndDroppedSocket(t *testing.T) {
	h := startBot(t)
	if err := h.srv.Reconnect(); err != nil {
		t.Fatal(err)
	}
	if err := h.srv.WaitResumes(ctxT(t), 1); err != nil {
		t.Fatalf("no resume after op 7: %v", err)
	}
	h.askAndWait(discordfake.UserMember)
	if err := h.srv.DropConnection(); err != nil {
		t.Fatal(err)
	}
	if err := h.srv.WaitResumes(ctxT(t), 2); err != nil {
		t.Fatalf("no resume after a dropped socket: %v", err)
	}
	h.askAndWait(discordfake.UserOther)
}

func TestStartupErrorsAreClear(t *testing.T) {
	for _, tc := range []struct {
		name  string
		token string
		opts  discordfake.Options
		want  string
	}{
		{"wrong token", "not-the-token", discordfake.Options{}, "DISCORD_TOKEN was rejected"},
		{"no token", "", discordfake.Options{}, "DISCORD_TOKEN is not set"},
		{"message content intent off", discordfake.DefaultToken, discordfake.Options{DisallowedIntents: discordgo.IntentMessageContent}, "Message Content Intent"},
		{"interactions endpoint without its key", discordfake.DefaultToken, discordfake.Options{}, "DISCORD_PUBLIC_KEY is not"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := discordfake.New(t, tc.opts)
			cfg := config.Default().Discord
			cfg.APIBase = srv.URL()
			if strings.Contains(tc.want, "DISCORD_PUBLIC_KEY") {
				cfg.InteractionsAddr = freeAddr(t)
			}
			db, err := store.Open(context.Background(), ":memory:")
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			adv := newAdvisor(t, nil)
			b, err := New(Options{Config: cfg, Token: tc.token, Asker: adv, Backends: adv.Backends(), KB: adv.KB(), Store: db, Logger: testLogger(t)})
			if err != nil {
				t.Fatal(err)
			}
			err = b.Run(ctxT(t))
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("Run = %v; want one line with %q", err, tc.want)
			}
		})
	}
}

func TestShutdownClosesAnswersPolitely(t *testing.T) {
	h := startBot(t, func(c *config.Discord, _ *discordfake.Options) { c.ShutdownGrace = 100 * time.Millisecond })
	h.useModel(t, "local")
	h.model.block = make(chan struct{}) // the model never answers
	i := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", stabilityQuestion))
	h.interact(i)
	// A second question while the first is in flight is refused privately.
	busy := ackData(t, h.interact(h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", "market?"))))
	if busy.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(busy.Content, "still being answered") {
		t.Errorf("busy %+v", busy)
	}
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	m := h.srv.Message(discordfake.ChannelGeneral, originalID(t, h, i))
	if m == nil || !strings.Contains(m.Content, "⏹️") {
		t.Errorf("in-flight answer after shutdown: %+v", m)
	}
}

func originalID(t *testing.T, h *harness, i *discordgo.Interaction) string {
	for _, m := range h.srv.Messages(i.ChannelID) {
		if m.Interaction != nil && m.Interaction.ID == i.ID {
			return m.ID
		}
	}
	t.Fatalf("no original response for %s", i.ID)
	return ""
}

func TestHealthAndMetrics(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	h := startBot(t, func(c *config.Discord, _ *discordfake.Options) { c.HTTPAddr = addr })
	h.askAndWait(discordfake.UserMember)
	get := func(path string) (int, string) {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	want := "ok\nshard 0/1 (configured): lease held, gateway connected\ncommands: registered by this process\nstorage sqlite: ok\n"
	if code, body := get("/healthz"); code != 200 || body != want {
		t.Errorf("/healthz %d %q; want %q", code, body, want)
	}
	_, body := get("/metrics")
	for _, want := range []string{`premortem_interactions_total{name="/ask",shard="0"} 1`, `premortem_ack_seconds_count{shard="0"}`,
		`premortem_model_seconds_count{backend="builtin",shard="0"} 1`, `premortem_gateway_shard_up{gateway_shard="0",shard="0"} 1`, "go_goroutines"} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

// counter reads a counter's value from the metrics registry, summed over
// its labels.
func counter(t testing.TB, m *ops.Metrics, name string) float64 {
	t.Helper()
	return counterWith(t, m, name, "")
}

// counterWith reads a counter's value for the label value label (""
// sums them all).
func counterWith(t testing.TB, m *ops.Metrics, name, label string) float64 {
	t.Helper()
	mfs, err := m.Registry().Gather()
	if err != nil {
		t.Fatal(err)
	}
	total := 0.0
	for _, mf := range mfs {
		if mf.GetName() == name {
			for _, x := range mf.GetMetric() {
				match := label == ""
				for _, l := range x.GetLabel() {
					match = match || l.GetValue() == label
				}
				if match {
					total += x.GetCounter().GetValue()
				}
			}
		}
	}
	return total
}

func TestAnswerDeadlineClosesPolitely(t *testing.T) {
	h := startBot(t, func(c *config.Discord, _ *discordfake.Options) { c.AnswerTimeout = 200 * time.Millisecond })
	h.useModel(t, "local")
	h.model.block = make(chan struct{}) // the model never answers in time
	i := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", stabilityQuestion))
	h.interact(i)
	m := h.waitOriginal(i, func(m *discordgo.Message) bool { return m.Content != "" })
	if !strings.Contains(m.Content, "⏱️") {
		t.Errorf("after the deadline: %q", m.Content)
	}
	// The asker may ask again at once.
	h.settle(discordfake.UserMember)
}
