package wizard

import (
	"context"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/bot/router"
)

// labels lists the labels of a response's buttons, row by row.
func labels(d *discordgo.InteractionResponseData) []string {
	var out []string
	for _, row := range d.Components {
		for _, c := range row.(discordgo.ActionsRow).Components {
			if b, ok := c.(discordgo.Button); ok {
				out = append(out, b.Label)
			}
		}
	}
	return out
}

func storedState(t *testing.T, store *memAssessStore) saved {
	t.Helper()
	st, err := decodeState(store.m[testSession].State)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestKeepAndClear: an answered question offers Keep and Clear beside
// Back and Cancel; Keep moves on with the answer, Clear erases it.
func TestKeepAndClear(t *testing.T) {
	for _, c := range []struct {
		name, action string
		kept         bool
	}{{"keep", ":skip", true}, {"clear", ":clear", false}} {
		t.Run(c.name, func(t *testing.T) {
			h := newWizHarness(t, newMemAssessStore())
			d := h.command("u1").Data
			if got := strings.Join(labels(d), ","); got != "上一题,跳过,取消" {
				t.Errorf("unanswered question's buttons: %s", got)
			}
			d = h.click("u1", wizFindID(t, d, ":pick"), "1").Data // code assistant
			d = h.click("u1", wizFindID(t, d, ":back")).Data
			if got := strings.Join(labels(d), ","); got != "上一题,保留,清除,取消" {
				t.Errorf("answered question's buttons: %s", got)
			}
			h.click("u1", wizFindID(t, d, c.action))
			var st saved
			for _, s := range h.store.m {
				st, _ = decodeState(s.State)
			}
			if kept := st.Profile.Scenario == "code-assistant"; kept != c.kept || st.Step != 1 {
				t.Errorf("scenario %q at step %d; want kept %v at step 1", st.Profile.Scenario, st.Step, c.kept)
			}
		})
	}
}

// TestReviewEditAndBack: from the review a question is changed, kept or
// left with Back, each returning to the review; the report goes back to
// the review without its files; the old review's buttons are stale.
func TestReviewEditAndBack(t *testing.T) {
	kb := testKB(t)
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			h := newWizHarnessKB(t, newMemAssessStore(), kb)
			review := h.atReview("u1", readProfile(t, "../../examples/consumer-chat.yaml"), lang)
			edit := wizFindID(t, review, ":edit")
			// Back from the question edited returns to the review unchanged.
			d := h.click("u1", edit, "7").Data // runway
			if !strings.Contains(d.Content, "(") || wizFindID(t, d, ":modal") == "" {
				t.Fatalf("edit runway: %q", d.Content)
			}
			d = h.click("u1", wizFindID(t, d, ":back")).Data
			if !strings.HasPrefix(d.Content, text(lang, "review")) {
				t.Fatalf("back: %q", d.Content)
			}
			// A new answer through the modal returns to the review.
			d = h.click("u1", wizFindID(t, d, ":edit"), "7").Data
			m := h.click("u1", wizFindID(t, d, ":modal"))
			d = h.submit("u1", m.Data.CustomID, "3").Data
			if !strings.HasPrefix(d.Content, text(lang, "review")) || !strings.Contains(d.Content, assess.FormatMonths(3, lang)) {
				t.Fatalf("after the edit: %q", d.Content)
			}
			if got := *storedState(t, h.store).Profile.RunwayMonths; got != 3 {
				t.Errorf("runway %v", got)
			}
			// A question that does not apply cannot be edited.
			if r := h.click("u1", edit, "13"); !strings.Contains(r.Data.Content, "⚠️") {
				t.Errorf("edit of an inapplicable question: %q", r.Data.Content)
			}
			// A double pick on the review's select applies once.
			h.click("u1", edit, "0")
			if r := h.click("u1", edit, "1"); r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Errorf("second pick applied: %q", r.Data.Content)
			}
			d = h.click("u1", wizFindID(t, h.flow.stepMessage(testSession, storedState(t, h.store).State, ""), ":back")).Data
			// Report, then back to the review: files gone, report no more.
			r := h.click("u1", wizFindID(t, d, ":report"))
			if len(r.Data.Files) != 2 || !storedState(t, h.store).Reported {
				t.Fatalf("report: %d files", len(r.Data.Files))
			}
			back := h.click("u1", wizFindID(t, r.Data, ":review")).Data
			if !strings.HasPrefix(back.Content, text(lang, "review")) || back.Attachments == nil || len(*back.Attachments) != 0 || len(back.Embeds) != 0 {
				t.Errorf("back to the review keeps the report: %+v", back)
			}
			if storedState(t, h.store).Reported {
				t.Error("still marked reported")
			}
			// Back from the review is the question shown last: the edited one.
			last := h.flow.wiz.Questions()[7].Prompt.In(lang)
			if d := h.click("u1", wizFindID(t, back, ":back")).Data; !strings.Contains(d.Content, last) || wizFindID(t, d, ":modal") == "" {
				t.Errorf("back from the review: %q", d.Content)
			}
		})
	}
}

// TestResumeAtReview: /assess offers to go on with a session at the
// review, not with one whose report was shown.
func TestResumeAtReview(t *testing.T) {
	h := newWizHarnessKB(t, newMemAssessStore(), testKB(t))
	review := h.atReview("u1", readProfile(t, "../../examples/stability.yaml"), "zh")
	offer := h.command("u1").Data
	if offer.Content != text("zh", "offerdone") {
		t.Fatalf("offer: %q", offer.Content)
	}
	if d := h.click("u1", wizFindID(t, offer, ":resume")).Data; d.Content != review.Content {
		t.Errorf("resume shows %q", d.Content)
	}
	h.click("u1", wizFindID(t, review, ":report"))
	if d := h.command("u1").Data; !strings.Contains(d.Content, "第 1/") || len(h.store.m) != 2 {
		t.Errorf("after the report /assess starts anew: %q, %d sessions", d.Content, len(h.store.m))
	}
}

// TestNarrativeDroppedWhenMovedOn: a narrative written after the founder
// left the report does not overwrite what they see now.
func TestNarrativeDroppedWhenMovedOn(t *testing.T) {
	h := newWizHarnessKB(t, newMemAssessStore(), testKB(t))
	h.flow.narrator = fakeNarrator{text: "`capital` 最危险。"}
	review := h.atReview("u1", readProfile(t, "../../examples/stability.yaml"), "zh")
	r := h.click("u1", wizFindID(t, review, ":report"))
	h.click("u1", wizFindID(t, r.Data, ":review"))
	if edit, err := r.Later(context.Background()); edit != nil || err != nil {
		t.Errorf("narrative applied after leaving the report: %v, %v", edit, err)
	}
}

// TestReviewRefusesQuestionActions: a forged question action on the
// review shows the review again with the reason, and changes nothing.
func TestReviewRefusesQuestionActions(t *testing.T) {
	h := newWizHarnessKB(t, newMemAssessStore(), testKB(t))
	review := h.atReview("u1", readProfile(t, "../../examples/stability.yaml"), "en")
	id := wizardID{Session: testSession, Step: len(h.flow.wiz.Questions()), Action: actChoice}
	var r *router.Response
	for _, cid := range []string{choiceID(id.Session, id.Step, 0), wizFindID(t, review, ":edit")} {
		before := h.store.m[testSession].Version
		r = h.click("u1", cid)
		if !strings.HasPrefix(r.Data.Content, text("en", "review")) || !strings.Contains(r.Data.Content, "⚠️") || h.store.m[testSession].Version != before {
			t.Errorf("%s: %q", cid, r.Data.Content)
		}
	}
}
