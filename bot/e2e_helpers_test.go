package bot

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/bot/wizard"
	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/internal/discordfake"
	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/llm"
	"github.com/premortem/premortem/store"
	"github.com/premortem/premortem/store/pgtest"
)

// streamModel is a model backend that writes its reply in chunks, waiting
// gap between them, citing `market` so the checks keep it.
type streamModel struct {
	chunks []string
	gap    time.Duration
	block  chan struct{} // when set, the reply waits for it (or ctx)
	mu     sync.Mutex
	hist   [][]llm.Message
}

func (m *streamModel) Generate(ctx context.Context, req llm.Request, onDelta func(string)) (llm.Response, error) {
	m.mu.Lock()
	m.hist = append(m.hist, req.Messages)
	block := m.block
	m.mu.Unlock()
	if block != nil {
		select {
		case <-block:
		case <-ctx.Done():
			return llm.Response{}, ctx.Err()
		}
	}
	var out strings.Builder
	for _, c := range m.chunks {
		select {
		case <-time.After(m.gap):
		case <-ctx.Done():
			return llm.Response{}, ctx.Err()
		}
		out.WriteString(c)
		if onDelta != nil {
			onDelta(c)
		}
	}
	return llm.Response{Content: out.String(), Model: "fake-1", FinishReason: "stop"}, nil
}

// setBlock makes the next replies wait for block (nil: none).
func (m *streamModel) setBlock(block chan struct{}) {
	m.mu.Lock()
	m.block = block
	m.mu.Unlock()
}

func (m *streamModel) requests() [][]llm.Message {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([][]llm.Message(nil), m.hist...)
}

// harness is a bot running against a Discord fake.
type harness struct {
	t       testing.TB
	srv     *discordfake.Server
	pending map[string]*discordgo.Interaction // dispatched interactions by ID
	adv     *advisor.Advisor
	bot     *Bot
	db      *store.Store
	model   *streamModel
	cancel  context.CancelFunc
	done    chan error
}

type harnessOpt func(*config.Discord, *discordfake.Options)

func newAdvisor(t testing.TB, m llm.Model) *advisor.Advisor {
	t.Helper()
	return newAdvisorNoticing(t, m, 0)
}

// newAdvisorNoticing is newAdvisor whose backends, silent for noticeAfter
// (0: the advisor's default), make it say it is waiting.
func newAdvisorNoticing(t testing.TB, m llm.Model, noticeAfter time.Duration, more ...advisor.BackendSpec) *advisor.Advisor {
	t.Helper()
	kb, err := knowledge.Load()
	if err != nil {
		t.Fatal(err)
	}
	specs := []advisor.BackendSpec{}
	if m != nil {
		specs = append(specs, advisor.BackendSpec{Name: "local", Provider: "ollama", ModelName: "fake-1", Model: m, Retries: -1})
	}
	specs = append(specs, more...)
	backends, err := advisor.NewBackends(advisor.BackendsConfig{Backends: specs, NoticeAfter: noticeAfter})
	if err != nil {
		t.Fatal(err)
	}
	return advisor.New(advisor.Options{KB: kb, Search: knowledge.NewIndex(kb), Backends: backends})
}

func testLogger(t testing.TB) *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(tWriter{t}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

type tWriter struct{ t testing.TB }

func (w tWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// startBot runs a bot on a new fake until the test ends.
func startBot(t testing.TB, opts ...harnessOpt) *harness {
	t.Helper()
	return start(t, setup{}, opts...)
}

// setup is where a harness's bot runs: on srv (nil: a new fake), with its
// state in the SQLite file dsn ("": a new one) or, with postgres, in the
// PostgreSQL database dsn ("": a new one; skipped without a test
// PostgreSQL), with the wizard or not, with the advisor's waiting notice
// after noticeAfter (0: its default).
type setup struct {
	srv         *discordfake.Server
	dsn         string
	postgres    bool
	wizard      bool
	noticeAfter time.Duration
	backends    []advisor.BackendSpec // model backends beside "local"
}

// start runs a bot as su says until the test ends.
func start(t testing.TB, su setup, opts ...harnessOpt) *harness {
	t.Helper()
	cfg := config.Default().Discord
	cfg.GuildID = discordfake.GuildID
	cfg.StreamInterval = 50 * time.Millisecond
	cfg.ShutdownGrace = 2 * time.Second
	cfg.UserRate, cfg.UserBurst = 600, 100
	fo := discordfake.Options{}
	for _, o := range opts {
		o(&cfg, &fo)
	}
	srv := su.srv
	if srv == nil {
		srv = discordfake.New(t, fo)
	}
	cfg.APIBase = srv.URL()
	db := openStore(t, &su)
	model := &streamModel{chunks: []string{"市场不行", "是最大的风险 `market`", ":收入远低于成本。"}, gap: 20 * time.Millisecond}
	adv := newAdvisorNoticing(t, model, su.noticeAfter, su.backends...)
	var flow *wizard.Flow
	var err error
	if su.wizard {
		sessions := wizard.StoreSessions{S: db}
		if flow, err = wizard.New(wizard.Options{KB: adv.KB(), Store: sessions, Forget: sessions}); err != nil {
			t.Fatal(err)
		}
	}
	b, err := New(Options{Config: cfg, Token: discordfake.DefaultToken, Asker: adv, Backends: adv.Backends(), KB: adv.KB(),
		Store: db, Wizard: flow, Logger: testLogger(t)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{t: t, srv: srv, bot: b, db: db, model: model, cancel: cancel, done: make(chan error, 1), pending: map[string]*discordgo.Interaction{}, adv: adv}
	go func() { h.done <- b.Run(ctx) }()
	select {
	case <-b.Ready():
	case err := <-h.done:
		t.Fatalf("bot stopped at start: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("bot not ready after 20s")
	}
	t.Cleanup(func() { h.stop(); db.Close() })
	return h
}

// stop shuts the bot down and returns Run's error.
func (h *harness) stop() error {
	h.cancel()
	select {
	case err := <-h.done:
		h.done <- err
		return err
	case <-time.After(30 * time.Second):
		h.t.Error("bot did not stop within 30s")
		return nil
	}
}

// testIdentifyGap is the identify interval of tests' PostgreSQL stores.
const testIdentifyGap = 300 * time.Millisecond

// openStore opens su's store, choosing its DSN when su has none.
func openStore(t testing.TB, su *setup) *store.Store {
	t.Helper()
	var db *store.Store
	var err error
	switch {
	case su.postgres:
		if su.dsn == "" {
			su.dsn = pgtest.DSN(t)
		}
		// Identify slots a little wider than the fake's, as the store's
		// are to Discord's; shorter than Discord's 5 s to keep tests quick.
		db, err = store.OpenPostgres(context.Background(), su.dsn, store.Options{IdentifyInterval: testIdentifyGap})
	default:
		if su.dsn == "" {
			su.dsn = filepath.Join(t.TempDir(), "premortem.db")
		}
		db, err = store.Open(context.Background(), su.dsn)
	}
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func ctxT(t testing.TB) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// interact dispatches i and waits for its acknowledgement.
func (h *harness) interact(i *discordgo.Interaction) discordfake.Ack {
	h.t.Helper()
	if err := h.srv.DispatchInteraction(i); err != nil {
		h.t.Fatal(err)
	}
	return h.waitAck(i.ID)
}

// waitOriginal waits until the interaction's response message satisfies ok.
func (h *harness) waitOriginal(i *discordgo.Interaction, ok func(*discordgo.Message) bool) *discordgo.Message {
	h.t.Helper()
	m, err := h.srv.WaitMessage(ctxT(h.t), i.ChannelID, func(m *discordgo.Message) bool {
		return m.Interaction != nil && m.Interaction.ID == i.ID && ok(m) || m.InteractionMetadata != nil && m.InteractionMetadata.ID == i.ID && ok(m)
	})
	if err != nil {
		h.t.Fatalf("original response of %s: %v", i.ID, err)
	}
	return m
}

func ackData(t testing.TB, a discordfake.Ack) discordgo.InteractionResponseData {
	t.Helper()
	var d discordgo.InteractionResponseData
	if len(a.Data) > 0 {
		// Components are interfaces discordgo decodes only inside a Message.
		var m discordgo.Message
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(a.Data, &raw); err != nil {
			t.Fatal(err)
		}
		comps := raw["components"]
		delete(raw, "components")
		b, _ := json.Marshal(raw)
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatal(err)
		}
		if len(comps) > 0 {
			if err := json.Unmarshal([]byte(`{"components":`+string(comps)+`}`), &m); err != nil {
				t.Fatal(err)
			}
			d.Components = m.Components
		}
	}
	return d
}

// assertNoPings fails for any call that posts a message without
// allowed_mentions or that would ping anyone but a replied-to asker.
func (h *harness) assertNoPings() {
	h.t.Helper()
	for _, c := range h.srv.Calls() {
		if c.Pings == nil {
			continue
		}
		if !c.HasAllowedMentions {
			h.t.Errorf("%s has no allowed_mentions", c)
		}
		if c.Pings.Everyone || len(c.Pings.Roles) > 0 || len(c.Pings.Users) > 0 {
			h.t.Errorf("%s would ping %+v", c, c.Pings)
		}
	}
}

// useModel makes the guild answer with backend name, as /model use would.
func (h *harness) useModel(t testing.TB, name string) {
	t.Helper()
	if _, err := h.db.SetGuildModel(context.Background(), store.ModelChoice{GuildID: discordfake.GuildID, Backend: name, ChangedBy: discordfake.UserAdmin}); err != nil {
		t.Fatal(err)
	}
}

// waitAck waits for the acknowledgement of the interaction id.
func (h *harness) waitAck(id string) discordfake.Ack {
	h.t.Helper()
	a, err := h.srv.WaitAck(ctxT(h.t), id)
	if err != nil {
		h.t.Fatalf("no ack for %s: %v", id, err)
	}
	return a
}

// waitBusy waits until user has a request in flight.
func (h *harness) waitBusy(user string) {
	h.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !h.bot.limits.Busy(user) {
		if time.Now().After(deadline) {
			h.t.Fatalf("user %s has no request in flight", user)
		}
		time.Sleep(time.Millisecond)
	}
}

// settle waits until user has no request in flight.
func (h *harness) settle(user string) {
	h.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if !h.bot.limits.Busy(user) {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	h.t.Fatalf("user %s still has a request in flight", user)
}
