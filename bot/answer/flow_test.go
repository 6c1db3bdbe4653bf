package answer

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/bot/router"
	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/store"
)

// asker records the requests the flow makes and answers each with text.
type asker struct {
	mu   sync.Mutex
	reqs []advisor.Request
}

func (a *asker) Ask(_ context.Context, req advisor.Request) (*advisor.Answer, error) {
	a.mu.Lock()
	a.reqs = append(a.reqs, req)
	a.mu.Unlock()
	if req.OnDelta != nil {
		req.OnDelta("市场")
	}
	return &advisor.Answer{Lang: "zh", Text: "市场不行 `market`", Risks: []advisor.Risk{{ID: "market", Title: "市场", Why: "收入远低于成本"}},
		Model: advisor.ModelInfo{Backend: "local", Name: "m"}}, nil
}

type backends map[string]bool

func (b backends) Has(name string) bool { return b[name] }

func (backends) Default() string { return "local" }

// history is a DM channel's messages, newest first.
type history []*discordgo.Message

func (h history) ChannelMessage(string, string, ...discordgo.RequestOption) (*discordgo.Message, error) {
	return nil, store.ErrNotFound
}

func (h history) ChannelMessages(_ string, limit int, _, _, _ string, _ ...discordgo.RequestOption) ([]*discordgo.Message, error) {
	return h[:min(limit, len(h))], nil
}

type self struct{}

func (self) SelfID() string                { return "bot" }
func (self) MentionTokens(string) []string { return []string{"<@bot>"} }

func newFlow(t *testing.T, cfg config.Discord, h history) (*Flow, *asker, *store.Store) {
	t.Helper()
	kb, err := knowledge.Load()
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	a := &asker{}
	return New(Options{Config: cfg, Asker: a, Backends: backends{"local": true}, KB: kb, Store: db, History: h, Self: self{}}), a, db
}

func dm(text string) *router.Request {
	m := &discordgo.Message{ID: "9", ChannelID: "dm", Author: &discordgo.User{ID: "u"}, Content: text}
	return router.FromMessage(m, "dm", text, advisor.DetectLang(text), nil)
}

func TestHandle(t *testing.T) {
	cfg := config.Default().Discord
	cfg.UserDailyCap, cfg.HistoryTurns = 2, 2
	conversation := history{
		{Author: &discordgo.User{ID: "bot"}, Embeds: []*discordgo.MessageEmbed{{Description: "上一个回答"}}},
		{Author: &discordgo.User{ID: "u"}, Content: "<@bot> 第二个问题"},
		{Author: &discordgo.User{ID: "u"}, Content: "第一个问题"},
	}
	f, a, _ := newFlow(t, cfg, conversation)
	var shown []string
	q := dm("market 风险大吗?")
	q.SetProgress(func(d *discordgo.InteractionResponseData) { shown = append(shown, d.Embeds[0].Description) })
	resp := f.Handle(context.Background(), q)
	if resp.Data == nil || len(resp.Data.Embeds) == 0 || !strings.Contains(resp.Data.Content, "更早的消息") {
		t.Fatalf("answer %+v", resp.Data)
	}
	if len(shown) != 1 || shown[0] != "市场" {
		t.Errorf("streamed %q", shown)
	}
	got := a.reqs[0].History
	if len(got) != 2 || got[0].Text != "第二个问题" || !got[1].FromBot || got[1].Text != "上一个回答" {
		t.Errorf("history %+v", got)
	}
	for _, tc := range []struct{ name, text, want string }{
		{"empty", "  ", "Please write your question"},
		{"too long", strings.Repeat("长", advisor.MaxQuestionChars+1), "问题太长了"},
		{"daily cap", "market 风险大吗?", "今天的提问次数"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "daily cap" {
				f.Handle(context.Background(), dm(tc.text)) // the second of two
			}
			resp := f.Handle(context.Background(), dm(tc.text))
			if !strings.Contains(resp.Data.Content, tc.want) {
				t.Errorf("%q; want %q", resp.Data.Content, tc.want)
			}
		})
	}
}

func TestGuildModelNoLongerConfigured(t *testing.T) {
	f, a, db := newFlow(t, config.Default().Discord, nil)
	for _, backend := range []string{"local", "gone"} {
		if _, err := db.SetGuildModel(context.Background(), store.ModelChoice{GuildID: "g", Backend: backend, ChangedBy: "a"}); err != nil {
			t.Fatal(err)
		}
		i := &discordgo.Interaction{Type: discordgo.InteractionApplicationCommand, GuildID: "g", ChannelID: "c",
			Member: &discordgo.Member{User: &discordgo.User{ID: "u" + backend}},
			Data: discordgo.ApplicationCommandInteractionData{Name: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{
				{Name: "question", Type: discordgo.ApplicationCommandOptionString, Value: "market?"}}}}
		f.Handle(context.Background(), router.FromInteraction(i, nil))
	}
	if len(a.reqs) != 2 || a.reqs[0].Model != "local" || a.reqs[1].Model != "" {
		t.Errorf("models asked %q, %q; want local, then the default", a.reqs[0].Model, a.reqs[1].Model)
	}
}

func TestPartialKeepsTextUnderTheProgressLine(t *testing.T) {
	var last *discordgo.InteractionResponseData
	p := &partial{lang: "en", show: func(d *discordgo.InteractionResponseData) { last = d }}
	p.note(advisor.Notice{Kind: advisor.NoticeWaiting, Lang: "en", Backend: "hosted", Model: "deepseek-chat"})
	if last.Embeds[0].Description != "…" || !strings.Contains(last.Embeds[0].Footer.Text, "waiting for hosted") {
		t.Errorf("before any text: %+v", last.Embeds[0])
	}
	p.write("The market")
	if last.Embeds[0].Description != "The market" || !strings.Contains(last.Embeds[0].Footer.Text, "waiting for hosted") {
		t.Errorf("after text: %+v", last.Embeds[0])
	}
}
