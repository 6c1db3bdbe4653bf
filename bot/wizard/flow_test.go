package wizard

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/bot/router"
	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/prompts"
)

// memAssessStore is an in-memory Sessions store with the same
// compare-and-swap rule as the SQLite one.
type memAssessStore struct {
	mu sync.Mutex
	m  map[string]Session
}

func newMemAssessStore() *memAssessStore { return &memAssessStore{m: map[string]Session{}} }

func (s *memAssessStore) GetAssessment(_ context.Context, id string) (Session, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	x, ok := s.m[id]
	if !ok {
		return x, ErrNoSession
	}
	return x, nil
}

func (s *memAssessStore) LatestAssessment(_ context.Context, user string) (Session, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var best Session
	ok := false
	for _, x := range s.m {
		if x.UserID == user && (!ok || x.ExpiresAt.After(best.ExpiresAt)) {
			best, ok = x, true
		}
	}
	return best, ok, nil
}

func (s *memAssessStore) CreateAssessment(_ context.Context, x Session) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[x.ID] = x
	return nil
}

func (s *memAssessStore) UpdateAssessment(_ context.Context, x Session, prev int64) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, ok := s.m[x.ID]
	if !ok || cur.Version != prev {
		return false, nil
	}
	x.Version = prev + 1
	s.m[x.ID] = x
	return true, nil
}

func (s *memAssessStore) DeleteAssessment(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, id)
	return nil
}

func (s *memAssessStore) DeleteUser(_ context.Context, user string) (int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var n int64
	for id, x := range s.m {
		if x.UserID == user {
			delete(s.m, id)
			n++
		}
	}
	return n, nil
}

type wizHarness struct {
	t     testing.TB
	flow  *Flow
	store *memAssessStore
	now   time.Time
}

func newWizHarness(t *testing.T, store *memAssessStore) *wizHarness {
	return newWizHarnessKB(t, store, nil)
}

// newWizHarnessKB is a harness whose reports cite kb (nil: the fallback
// titles and no citations).
func newWizHarnessKB(t testing.TB, store *memAssessStore, kb *knowledge.Base) *wizHarness {
	h := &wizHarness{t: t, store: store, now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	f, err := New(Options{KB: kb, Store: store, Forget: store, Now: func() time.Time { return h.now }})
	if err != nil {
		t.Fatal(err)
	}
	h.flow = f
	return h
}

func wizMember(user string) *discordgo.Member {
	return &discordgo.Member{User: &discordgo.User{ID: user}}
}

func (h *wizHarness) command(user string) *router.Response {
	return h.flow.Start(context.Background(), request(&discordgo.Interaction{Type: discordgo.InteractionApplicationCommand, Member: wizMember(user), Locale: discordgo.ChineseCN, GuildID: "g", ChannelID: "c",
		Data: discordgo.ApplicationCommandInteractionData{Name: "assess"}}))
}

// request is the router's request of i, answered nowhere.
func request(i *discordgo.Interaction) *router.Request { return router.FromInteraction(i, nil) }

func (h *wizHarness) click(user, customID string, values ...string) *router.Response {
	return h.flow.Click(context.Background(), request(&discordgo.Interaction{Type: discordgo.InteractionMessageComponent, Member: wizMember(user), Locale: discordgo.ChineseCN,
		Data: discordgo.MessageComponentInteractionData{CustomID: customID, Values: values}}))
}

func (h *wizHarness) submit(user, customID, text string) *router.Response {
	return h.flow.Click(context.Background(), request(&discordgo.Interaction{Type: discordgo.InteractionModalSubmit, Member: wizMember(user), Locale: discordgo.ChineseCN,
		Data: discordgo.ModalSubmitInteractionData{CustomID: customID, Components: []discordgo.MessageComponent{
			&discordgo.ActionsRow{Components: []discordgo.MessageComponent{&discordgo.TextInput{CustomID: "value", Value: text}}}}}}))
}

// wizCustomIDs lists every custom_id in a response's components.
func wizCustomIDs(d *discordgo.InteractionResponseData) []string {
	var out []string
	for _, row := range d.Components {
		for _, c := range row.(discordgo.ActionsRow).Components {
			switch c := c.(type) {
			case discordgo.Button:
				out = append(out, c.CustomID)
			case discordgo.SelectMenu:
				out = append(out, c.CustomID)
			}
		}
	}
	return out
}

func wizFindID(t testing.TB, d *discordgo.InteractionResponseData, suffix string) string {
	t.Helper()
	for _, id := range wizCustomIDs(d) {
		if strings.HasSuffix(id, suffix) {
			return id
		}
	}
	t.Fatalf("no component ending %q in %v (content %q)", suffix, wizCustomIDs(d), d.Content)
	return ""
}

func TestAssessFlowWholeWizard(t *testing.T) {
	h := newWizHarness(t, newMemAssessStore())
	r := h.command("u1")
	if r.Type != discordgo.InteractionResponseChannelMessageWithSource || r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Fatalf("start: %+v", r)
	}
	d := r.Data
	// scenario has 7 choices: a select menu; value is the choice index.
	r = h.click("u1", wizFindID(t, d, ":pick"), "0")
	if r.Type != discordgo.InteractionResponseUpdateMessage || !strings.Contains(r.Data.Content, "文生图") {
		t.Fatalf("after scenario: %+v", r.Data.Content)
	}
	// A double click on the old select applies once.
	if again := h.click("u1", wizFindID(t, d, ":pick"), "1"); again.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("stale click was not refused privately: %q", again.Data.Content)
	}
	d = r.Data
	for _, suffix := range []string{":c0", ":c0", ":c0", ":c1"} { // consumer, open-source, general, USD
		r = h.click("u1", wizFindID(t, d, suffix))
		d = r.Data
	}
	// annual cost: a button opens a modal; a bad answer re-asks, a good one moves on.
	modal := h.click("u1", wizFindID(t, d, ":modal"))
	if modal.Type != discordgo.InteractionResponseModal {
		t.Fatalf("modal: %+v", modal)
	}
	bad := h.submit("u1", modal.Data.CustomID, "-5")
	if !strings.Contains(bad.Data.Content, "负数") {
		t.Errorf("negative amount: %q", bad.Data.Content)
	}
	for _, v := range []string{"1.53亿", "$11m", "3个月"} {
		m := h.click("u1", wizFindID(t, d, ":modal"))
		r = h.submit("u1", m.Data.CustomID, v)
		if strings.Contains(r.Data.Content, "⚠️") {
			t.Fatalf("%s refused: %s", v, r.Data.Content)
		}
		d = r.Data
	}
	// The rest by question (the wizard's order is assess's), skipping what
	// this founder leaves open.
	answers := []struct{ prompt, suffix string }{
		{"母公司", ":c1"},   // parent: no
		{"账单", ":c0"},    // bills overdue: yes
		{"本地小模型", ":c1"}, // on-device: partly
		{"平台巨头", ":c0"},  // giants: yes
	}
	for range 20 {
		if strings.HasPrefix(d.Content, text("zh", "review")) {
			break
		}
		suffix := ":skip"
		_, current, _ := strings.Cut(d.Content, "\n\n") // without the previous answer
		for _, a := range answers {
			if strings.Contains(current, a.prompt) {
				suffix = a.suffix
			}
		}
		d = h.click("u1", wizFindID(t, d, suffix)).Data
	}
	// The review lists the answers; one is changed from there, and the
	// wizard comes back to the review.
	if !strings.Contains(d.Content, "1.53亿美元") || !strings.Contains(d.Content, "(跳过)") || len(d.Embeds) != 0 {
		t.Fatalf("review: %q", d.Content)
	}
	d = h.click("u1", wizFindID(t, d, ":edit"), "17").Data // market visibility, skipped
	if !strings.Contains(d.Content, "声量") {
		t.Fatalf("edit: %q", d.Content)
	}
	d = h.click("u1", wizFindID(t, d, ":c2")).Data // well known
	if !strings.HasPrefix(d.Content, text("zh", "review")) || !strings.Contains(d.Content, "市场声量:**很有名**") {
		t.Fatalf("back at the review: %q", d.Content)
	}
	d = h.click("u1", wizFindID(t, d, ":report")).Data
	if len(d.Embeds) < 2 || len(d.Files) != 2 {
		t.Fatalf("report: %d embeds, %d files; content %q", len(d.Embeds), len(d.Files), d.Content)
	}
	if !strings.Contains(d.Embeds[0].Description, "`capital`") || !strings.Contains(d.Embeds[1].Description, "`capital`") {
		t.Errorf("capital not first: %q / %q", d.Embeds[0].Description, d.Embeds[1].Description)
	}
	// Share posts publicly; someone else cannot share or click.
	share := wizFindID(t, d, ":share")
	if x := h.click("u2", share); !strings.Contains(x.Data.Content, "别人") {
		t.Errorf("other user: %q", x.Data.Content)
	}
	pub := h.click("u1", share)
	if pub.Data.Flags&discordgo.MessageFlagsEphemeral != 0 || len(pub.Data.Embeds) == 0 || len(pub.Data.Files) != 1 {
		t.Errorf("share: %+v", pub.Data)
	}
	// The stored state is the profile answered.
	var st assess.State
	for _, s := range h.store.m {
		json.Unmarshal(s.State, &st)
	}
	if st.Profile.Scenario != "text-to-image" || *st.Profile.AnnualCost != 1.53e8 || st.Profile.PayingUsers != nil {
		t.Errorf("profile %+v", st.Profile)
	}
}

func TestAssessFlowRefusals(t *testing.T) {
	store := newMemAssessStore()
	h := newWizHarness(t, store)
	d := h.command("u1").Data
	pick := wizFindID(t, d, ":pick")
	before := len(store.m)
	var version int64
	for _, s := range store.m {
		version = s.Version
	}
	for name, r := range map[string]*router.Response{
		"forged":       h.click("u1", "assess:zzzz:1:skip"),
		"unknown":      h.click("u1", "assess:0123456789abcdef:0:skip"),
		"other user":   h.click("u2", pick, "0"),
		"bad value":    h.click("u1", pick, "99"),
		"not a number": h.click("u1", pick, "x"),
	} {
		if name == "bad value" || name == "not a number" {
			if !strings.Contains(r.Data.Content, "⚠️") {
				t.Errorf("%s: %q", name, r.Data.Content)
			}
			continue
		}
		if r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || r.Type != discordgo.InteractionResponseChannelMessageWithSource {
			t.Errorf("%s: not a private message: %+v", name, r)
		}
	}
	for _, s := range store.m {
		if s.Version != version || len(store.m) != before {
			t.Fatal("a refused click changed state")
		}
	}
	// A second /assess offers to resume; resume shows the same question.
	offer := h.command("u1").Data
	if !strings.Contains(offer.Content, "没有完成") {
		t.Fatalf("offer: %q", offer.Content)
	}
	res := h.click("u1", wizFindID(t, offer, ":resume"))
	if wizFindID(t, res.Data, ":pick") != pick {
		t.Error("resume shows another step")
	}
	// After the TTL the session is gone.
	h.now = h.now.Add(DefaultTTL + time.Minute)
	if r := h.click("u1", pick, "0"); !strings.Contains(r.Data.Content, "过期") {
		t.Errorf("expired: %q", r.Data.Content)
	}
	if len(store.m) != 0 {
		t.Error("expired session kept")
	}
}

func TestAssessFlowRestartAndForget(t *testing.T) {
	store := newMemAssessStore()
	h := newWizHarness(t, store)
	d := h.command("u1").Data
	d = h.click("u1", wizFindID(t, d, ":pick"), "1").Data
	// A new flow over the same store (a bot restart) continues the session.
	h2 := newWizHarness(t, store)
	r := h2.click("u1", wizFindID(t, d, ":c2"))
	if !strings.Contains(r.Data.Content, "两者都有") {
		t.Errorf("after restart: %q", r.Data.Content)
	}
	if f := h2.flow.Forget(context.Background(), request(&discordgo.Interaction{Member: wizMember("u1"), Locale: discordgo.ChineseCN})); !strings.Contains(f.Data.Content, "1") {
		t.Errorf("forget: %q", f.Data.Content)
	}
	if len(store.m) != 0 {
		t.Error("forget left sessions")
	}
}

func TestAssessFlowCancel(t *testing.T) {
	store := newMemAssessStore()
	h := newWizHarness(t, store)
	d := h.command("u1").Data
	r := h.click("u1", wizFindID(t, d, ":cancel"))
	if r.Type != discordgo.InteractionResponseUpdateMessage || len(store.m) != 0 {
		t.Errorf("cancel: %+v, %d sessions", r, len(store.m))
	}
}

type fakeNarrator struct{ text string }

func (f fakeNarrator) Narrate(ctx context.Context, d prompts.ReportData) (string, string, error) {
	if len(d.Scores) != 7 {
		return "", "", nil
	}
	return f.text, "fake · m1", nil
}

func TestAssessFlowNarrative(t *testing.T) {
	h := newWizHarness(t, newMemAssessStore())
	h.flow.narrator = fakeNarrator{text: "`capital` 最危险。"}
	d := h.command("u1").Data
	var r *router.Response
	for range 20 {
		r = h.click("u1", wizFindID(t, d, ":skip"))
		d = r.Data
		if strings.HasPrefix(d.Content, text("zh", "review")) {
			r = h.click("u1", wizFindID(t, d, ":report"))
			break
		}
	}
	if r.Later == nil {
		t.Fatal("no narrative step")
	}
	edit, err := r.Later(context.Background())
	if err != nil || edit == nil || len(*edit.Embeds) < 2 || (*edit.Embeds)[1].Description != "`capital` 最危险。" {
		t.Fatalf("edit %+v, %v", edit, err)
	}
}
