package bot

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/internal/discordfake"
	"github.com/premortem/premortem/store"
)

func TestModelUseOnlyByAdmins(t *testing.T) {
	h := startBot(t, func(c *config.Discord, _ *discordfake.Options) { c.AdminRoleIDs = []string{discordfake.RoleMember} })
	use := func(user, name string) discordgo.InteractionResponseData {
		i := h.srv.Command(user, discordfake.ChannelGeneral, "model", discordfake.SubCommand("use", discordfake.StringOption("name", name)))
		return ackData(t, h.interact(i))
	}
	for _, tc := range []struct {
		name, user, backend, want string
		changed                   bool
	}{
		{"no role, no permission", discordfake.UserOther, "local", "Only members with Manage Server", false},
		{"unknown backend", discordfake.UserAdmin, "gpt-9", "no model backend named gpt-9", false},
		{"manage server", discordfake.UserAdmin, "local", "changed from builtin to **local**", true},
		{"administrator", discordfake.UserMod, "builtin", "changed from local to **builtin**", true},
		{"configured admin role", discordfake.UserMember, "local", "changed from builtin to **local**", true},
		{"same again", discordfake.UserMember, "local", "already uses **local**", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before, _ := h.db.GuildModel(context.Background(), discordfake.GuildID)
			d := use(tc.user, tc.backend)
			if !strings.Contains(d.Content, tc.want) {
				t.Errorf("reply %q; want %q", d.Content, tc.want)
			}
			after, err := h.db.GuildModel(context.Background(), discordfake.GuildID)
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				t.Fatal(err)
			}
			if changed := after != before; changed != tc.changed {
				t.Errorf("stored choice %+v -> %+v; changed %v, want %v", before, after, changed, tc.changed)
			}
			if tc.changed && after.ChangedBy != tc.user {
				t.Errorf("changed by %s; want %s", after.ChangedBy, tc.user)
			}
			if !tc.changed && d.Flags&discordgo.MessageFlagsEphemeral == 0 {
				t.Errorf("refusal is public: %q", d.Content)
			}
		})
	}
	// The answer now names the chosen backend, and /model status says who chose it.
	i := h.srv.Command(discordfake.UserOther, discordfake.ChannelGeneral, "model", discordfake.SubCommand("status"))
	if d := ackData(t, h.interact(i)); !strings.Contains(d.Content, "**local**") || !strings.Contains(d.Content, "<@"+discordfake.UserMember+">") {
		t.Errorf("status %q", d.Content)
	}
	i = h.srv.Command(discordfake.UserOther, discordfake.ChannelGeneral, "model", discordfake.SubCommand("list"))
	if d := ackData(t, h.interact(i)); !strings.Contains(d.Content, "▶️ `local`") || !strings.Contains(d.Content, "`builtin`") {
		t.Errorf("list %q", d.Content)
	}
	h.assertNoPings()
}

func TestRisksAndAutocomplete(t *testing.T) {
	h := startBot(t)
	i := h.srv.Autocomplete(discordfake.UserMember, discordfake.ChannelGeneral, "risks", discordfake.Focused(discordfake.StringOption("id", "开源")))
	a := h.interact(i)
	d := ackData(t, a)
	if a.Type != discordgo.InteractionApplicationCommandAutocompleteResult || len(d.Choices) != 1 || d.Choices[0].Value != "open-source" {
		t.Errorf("autocomplete %d %+v", a.Type, d.Choices)
	}
	i = h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "risks", discordfake.StringOption("id", "capital"))
	d = ackData(t, h.interact(i))
	if len(d.Embeds) != 1 || !strings.Contains(d.Embeds[0].Title, "`capital`") || len(d.Embeds[0].Fields) == 0 {
		t.Errorf("/risks capital %+v", d.Embeds)
	}
	i = h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "risks")
	if d = ackData(t, h.interact(i)); len(d.Embeds) != 1 || len(d.Embeds[0].Fields) != 7 {
		t.Errorf("/risks lists %d modes", len(d.Embeds[0].Fields))
	}
	i = h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "risks", discordfake.StringOption("id", "weather"))
	if d = ackData(t, h.interact(i)); d.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(d.Content, "market") {
		t.Errorf("unknown risk: %+v", d)
	}
	i = h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "help")
	if d = ackData(t, h.interact(i)); !strings.Contains(d.Content, "/ask") {
		t.Errorf("help %q", d.Content)
	}
}

func TestButtonsSourcesFeedbackAssess(t *testing.T) {
	h := startBot(t)
	i := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", stabilityQuestion))
	h.interact(i)
	answer := h.waitOriginal(i, func(m *discordgo.Message) bool { return len(m.Components) > 0 })
	var src string
	for _, id := range componentIDs(answer.Components) {
		if strings.HasPrefix(id, render.IDSources) {
			src = id
		}
	}
	// Sources: deferred privately, then every quote of the cited risks.
	b := h.srv.Button(discordfake.UserOther, discordfake.ChannelGeneral, answer.ID, src)
	a := h.interact(b)
	if a.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || ackData(t, a).Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Fatalf("sources ack %d %s", a.Type, a.Data)
	}
	c, err := h.srv.WaitCall(ctxT(t), "PATCH", "/webhooks/"+discordfake.BotID+"/"+b.Token)
	if err != nil {
		t.Fatal(err)
	}
	var e discordgo.WebhookEdit
	c.Decode(&e)
	if e.Content == nil || !strings.Contains(*e.Content, "`open-source`") || !strings.Contains(*e.Content, "「") {
		t.Errorf("sources %v", e.Content)
	}
	// Feedback: a double click stores one vote.
	for range 2 {
		d := ackData(t, h.interact(h.srv.Button(discordfake.UserOther, discordfake.ChannelGeneral, answer.ID, render.IDFeedback+"up")))
		if d.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Errorf("feedback reply is public: %q", d.Content)
		}
	}
	if up, down, _ := h.db.FeedbackTally(context.Background(), answer.ID); up != 1 || down != 0 {
		t.Errorf("tally %d/%d; want 1/0", up, down)
	}
	// Assess: without the wizard wired it says it is coming.
	d := ackData(t, h.interact(h.srv.Button(discordfake.UserOther, discordfake.ChannelGeneral, answer.ID, render.IDAssess)))
	if !strings.Contains(d.Content, "coming soon") {
		t.Errorf("assess %q", d.Content)
	}
	h.assertNoPings()
}
