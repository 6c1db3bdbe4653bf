package discordfake_test

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/internal/discordfake"
)

func TestBucketHeadersHonoured(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{RateLimit: discordfake.RateLimit{Requests: 2, Window: 400 * time.Millisecond}})
	dg, _ := open(t, srv, allIntents)
	start := time.Now()
	for i := range 3 {
		if _, err := dg.ChannelMessageSend(discordfake.ChannelGeneral, "msg"); err != nil {
			t.Fatalf("send %d: %v", i, err)
		}
	}
	// discordgo waits on X-RateLimit-Remaining: 0 instead of provoking a 429.
	if d := time.Since(start); d < 300*time.Millisecond {
		t.Errorf("3 sends in a 2-per-400ms bucket took %v", d)
	}
	calls := srv.CallsTo("POST", "/channels/")
	for _, c := range calls {
		if c.Status != http.StatusOK {
			t.Errorf("call %v", c)
		}
	}
	if h := calls[0].Response; h == nil {
		t.Fatal("no response recorded")
	}
}

func TestGlobal429AndServerErrors(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{})
	dg, _ := open(t, srv, allIntents)
	srv.Fail(discordfake.Failure{Method: "POST", PathPrefix: "/channels/", Status: 429, RetryAfter: 100 * time.Millisecond, Global: true})
	if _, err := dg.ChannelMessageSend(discordfake.ChannelGeneral, "a"); err != nil {
		t.Fatal(err)
	}
	// 502 is retried by discordgo; 500 is returned to the caller.
	srv.FailNext("POST /channels/", 502, 0)
	if _, err := dg.ChannelMessageSend(discordfake.ChannelGeneral, "b"); err != nil {
		t.Fatal(err)
	}
	srv.FailNext("POST /channels/", 500, 0)
	_, err := dg.ChannelMessageSend(discordfake.ChannelGeneral, "c")
	var rerr *discordgo.RESTError
	if !errors.As(err, &rerr) || rerr.Response.StatusCode != 500 {
		t.Fatalf("500: %v", err)
	}
	var statuses []int
	for _, c := range srv.CallsTo("POST", "/channels/") {
		statuses = append(statuses, c.Status)
	}
	want := []int{429, 200, 502, 200, 500}
	if len(statuses) != len(want) {
		t.Fatalf("statuses = %v, want %v", statuses, want)
	}
	for i := range want {
		if statuses[i] != want[i] {
			t.Fatalf("statuses = %v, want %v", statuses, want)
		}
	}
}

func TestLateAckAndUnknownRoute(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{AckDeadline: time.Nanosecond})
	dg, ev := open(t, srv, allIntents)
	recv(t, ev.ready)
	srv.DispatchInteraction(srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask"))
	in := recv(t, ev.interactions)
	err := dg.InteractionRespond(in.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
	var rerr *discordgo.RESTError
	if !errors.As(err, &rerr) || rerr.Message == nil || rerr.Message.Code != 10062 {
		t.Fatalf("late ack: %v", err)
	}
	if acks := srv.Acks(); len(acks) != 1 || acks[0].Status != 404 {
		t.Fatalf("acks = %+v", acks)
	}
	if _, err := dg.GuildBans(discordfake.GuildID, 10, "", ""); err == nil {
		t.Fatal("unknown route answered")
	}
	if c, _ := srv.WaitCall(ctx(t), "GET", "/guilds/"+discordfake.GuildID+"/bans"); c.Status != 404 {
		t.Fatalf("unknown route call = %v", c)
	}
}
