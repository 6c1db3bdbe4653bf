package wizard

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/internal/goldenfile"
	"github.com/premortem/premortem/knowledge"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden payloads in testdata/")

const testSession = "0123456789abcdef"

// reportProfiles are the golden cases: the article's Stability AI, the
// consumer general-chat app of examples/, and no answers at all.
var reportProfiles = []struct{ name, file string }{
	{"stability", "../../examples/stability.yaml"},
	{"consumer-chat", "../../examples/consumer-chat.yaml"},
	{"empty", ""},
}

func testKB(t testing.TB) *knowledge.Base {
	t.Helper()
	kb, err := knowledge.Load()
	if err != nil {
		t.Fatalf("load knowledge: %v", err)
	}
	return kb
}

func readProfile(t testing.TB, file string) assess.Profile {
	t.Helper()
	if file == "" {
		return assess.Profile{}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	p, err := assess.ParseProfile(data)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return p
}

// atReview stores a session of user u at the review of p, as a founder
// who answered (or skipped) every question would leave it, and returns
// the review message.
func (h *wizHarness) atReview(user string, p assess.Profile, lang string) *discordgo.InteractionResponseData {
	h.t.Helper()
	var all []string
	for _, f := range assess.Fields {
		all = append(all, f.Name)
	}
	st := h.flow.wiz.Resume(p, all, lang)
	if !h.flow.wiz.Done(st) {
		h.t.Fatalf("resume is not at the review: step %d", st.Step)
	}
	data, _ := json.Marshal(saved{State: st})
	h.store.m[testSession] = Session{ID: testSession, UserID: user, State: data, Step: st.Step, ExpiresAt: h.now.Add(DefaultTTL)}
	return h.flow.reviewMessage(testSession, st, "")
}

// payload is a response as golden JSON: the type, the data Discord gets,
// and the names of the files attached.
type payload struct {
	Type  discordgo.InteractionResponseType  `json:"type"`
	Data  *discordgo.InteractionResponseData `json:"data"`
	Files []string                           `json:"files,omitempty"`
}

func golden(t *testing.T, name string, typ discordgo.InteractionResponseType, d *discordgo.InteractionResponseData) {
	t.Helper()
	p := payload{Type: typ, Data: d}
	for _, f := range d.Files {
		p.Files = append(p.Files, f.Name)
	}
	got, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", name+".json")
	goldenfile.Check(t, path, string(got), *updateGolden, "go test ./bot/wizard -update")
}

// TestReportPayloads renders the review and the report of each golden
// profile in both languages, checks them against Discord's limits and the
// article, and compares them with testdata/.
func TestReportPayloads(t *testing.T) {
	kb := testKB(t)
	for _, c := range reportProfiles {
		for _, lang := range []string{"zh", "en"} {
			t.Run(c.name+"."+lang, func(t *testing.T) {
				h := newWizHarnessKB(t, newMemAssessStore(), kb)
				p := readProfile(t, c.file)
				review := h.atReview("u1", p, lang)
				checkLimits(t, review)
				golden(t, "review-"+c.name+"."+lang, discordgo.InteractionResponseUpdateMessage, review)
				r := h.click("u1", wizFindID(t, review, ":report"))
				checkLimits(t, r.Data)
				checkQuotes(t, kb, r.Data)
				golden(t, "report-"+c.name+"."+lang, r.Type, r.Data)

				a := assess.Score(kb, p)
				es := r.Data.Embeds
				if len(es) != 1+len(a.Explained())+min(1, len(a.Favours())) {
					t.Errorf("%d embeds for %d fates explained", len(es), len(a.Explained()))
				}
				for i, m := range a.Explained() {
					e := es[1+i]
					if !strings.HasPrefix(e.Description, "`"+m.ID+"`") || !strings.Contains(e.Description, m.Risks[0].Text.In(lang)) {
						t.Errorf("fate %d is not %s with its reasons: %q", i, m.ID, e.Description)
					}
					if len(m.Actions) > 0 && !hasField(e, reportText(lang, "act1"), m.Actions[0].Text.In(lang)) {
						t.Errorf("%s: no first action", m.ID)
					}
				}
				if !a.Enough && !hasField(es[0], reportText(lang, "first"), fieldLabel(a.Missing[0], lang)) {
					t.Errorf("not enough answers, but the overview names no answer to give: %+v", es[0])
				}
				for _, m := range a.Modes {
					if !m.Scored && !strings.Contains(es[0].Description, "`"+m.ID+"` ░░░░░░░░░░ "+reportText(lang, "unscored")) {
						t.Errorf("%s is not marked unscored: %q", m.ID, es[0].Description)
					}
				}
			})
		}
	}
}

func hasField(e *discordgo.MessageEmbed, name, value string) bool {
	for _, f := range e.Fields {
		if f.Name == name && strings.Contains(f.Value, value) {
			return true
		}
	}
	return false
}

// checkLimits checks what Discord refuses: embeds (10, 6,000 units in
// all, 25 fields, each part's length) and components (5 rows of 5).
func checkLimits(t *testing.T, d *discordgo.InteractionResponseData) {
	t.Helper()
	total := 0
	for _, e := range d.Embeds {
		total += render.EmbedSize(e)
		if len(e.Fields) > render.MaxFields || render.Units(e.Title) > render.MaxTitle || render.Units(e.Description) > render.MaxDescription {
			t.Errorf("embed %q over a limit", e.Title)
		}
		for _, f := range e.Fields {
			if render.Units(f.Name) > render.MaxFieldName || render.Units(f.Value) > render.MaxFieldValue || f.Value == "" {
				t.Errorf("field %q over a limit or empty", f.Name)
			}
		}
	}
	if len(d.Embeds) > render.MaxEmbeds || total > render.MaxEmbedTotal {
		t.Errorf("%d embeds, %d units", len(d.Embeds), total)
	}
	if render.Units(d.Content) > render.MaxContent || len(d.Components) > 5 {
		t.Errorf("content %d units, %d rows", render.Units(d.Content), len(d.Components))
	}
	for _, row := range d.Components {
		cs := row.(discordgo.ActionsRow).Components
		if len(cs) == 0 || len(cs) > 5 {
			t.Errorf("a row of %d components", len(cs))
		}
		for _, c := range cs {
			if m, ok := c.(discordgo.SelectMenu); ok && len(m.Options) > render.MaxChoices {
				t.Errorf("%d options", len(m.Options))
			}
		}
	}
}

var quoteRE = regexp.MustCompile(`「([^」]+)」`)

// checkQuotes checks every quote shown is verbatim in the article.
func checkQuotes(t *testing.T, kb *knowledge.Base, d *discordgo.InteractionResponseData) {
	t.Helper()
	article := strings.Join(kb.Article.Paragraphs, "\n")
	for _, e := range d.Embeds {
		for _, m := range quoteRE.FindAllStringSubmatch(e.Description, -1) {
			if !strings.Contains(article, m[1]) {
				t.Errorf("quote not in the article: %q", m[1])
			}
		}
	}
}

// TestReportFitsBesideNarrative: with the longest narrative beside it,
// the report still fits one message, quotes giving way from the bottom.
func TestReportFitsBesideNarrative(t *testing.T) {
	kb := testKB(t)
	h := newWizHarnessKB(t, newMemAssessStore(), kb)
	h.flow.narrator = fakeNarrator{text: strings.Repeat("`capital` 最危险。", 200)}
	review := h.atReview("u1", readProfile(t, reportProfiles[0].file), "en")
	r := h.click("u1", wizFindID(t, review, ":report"))
	edit, err := r.Later(context.Background())
	if err != nil || edit == nil {
		t.Fatalf("narrative: %v, %v", edit, err)
	}
	d := &discordgo.InteractionResponseData{Embeds: *edit.Embeds}
	checkLimits(t, d)
	checkQuotes(t, kb, d)
	es := d.Embeds
	if es[1].Title != reportText("en", "narr") || !strings.Contains(es[2].Description, "「") || strings.Contains(es[len(es)-2].Description, "「") {
		t.Errorf("want the narrative second, the top fate's quotes kept and the last fate's dropped")
	}
	for i, e := range es[2 : len(es)-1] {
		if !strings.HasPrefix(e.Description, "`") || strings.HasSuffix(e.Description, "…") {
			t.Errorf("fate %d clipped: %q", i, e.Description)
		}
	}
}

func BenchmarkReport(b *testing.B) {
	kb := testKB(b)
	for _, c := range reportProfiles {
		a := assess.Score(kb, readProfile(b, c.file))
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				reportEmbeds(a, "en", render.MaxEmbedTotal)
			}
		})
	}
}

// BenchmarkReportClick is the whole report click: the score, the chart,
// the Markdown and the embeds.
func BenchmarkReportClick(b *testing.B) {
	kb := testKB(b)
	h := newWizHarnessKB(b, newMemAssessStore(), kb)
	review := h.atReview("u1", readProfile(b, reportProfiles[0].file), "zh")
	id := wizFindID(b, review, ":report")
	for b.Loop() {
		h.click("u1", id)
	}
}
