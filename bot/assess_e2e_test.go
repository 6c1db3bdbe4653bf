package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/internal/discordfake"
	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/store"
)

// wizBot is one bot process for the end-to-end test: a real discordgo
// session on the fake, routing interactions to an AssessFlow.
type wizBot struct {
	s  *discordgo.Session
	db *store.Store
	wg sync.WaitGroup
}

// startWizBot starts a bot on the SQLite file dsn.
func startWizBot(t *testing.T, srv *discordfake.Server, dsn string) *wizBot {
	t.Helper()
	db, err := store.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	st := StoreAssessments{S: db}
	kb, err := knowledge.Load()
	if err != nil {
		t.Fatal(err)
	}
	flow, err := NewAssessFlow(AssessOptions{KB: kb, Store: st, Forget: st})
	if err != nil {
		t.Fatal(err)
	}
	s, err := discordgo.New(srv.Token())
	if err != nil {
		t.Fatal(err)
	}
	s.Identify.Intents = discordgo.IntentsGuilds
	b := &wizBot{s: s, db: db}
	s.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
		b.wg.Add(1)
		go func() {
			defer b.wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if r, ok := flow.Handle(ctx, ic.Interaction); ok {
				if err := Deliver(ctx, s, ic.Interaction, r); err != nil {
					t.Errorf("deliver: %v", err)
				}
			}
		}()
	})
	if err := s.Open(); err != nil {
		t.Fatalf("open: %v", err)
	}
	return b
}

func (b *wizBot) stop() {
	b.s.Close()
	b.wg.Wait()
	b.db.Close()
}

// wizDriver clicks through the wizard as one founder.
type wizDriver struct {
	t    *testing.T
	srv  *discordfake.Server
	user string
	msg  string // the wizard's message ID
}

const wizChannel = discordfake.ChannelGeneral

func (d *wizDriver) send(i *discordgo.Interaction) discordfake.Ack {
	d.t.Helper()
	i.Locale = discordgo.ChineseCN
	if err := d.srv.DispatchInteraction(i); err != nil {
		d.t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ack, err := d.srv.WaitAck(ctx, i.ID)
	if err != nil {
		d.t.Fatalf("no ack: %v", err)
	}
	if ack.Status != 204 {
		d.t.Fatalf("ack refused %d: %s", ack.Status, ack.Data)
	}
	return ack
}

func (d *wizDriver) message() *discordgo.Message {
	return d.srv.Message(wizChannel, d.msg)
}

// id finds the custom_id ending in suffix on the wizard's message.
func (d *wizDriver) id(suffix string) string {
	d.t.Helper()
	var ids []string
	var walk func([]discordgo.MessageComponent)
	walk = func(cs []discordgo.MessageComponent) {
		for _, c := range cs {
			switch c := c.(type) {
			case *discordgo.ActionsRow:
				walk(c.Components)
			case *discordgo.Button:
				ids = append(ids, c.CustomID)
			case *discordgo.SelectMenu:
				ids = append(ids, c.CustomID)
			}
		}
	}
	m := d.message()
	walk(m.Components)
	for _, id := range ids {
		if strings.HasSuffix(id, suffix) {
			return id
		}
	}
	d.t.Fatalf("no %q among %v; content %q", suffix, ids, m.Content)
	return ""
}

func (d *wizDriver) click(suffix string) discordfake.Ack {
	d.t.Helper()
	return d.send(d.srv.Button(d.user, wizChannel, d.msg, d.id(suffix)))
}

func (d *wizDriver) pick(value string) discordfake.Ack {
	d.t.Helper()
	return d.send(d.srv.SelectMenu(d.user, wizChannel, d.msg, d.id(":pick"), value))
}

func (d *wizDriver) enter(text string) discordfake.Ack {
	d.t.Helper()
	ack := d.click(":modal")
	var modal struct {
		CustomID string `json:"custom_id"`
	}
	json.Unmarshal(ack.Data, &modal)
	if ack.Type != discordgo.InteractionResponseModal || modal.CustomID == "" {
		d.t.Fatalf("modal: type %d %s", ack.Type, ack.Data)
	}
	i := d.srv.ModalSubmit(d.user, wizChannel, modal.CustomID, map[string]string{"value": text})
	i.Message = d.message()
	return d.send(i)
}

func ackContent(a discordfake.Ack) (string, int) {
	var d struct {
		Content string `json:"content"`
		Flags   int    `json:"flags"`
	}
	json.Unmarshal(a.Data, &d)
	return d.Content, d.Flags
}

// TestAssessEndToEnd runs the whole wizard through the loopback Discord,
// restarting the bot halfway (a new session and flow on the same store).
func TestAssessEndToEnd(t *testing.T) {
	// The test checks the flow, not latency (the router's benchmark does):
	// no ack deadline, so a loaded CI machine cannot fail it.
	srv := discordfake.New(t, discordfake.Options{AckDeadline: -1})
	if err := discordfake.PointDiscordgo(srv.URL()); err != nil {
		t.Fatal(err)
	}
	dsn := filepath.Join(t.TempDir(), "premortem.db")
	bot := startWizBot(t, srv, dsn)
	d := &wizDriver{t: t, srv: srv, user: discordfake.UserMember}

	start := d.send(srv.Command(d.user, wizChannel, "assess"))
	if _, flags := ackContent(start); start.Type != 4 || flags&64 == 0 {
		t.Fatalf("/assess: type %d flags %d", start.Type, flags)
	}
	msgs := srv.Messages(wizChannel)
	d.msg = msgs[len(msgs)-1].ID

	d.pick("0")    // text-to-image
	d.click(":c0") // consumers
	d.click(":c0") // open source
	d.click(":c0") // general
	d.click(":c1") // USD
	d.enter("-5")  // refused, same question
	if !strings.Contains(d.message().Content, "负数") {
		t.Errorf("negative amount not explained: %q", d.message().Content)
	}
	d.enter("1.53亿")
	d.enter("$11m")
	d.enter("3个月")

	// Someone else's click and a forged custom_id touch nothing.
	other := d.send(srv.Button(discordfake.UserOther, wizChannel, d.msg, d.id(":skip")))
	if c, flags := ackContent(other); flags&64 == 0 || !strings.Contains(c, "别人") {
		t.Errorf("other user: %q flags %d", c, flags)
	}
	forged := d.send(srv.Button(d.user, wizChannel, d.msg, "assess:0000000000000000:7:skip"))
	if c, _ := ackContent(forged); !strings.Contains(c, "不存在") {
		t.Errorf("forged: %q", c)
	}

	// Restart the bot halfway: a new process on the same SQLite file.
	bot.stop()
	bot = startWizBot(t, srv, dsn)
	defer bot.stop()

	// A double click on the same button ("no parent company") applies once.
	if !strings.Contains(d.message().Content, "母公司") {
		t.Fatalf("expected the parent-company question: %q", d.message().Content)
	}
	skip := d.id(":c1")
	var wg sync.WaitGroup
	acks := make([]discordfake.Ack, 2)
	for k := range acks {
		i := srv.Button(d.user, wizChannel, d.msg, skip)
		i.Locale = discordgo.ChineseCN
		if err := srv.DispatchInteraction(i); err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			acks[k], _ = srv.WaitAck(ctx, i.ID)
		}()
	}
	wg.Wait()
	updates := 0
	for _, a := range acks {
		if a.Type == discordgo.InteractionResponseUpdateMessage {
			updates++
		}
	}
	if updates != 1 {
		t.Errorf("double click: %d updates, want 1 (%v, %v)", updates, acks[0].Type, acks[1].Type)
	}
	// The rest, by question.
	for k := 0; k < 20 && !strings.Contains(d.message().Content, "评估完成"); k++ {
		content := d.message().Content
		if _, q, ok := strings.Cut(content, "\n\n"); ok {
			content = q // the current question, without the previous answer
		}
		switch {
		case strings.Contains(content, "账单"):
			d.click(":c0")
		case strings.Contains(content, "本地小模型"):
			d.click(":c1")
		case strings.Contains(content, "平台巨头"):
			d.click(":c0")
		default:
			d.click(":skip")
		}
	}
	final := d.message()
	if !strings.Contains(final.Content, "评估完成") || len(final.Embeds) < 2 {
		t.Fatalf("no report: %q, %d embeds", final.Content, len(final.Embeds))
	}
	if !strings.Contains(final.Embeds[0].Description, "`capital`") {
		t.Errorf("overview lacks scores: %q", final.Embeds[0].Description)
	}
	// The report's callback carried the chart and the Markdown.
	var files []discordfake.File
	for _, c := range srv.CallsTo("POST", "/interactions/") {
		if len(c.Files) > 0 {
			files = c.Files
		}
	}
	if len(files) != 2 {
		t.Fatalf("report files: %d", len(files))
	}
	img, err := png.Decode(bytes.NewReader(files[0].Data))
	if err != nil || img.Bounds().Dx() != 800 {
		t.Errorf("chart: %v", err)
	}
	if !strings.Contains(string(files[1].Data), "`open-source`") {
		t.Errorf("markdown lacks open-source")
	}
	// Share posts the report publicly.
	share := d.click(":share")
	if _, flags := ackContent(share); share.Type != 4 || flags&64 != 0 {
		t.Errorf("share: type %d flags %d", share.Type, flags)
	}
	// /forget deletes the session.
	if c, _ := ackContent(d.send(srv.Command(d.user, wizChannel, "forget"))); !strings.Contains(c, "已删除") {
		t.Errorf("forget: %q", c)
	}
	if xs, err := bot.db.ListSessionsByUser(context.Background(), d.user); err != nil || len(xs) != 0 {
		t.Errorf("forget left %d sessions (%v)", len(xs), err)
	}
}
