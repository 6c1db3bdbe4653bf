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

	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/internal/discordfake"
)

// wizDriver clicks through the wizard as one founder.
type wizDriver struct {
	t    *testing.T
	srv  *discordfake.Server
	user string
	msg  string // the wizard's message ID
	// locale is the founder's Discord locale ("" for Chinese).
	locale discordgo.Locale
}

const wizChannel = discordfake.ChannelGeneral

func (d *wizDriver) send(i *discordgo.Interaction) discordfake.Ack {
	d.t.Helper()
	i.Locale = discordgo.ChineseCN
	if d.locale != "" {
		i.Locale = d.locale
	}
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
	m := d.message()
	ids := componentIDs(m.Components)
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

// edit picks the question at step on the review's select menu.
func (d *wizDriver) edit(step string) discordfake.Ack {
	d.t.Helper()
	return d.send(d.srv.SelectMenu(d.user, wizChannel, d.msg, d.id(":edit"), step))
}

// atReview reports whether the wizard's message is the review.
func (d *wizDriver) atReview() bool {
	lang := "zh"
	if d.locale != "" {
		lang = render.Lang(d.locale)
	}
	return strings.HasPrefix(d.message().Content, render.T(lang, "wizard.review"))
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

// TestAssessEndToEnd runs the whole wizard through the loopback Discord
// and the bot's router, restarting the bot halfway (a new bot on the same
// SQLite file).
func TestAssessEndToEnd(t *testing.T) {
	// The test checks the flow, not latency (the router's benchmark does):
	// no ack deadline, so a loaded CI machine cannot fail it.
	srv := discordfake.New(t, discordfake.Options{AckDeadline: -1})
	su := setup{srv: srv, dsn: filepath.Join(t.TempDir(), "premortem.db"), wizard: true}
	bot := start(t, su)
	d := &wizDriver{t: t, srv: srv, user: discordfake.UserMember}

	first := d.send(srv.Command(d.user, wizChannel, "assess"))
	if flags := ackData(t, first).Flags; first.Type != 4 || flags&64 == 0 {
		t.Fatalf("/assess: type %d flags %d", first.Type, flags)
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
	if a := ackData(t, other); a.Flags&64 == 0 || !strings.Contains(a.Content, "别人") {
		t.Errorf("other user: %q flags %d", a.Content, a.Flags)
	}
	forged := d.send(srv.Button(d.user, wizChannel, d.msg, "assess:0000000000000000:7:skip"))
	if c := ackData(t, forged).Content; !strings.Contains(c, "不存在") {
		t.Errorf("forged: %q", c)
	}

	// Restart the bot halfway: a new process on the same SQLite file.
	if err := bot.stop(); err != nil {
		t.Fatal(err)
	}
	bot = start(t, su)

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
	// The rest, by question, up to the review.
	for k := 0; k < 20 && !d.atReview(); k++ {
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
	// The review lists the answers; one is changed there (market
	// visibility, skipped: well known) and the review comes back.
	if !d.atReview() || !strings.Contains(d.message().Content, "1.53亿美元") {
		t.Fatalf("no review: %q", d.message().Content)
	}
	d.edit("17")
	d.click(":c2")
	if !d.atReview() || !strings.Contains(d.message().Content, "市场声量:**很有名**") {
		t.Fatalf("review after the edit: %q", d.message().Content)
	}
	d.click(":report")
	final := d.message()
	if !strings.Contains(final.Content, "评估完成") || len(final.Embeds) < 2 {
		t.Fatalf("no report: %q, %d embeds", final.Content, len(final.Embeds))
	}
	if !strings.Contains(final.Embeds[0].Description, "`capital`") {
		t.Errorf("overview lacks scores: %q", final.Embeds[0].Description)
	}
	// The report's callback (or, when rendering it took long enough to be
	// deferred, the edit of the deferred update) carried the chart and the
	// Markdown.
	files := lastFiles(srv, 2)
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
	if flags := ackData(t, share).Flags; share.Type != 4 || flags&64 != 0 {
		t.Errorf("share: type %d flags %d", share.Type, flags)
	}
	// Every fate at medium or above is explained, the favours apart.
	var titles []string
	for _, e := range final.Embeds {
		titles = append(titles, e.Title)
	}
	if len(final.Embeds) != 8 || final.Embeds[len(final.Embeds)-1].Title != "对你们有利的" {
		t.Errorf("report embeds: %q", titles)
	}
	// Back to the review: the report's embeds and files go.
	att := sentAttachments(t, srv, d.click(":review"))
	if m := d.message(); !d.atReview() || len(m.Embeds) != 0 || att == nil || len(*att) != 0 {
		t.Errorf("review after the report: %d embeds, attachments %v", len(m.Embeds), att)
	}
	// /forget deletes the session.
	if c := ackData(t, d.send(srv.Command(d.user, wizChannel, "forget"))).Content; !strings.Contains(c, "已删除") {
		t.Errorf("forget: %q", c)
	}
	if xs, err := bot.db.ListSessionsByUser(context.Background(), d.user); err != nil || len(xs) != 0 {
		t.Errorf("forget left %d sessions (%v)", len(xs), err)
	}
}

// TestAssessThroughRouter checks the router delivers the wizard's
// responses: a private first step, a step replaced in place, a modal as the
// first response, the answer's "assess my company" button and /forget.
func TestAssessThroughRouter(t *testing.T) {
	h := start(t, setup{wizard: true})
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
	a = h.interact(h.srv.Button(discordfake.UserMember, discordfake.ChannelGeneral, first.ID, render.IDAssess))
	if d := ackData(t, a); !strings.Contains(d.Content, "unfinished") && !strings.Contains(d.Content, "没有完成") {
		t.Errorf("assess button %q", d.Content)
	}
	a = h.interact(h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "forget"))
	if d := ackData(t, a); d.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("/forget reply is public: %q", d.Content)
	}
	h.assertNoPings()
}
