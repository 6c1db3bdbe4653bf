package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/internal/discordfake"
	"github.com/premortem/premortem/store/pgtest"
)

// TestEventSeenTwiceIsHandledOnce: Discord (or discordgo replaying after a
// resume) delivers one interaction twice; it is answered once.
func TestEventSeenTwiceIsHandledOnce(t *testing.T) {
	h := startBot(t)
	i := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "help")
	h.interact(i)
	if _, err := h.srv.Dispatch("INTERACTION_CREATE", i); err != nil {
		t.Fatal(err)
	}
	h.interact(h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "help")) // after the duplicate
	if n := counter(t, h.bot.metrics, "premortem_interactions_total"); n != 2 {
		t.Errorf("%v interactions handled; want 2 (the duplicate dropped)", n)
	}
	if calls := h.srv.CallsTo("POST", "/interactions/"+i.ID+"/"); len(calls) != 1 {
		t.Errorf("%d callbacks for the interaction delivered twice; want 1", len(calls))
	}
}

// TestDedupeAcrossProcesses: with PostgreSQL the first process to record
// an ID handles it; the other drops it.
func TestDedupeAcrossProcesses(t *testing.T) {
	su := setup{postgres: true}
	a := openStore(t, &su)
	b := openStore(t, &su)
	t.Cleanup(func() { a.Close(); b.Close() })
	da, db := newDedupe(a, testLogger(t)), newDedupe(b, testLogger(t))
	if !da.first("i1") || db.first("i1") || da.first("i1") {
		t.Error("an ID was handled twice, or never")
	}
}

// shardBots runs two bots as shards 0/2 and 1/2 of one PostgreSQL, on one
// fake with a guild on each shard (OtherGuild on 0, the default on 1).
func shardBots(t *testing.T, opts ...harnessOpt) (srv *discordfake.Server, bots [2]*harness) {
	t.Helper()
	dsn := pgtest.DSN(t)
	srv = discordfake.New(t, discordfake.Options{Guilds: []*discordgo.Guild{discordfake.OtherGuild()}, Shards: 2,
		IdentifyInterval: testIdentifyGap - 50*time.Millisecond})
	for id := range 2 {
		bots[id] = start(t, setup{srv: srv, dsn: dsn, postgres: true}, append([]harnessOpt{func(c *config.Discord, _ *discordfake.Options) {
			c.GuildID = ""
			c.ShardID, c.ShardCount, c.TakeoverAfter = id, 2, 0
		}}, opts...)...)
	}
	return srv, bots
}

func TestShardsShareOnePostgres(t *testing.T) {
	srv, bots := shardBots(t, func(c *config.Discord, _ *discordfake.Options) { c.UserRate, c.UserBurst = 1, 2 })
	if n := len(srv.CallsTo("PUT", "/applications/")); n != 1 {
		t.Errorf("commands registered %d times; want once, by the lease's holder", n)
	}
	// Each guild's question is answered by its shard's process alone.
	ask := func(channel, user string) discordgo.InteractionResponseData {
		i := srv.Command(user, channel, "ask", discordfake.StringOption("question", stabilityQuestion))
		return ackData(t, bots[0].interact(i))
	}
	ask(discordfake.ChannelOther, discordfake.UserMember)
	bots[0].settle(discordfake.UserMember)
	ask(discordfake.ChannelGeneral, discordfake.UserMember)
	bots[1].settle(discordfake.UserMember)
	for id, h := range bots {
		if n := counterWith(t, h.bot.metrics, "premortem_interactions_total", "/ask"); n != 1 {
			t.Errorf("shard %d handled %v questions; want 1", id, n)
		}
	}
	// The user's rate (burst 2) holds across both: the third question is
	// refused, by whichever process gets it, though each saw one.
	i := srv.Command(discordfake.UserMember, discordfake.ChannelOther, "ask", discordfake.StringOption("question", stabilityQuestion))
	bots[0].interact(i)
	c, err := srv.WaitCall(ctxT(t), "POST", "/webhooks/"+discordfake.BotID+"/"+i.Token)
	if err != nil {
		t.Fatalf("third question within the shared rate: %v", err)
	}
	var p discordgo.WebhookParams
	c.Decode(&p)
	if p.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(p.Content, "please try again in") {
		t.Errorf("third question: %+v; want the private rate refusal", p)
	}
	// A model switch in shard 0's guild reaches the other process at once.
	if _, err := bots[1].bot.models.GuildModel(context.Background(), discordfake.GuildOther); err == nil {
		t.Fatal("the other guild already has a model")
	}
	use := srv.Command(discordfake.UserAdmin, discordfake.ChannelOther, "model", discordfake.SubCommand("use", discordfake.StringOption("name", "local")))
	if d := ackData(t, bots[0].interact(use)); !strings.Contains(d.Content, "**local**") {
		t.Fatalf("/model use: %q", d.Content)
	}
	switched := time.Now()
	for {
		if c, err := bots[1].bot.models.GuildModel(context.Background(), discordfake.GuildOther); err == nil && c.Backend == "local" {
			break
		}
		if time.Since(switched) > 10*time.Second {
			t.Fatal("the switch never reached the other process")
		}
		time.Sleep(time.Millisecond)
	}
	t.Logf("model switch seen by the other process %v after its acknowledgement", time.Since(switched).Round(time.Microsecond))
	if n := srv.Throttled(); n != 0 {
		t.Errorf("%d identifies drew an op 9", n)
	}
}
