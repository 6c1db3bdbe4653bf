package bot

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/internal/discordfake"
)

// TestAssessReviewEnglish runs the wizard in English through the loopback
// Discord and the router: an answer kept, then cleared, with the buttons
// beside Skip; every other question skipped; the review saying the
// answers are too few; a report that cannot score and names the answers
// to give; back to the review to give one; and the report again.
func TestAssessReviewEnglish(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{AckDeadline: -1})
	start(t, setup{srv: srv, wizard: true})
	d := &wizDriver{t: t, srv: srv, user: discordfake.UserMember, locale: discordgo.EnglishUS}
	d.send(srv.Command(d.user, wizChannel, "assess"))
	msgs := srv.Messages(wizChannel)
	d.msg = msgs[len(msgs)-1].ID

	d.pick("1") // code assistant
	d.click(":back")
	if got := buttonLabels(d.message()); !strings.Contains(got, "Back,Keep,Clear,Cancel") {
		t.Errorf("answered question's buttons: %s", got)
	}
	d.click(":skip") // keep
	if !strings.Contains(d.message().Content, "→ **Code assistant**") {
		t.Errorf("kept answer not shown: %q", d.message().Content)
	}
	d.click(":back")
	d.click(":clear")
	for k := 0; k < 20 && !d.atReview(); k++ {
		d.click(":skip")
	}
	review := d.message().Content
	if !d.atReview() || !strings.Contains(review, "1. Use case: **(skipped)**") || !strings.Contains(review, "not yet enough to score") {
		t.Fatalf("review: %q", review)
	}
	d.click(":report")
	m := d.message()
	if len(m.Embeds) != 1 || m.Embeds[0].Title != "Pre-mortem · Not enough answers to score yet" ||
		!strings.Contains(m.Embeds[0].Description, "`capital` ░░░░░░░░░░ not scored") ||
		len(m.Embeds[0].Fields) != 1 || !strings.Contains(m.Embeds[0].Fields[0].Value, "1. Who pays you") {
		t.Fatalf("not-enough report: %+v", m.Embeds)
	}
	if files := lastFiles(srv, 2); len(files) != 2 {
		t.Errorf("report files: %d", len(files))
	}
	// Change answers: who pays (consumers), the strategy (open source),
	// the use case (text-to-image), then the report scores. An edit that
	// makes new questions relevant asks them before the review.
	if att := sentAttachments(t, srv, d.click(":review")); att == nil || len(*att) != 0 {
		t.Errorf("back to the review keeps the report's files: %v", att)
	}
	for _, e := range []struct{ step, answer string }{{"1", ":c0"}, {"2", ":c0"}} {
		d.edit(e.step)
		d.click(e.answer)
		for k := 0; k < 20 && !d.atReview(); k++ {
			d.click(":skip")
		}
	}
	d.edit("0")
	d.pick("0")
	d.click(":report")
	m = d.message()
	if len(m.Embeds) < 2 || !strings.HasPrefix(m.Embeds[0].Title, "Pre-mortem · overall") {
		t.Fatalf("scored report: %d embeds, %q", len(m.Embeds), m.Embeds[0].Title)
	}
	for _, e := range m.Embeds[1:] {
		if !strings.HasPrefix(e.Description, "`") && e.Title != "In your favour" {
			t.Errorf("embed %q does not start with its fate's ID", e.Title)
		}
	}
}

// sentAttachments is the attachments list the bot sent for an
// interaction acknowledged with ack (in the update itself, or in the edit
// that followed a deferral); nil when it sent none.
func sentAttachments(t *testing.T, srv *discordfake.Server, ack discordfake.Ack) *[]json.RawMessage {
	t.Helper()
	raw := ack.Data
	if ack.Type != discordgo.InteractionResponseUpdateMessage {
		calls := srv.CallsTo("PATCH", "/webhooks/")
		if len(calls) == 0 {
			t.Fatalf("ack %d and no edit", ack.Type)
		}
		raw = calls[len(calls)-1].Body
	}
	var d struct {
		Attachments *[]json.RawMessage `json:"attachments"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		t.Fatal(err)
	}
	return d.Attachments
}

// lastFiles are the files of the last response that carried any, once it
// carries want of them or 10 s have passed: the fake stores an edited
// message before it records the call, so a test that saw the message waits
// for the call itself.
func lastFiles(srv *discordfake.Server, want int) []discordfake.File {
	var files []discordfake.File
	for deadline := time.Now().Add(10 * time.Second); len(files) != want && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		for _, c := range append(srv.CallsTo("POST", "/interactions/"), srv.CallsTo("PATCH", "/webhooks/")...) {
			if len(c.Files) > 0 {
				files = c.Files
			}
		}
	}
	return files
}

// buttonLabels lists a message's button labels, comma-separated.
func buttonLabels(m *discordgo.Message) string {
	var out []string
	for _, row := range m.Components {
		for _, c := range row.(*discordgo.ActionsRow).Components {
			if b, ok := c.(*discordgo.Button); ok {
				out = append(out, b.Label)
			}
		}
	}
	return strings.Join(out, ",")
}
