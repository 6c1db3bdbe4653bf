package discordfake_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/internal/discordfake"
)

func TestMentionReplyAndThread(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{})
	dg, ev := open(t, srv, allIntents)
	recv(t, ev.ready)

	q, err := srv.DispatchMessage(discordfake.UserMessage{
		ChannelID: discordfake.ChannelGeneral, AuthorID: discordfake.UserMember,
		Content: "<@" + discordfake.BotID + "> 最大的风险? <@&" + discordfake.RoleBot + ">",
	})
	if err != nil {
		t.Fatal(err)
	}
	got := recv(t, ev.messages)
	if got.ID != q.ID || len(got.Mentions) != 1 || got.Mentions[0].ID != discordfake.BotID || !slices.Contains(got.MentionRoles, discordfake.RoleBot) {
		t.Fatalf("mention event = %+v", got.Message)
	}
	if got.Member == nil || !slices.Contains(got.Member.Roles, discordfake.RoleMember) {
		t.Fatalf("member = %+v", got.Member)
	}

	// The bot answers as a reply without pinging anyone; Discord echoes it.
	answer, err := dg.ChannelMessageSendComplex(discordfake.ChannelGeneral, &discordgo.MessageSend{
		Content:         "see `market` @everyone",
		Reference:       q.Reference(),
		AllowedMentions: &discordgo.MessageAllowedMentions{},
	})
	if err != nil {
		t.Fatal(err)
	}
	if echo := recv(t, ev.messages); echo.ID != answer.ID || echo.Author.ID != discordfake.BotID {
		t.Fatalf("echo = %+v", echo.Message)
	}
	call, err := srv.WaitCall(ctx(t), "POST", "/channels/"+discordfake.ChannelGeneral+"/messages")
	if err != nil {
		t.Fatal(err)
	}
	if !call.HasAllowedMentions || call.Pings.Any() {
		t.Fatalf("reply pings = %+v", call.Pings)
	}
	if answer.Type != discordgo.MessageTypeReply || answer.ReferencedMessage == nil || answer.ReferencedMessage.ID != q.ID {
		t.Fatalf("answer = %+v", answer)
	}

	// A follow-up question replies to the answer; the chain resolves by GET.
	follow, err := srv.DispatchMessage(discordfake.UserMessage{
		ChannelID: discordfake.ChannelGeneral, AuthorID: discordfake.UserMember,
		Content: "and then?", ReplyTo: answer.ID, MentionRepliedUser: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	fe := recv(t, ev.messages)
	if fe.MessageReference == nil || fe.MessageReference.MessageID != answer.ID || len(fe.Mentions) != 1 {
		t.Fatalf("follow-up = %+v", fe.Message)
	}
	parent, err := dg.ChannelMessage(discordfake.ChannelGeneral, fe.MessageReference.MessageID)
	if err != nil || parent.ReferencedMessage == nil || parent.ReferencedMessage.ID != q.ID {
		t.Fatalf("GET answer: %+v, %v", parent, err)
	}

	// The bot opens a thread on the follow-up and posts in it.
	th, err := dg.MessageThreadStart(discordfake.ChannelGeneral, follow.ID, "风险讨论", 1440)
	if err != nil {
		t.Fatal(err)
	}
	if th.ID != follow.ID || th.ParentID != discordfake.ChannelGeneral || th.Type != discordgo.ChannelTypeGuildPublicThread {
		t.Fatalf("thread = %+v", th)
	}
	if _, err := dg.ChannelMessageSend(th.ID, "in thread"); err != nil {
		t.Fatal(err)
	}
	if _, err := srv.DispatchMessage(discordfake.UserMessage{ChannelID: th.ID, AuthorID: discordfake.UserAdmin, Content: "thanks"}); err != nil {
		t.Fatal(err)
	}
	// discordgo runs handlers on their own goroutines: order is not kept.
	m := recvMatch(t, ev.messages, func(m *discordgo.MessageCreate) bool { return m.Author.ID == discordfake.UserAdmin })
	if m.ChannelID != th.ID || m.Content != "thanks" {
		t.Fatalf("thread message = %+v", m.Message)
	}
	if c, err := dg.Channel(th.ID); err != nil || c.ParentID != discordfake.ChannelGeneral {
		t.Fatalf("GET thread: %+v, %v", c, err)
	}
	// The thread's history starts with the starter message (type 21), whose
	// referenced message is the follow-up, nested one level only.
	hist, err := dg.ChannelMessages(th.ID, 100, "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	starter := hist[len(hist)-1]
	if starter.Type != discordgo.MessageTypeThreadStarterMessage || starter.ReferencedMessage == nil ||
		starter.ReferencedMessage.ID != follow.ID || starter.ReferencedMessage.ReferencedMessage != nil {
		t.Fatalf("thread starter = %+v", starter)
	}
	if hist[0].Content != "thanks" {
		t.Fatalf("newest thread message = %q", hist[0].Content)
	}
}

func TestMessageContentIntent(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{})
	_, ev := open(t, srv, discordgo.IntentsAllWithoutPrivileged)
	recv(t, ev.ready)
	for _, tc := range []struct {
		content, want string
	}{
		{"no mention", ""},
		{"<@" + discordfake.BotID + "> hi", "<@" + discordfake.BotID + "> hi"},
	} {
		srv.DispatchMessage(discordfake.UserMessage{ChannelID: discordfake.ChannelRandom, AuthorID: discordfake.UserOther, Content: tc.content})
		if got := recv(t, ev.messages).Content; got != tc.want {
			t.Errorf("content of %q without MESSAGE_CONTENT = %q, want %q", tc.content, got, tc.want)
		}
	}
}

func TestComponentsModalAutocomplete(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{})
	dg, ev := open(t, srv, allIntents)
	recv(t, ev.ready)

	// An answer with a button, sent as an immediate interaction response.
	ask := srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", "q"))
	srv.DispatchInteraction(ask)
	in := recv(t, ev.interactions)
	err := dg.InteractionRespond(in.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content: "answer",
			Components: []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				discordgo.Button{Label: "sources", CustomID: "sources:1", Style: discordgo.SecondaryButton},
			}}},
			AllowedMentions: &discordgo.MessageAllowedMentions{},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	orig, err := dg.InteractionResponse(in.Interaction)
	if err != nil {
		t.Fatal(err)
	}
	if orig.Interaction == nil || orig.Interaction.Name != "ask" || len(orig.Components) != 1 {
		t.Fatalf("original = %+v", orig)
	}
	recv(t, ev.messages) // echo of the public answer

	click := srv.Button(discordfake.UserMember, discordfake.ChannelGeneral, orig.ID, "sources:1")
	srv.DispatchInteraction(click)
	ci := recv(t, ev.interactions)
	if ci.MessageComponentData().CustomID != "sources:1" || ci.Message == nil || ci.Message.ID != orig.ID {
		t.Fatalf("click = %+v", ci.Interaction)
	}
	err = dg.InteractionRespond(ci.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: "quotes", Flags: discordgo.MessageFlagsEphemeral},
	})
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := srv.WaitAck(ctx(t), click.ID); a.Type != discordgo.InteractionResponseChannelMessageWithSource {
		t.Fatalf("click ack = %+v", a)
	}
	if c, _ := srv.WaitCall(ctx(t), "POST", "/interactions/"+click.ID); c.HasAllowedMentions {
		t.Errorf("ephemeral reply without allowed_mentions recorded as having it")
	}

	sel := srv.SelectMenu(discordfake.UserAdmin, discordfake.ChannelGeneral, orig.ID, "stage", "seed")
	srv.DispatchInteraction(sel)
	if si := recv(t, ev.interactions); !slices.Equal(si.MessageComponentData().Values, []string{"seed"}) {
		t.Fatalf("select values = %v", si.MessageComponentData().Values)
	}

	modal := srv.ModalSubmit(discordfake.UserAdmin, discordfake.ChannelGeneral, "numbers", map[string]string{"runway": "12"})
	srv.DispatchInteraction(modal)
	mi := recv(t, ev.interactions)
	row := mi.ModalSubmitData().Components[0].(*discordgo.ActionsRow)
	if v := row.Components[0].(*discordgo.TextInput).Value; v != "12" {
		t.Fatalf("modal value = %q", v)
	}

	ac := srv.Autocomplete(discordfake.UserMember, discordfake.ChannelGeneral, "risks", discordfake.Focused(discordfake.StringOption("id", "mar")))
	srv.DispatchInteraction(ac)
	ai := recv(t, ev.interactions)
	if !ai.ApplicationCommandData().Options[0].Focused {
		t.Fatalf("autocomplete option not focused")
	}
	// A message response is invalid for autocomplete.
	err = dg.InteractionRespond(ai.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{Content: "x"}})
	var rerr *discordgo.RESTError
	if !errors.As(err, &rerr) || rerr.Response.StatusCode != 400 {
		t.Fatalf("message response to autocomplete: %v", err)
	}
	err = dg.InteractionRespond(ai.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "market", Value: "market"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestAdminPermissionsInInteractions(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{})
	_, ev := open(t, srv, allIntents)
	recv(t, ev.ready)
	tests := []struct {
		user   string
		manage bool
	}{
		{discordfake.UserOwner, true},
		{discordfake.UserAdmin, true},
		{discordfake.UserMod, true},
		{discordfake.UserMember, false},
		{discordfake.UserOther, false},
	}
	for _, tc := range tests {
		srv.DispatchInteraction(srv.Command(tc.user, discordfake.ChannelGeneral, "model", discordfake.SubCommand("use", discordfake.StringOption("name", "ollama"))))
		in := recv(t, ev.interactions)
		if got := in.Member.Permissions&discordgo.PermissionManageGuild != 0; got != tc.manage {
			t.Errorf("user %s: Manage Server = %v, want %v", tc.user, got, tc.manage)
		}
	}
	if err := srv.SetRoles(discordfake.UserMember, discordfake.RoleAdmin); err != nil {
		t.Fatal(err)
	}
	srv.DispatchInteraction(srv.Command(discordfake.UserMember, discordfake.ChannelAdmins, "model"))
	if in := recv(t, ev.interactions); in.Member.Permissions&discordgo.PermissionManageGuild == 0 || !slices.Equal(in.Member.Roles, []string{discordfake.RoleAdmin}) {
		t.Errorf("after SetRoles: roles %v perms %b", in.Member.Roles, in.Member.Permissions)
	}
}

func TestFollowupReplacesDeferredAndFiles(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{})
	dg, ev := open(t, srv, allIntents)
	recv(t, ev.ready)
	ask := srv.Command(discordfake.UserMember, discordfake.ChannelRandom, "ask")
	srv.DispatchInteraction(ask)
	in := recv(t, ev.interactions)
	if err := dg.InteractionRespond(in.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages(discordfake.ChannelRandom)
	if len(msgs) != 1 || msgs[0].Flags&discordgo.MessageFlagsLoading == 0 {
		t.Fatalf("after defer: %+v", msgs)
	}
	fu, err := dg.FollowupMessageCreate(in.Interaction, true, &discordgo.WebhookParams{
		Content: "answer",
		Files:   []*discordgo.File{{Name: "sources.txt", ContentType: "text/plain", Reader: bytes.NewReader([]byte("quote"))}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if fu.ID != msgs[0].ID || fu.Flags&discordgo.MessageFlagsLoading != 0 || len(fu.Attachments) != 0 && fu.Attachments[0].Filename != "sources.txt" {
		t.Fatalf("first followup should replace the thinking message: %+v", fu)
	}
	c, _ := srv.WaitCall(ctx(t), "POST", "/webhooks/")
	if len(c.Files) != 1 || string(c.Files[0].Data) != "quote" || c.HasAllowedMentions {
		t.Fatalf("followup call = %+v", c)
	}
	var body map[string]any
	if err := json.Unmarshal(c.Body, &body); err != nil || body["content"] != "answer" {
		t.Fatalf("payload_json = %s", c.Body)
	}
	second, err := dg.FollowupMessageCreate(in.Interaction, true, &discordgo.WebhookParams{Content: "more"})
	if err != nil || second.ID == fu.ID {
		t.Fatalf("second followup = %+v, %v", second, err)
	}
}

func TestCommandsAndAuditReason(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{})
	dg, ev := open(t, srv, allIntents)
	recv(t, ev.ready)
	cmds := []*discordgo.ApplicationCommand{
		{Name: "ask", Description: "Ask", NameLocalizations: &map[discordgo.Locale]string{discordgo.ChineseCN: "提问"},
			Options: []*discordgo.ApplicationCommandOption{{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "q", Required: true}}},
		{Name: "help", Description: "Help"},
	}
	got, err := dg.ApplicationCommandBulkOverwrite(discordfake.BotID, discordfake.GuildID, cmds)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID == "" || len(srv.Commands(discordfake.GuildID)) != 2 {
		t.Fatalf("registered = %+v", got)
	}
	// The dispatched command carries the registered ID.
	in := srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask")
	if in.ApplicationCommandData().ID != got[0].ID {
		t.Errorf("command ID %s, registered %s", in.ApplicationCommandData().ID, got[0].ID)
	}
	bad := []*discordgo.ApplicationCommand{{Name: "Bad Name", Description: "x"}}
	if _, err := dg.ApplicationCommandBulkOverwrite(discordfake.BotID, "", bad); err == nil {
		t.Fatal("invalid command name accepted")
	}
	if _, err := dg.ChannelMessageSend(discordfake.ChannelGeneral, "x", discordgo.WithAuditLogReason("model 切换")); err != nil {
		t.Fatal(err)
	}
	c, _ := srv.WaitCall(ctx(t), "POST", "/channels/")
	if c.AuditLogReason() != "model 切换" || c.Authorization() != srv.Token() {
		t.Fatalf("headers: reason %q auth %q", c.AuditLogReason(), c.Authorization())
	}
}
