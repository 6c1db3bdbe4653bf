package discordfake_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/premortem/premortem/internal/discordfake"
)

func TestShardOf(t *testing.T) {
	for _, tc := range []struct {
		guild       string
		count, want int
	}{
		{discordfake.GuildID, 2, 1},
		{discordfake.GuildOther, 2, 0},
		{discordfake.GuildOther, 4, 2},
		{discordfake.GuildID, 1, 0},
		{"", 2, 0}, // a direct message
	} {
		if got := discordfake.ShardOf(tc.guild, tc.count); got != tc.want {
			t.Errorf("ShardOf(%s, %d) = %d; want %d", tc.guild, tc.count, got, tc.want)
		}
	}
}

// identifyShard identifies a raw client as shard [id, count] and returns
// the guild IDs of its READY and GUILD_CREATEs.
func identifyShard(t *testing.T, c *rawClient, srv *discordfake.Server, id, count int) (ready, created []string) {
	t.Helper()
	c.read() // hello
	c.send(2, map[string]any{"token": srv.Token(), "intents": discordgo.IntentsGuilds | discordgo.IntentsGuildMessages, "shard": []int{id, count}})
	f := c.read()
	var r struct {
		Shard  []int `json:"shard"`
		Guilds []struct {
			ID string `json:"id"`
		} `json:"guilds"`
	}
	json.Unmarshal(f.Data, &r)
	if f.Type != "READY" || len(r.Shard) != 2 || r.Shard[0] != id || r.Shard[1] != count {
		t.Fatalf("shard %d/%d: ready = %s %s", id, count, f.Type, f.Data)
	}
	for _, g := range r.Guilds {
		ready = append(ready, g.ID)
		var gc struct {
			ID string `json:"id"`
		}
		json.Unmarshal(c.read().Data, &gc)
		created = append(created, gc.ID)
	}
	return ready, created
}

func TestShardsGetTheirGuildsEvents(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{Guilds: []*discordgo.Guild{discordfake.OtherGuild()}})
	c0, c1 := dialRaw(t, srv, "v=10&encoding=json"), dialRaw(t, srv, "v=10&encoding=json")
	r0, g0 := identifyShard(t, c0, srv, 0, 2)
	r1, g1 := identifyShard(t, c1, srv, 1, 2)
	if len(r0) != 1 || r0[0] != discordfake.GuildOther || len(g0) != 1 || g0[0] != discordfake.GuildOther {
		t.Errorf("shard 0 ready %v, created %v; want the other guild", r0, g0)
	}
	if len(r1) != 1 || r1[0] != discordfake.GuildID || len(g1) != 1 || g1[0] != discordfake.GuildID {
		t.Errorf("shard 1 ready %v, created %v; want the default guild", r1, g1)
	}
	for _, tc := range []struct {
		channel, guild string
		c              *rawClient
	}{{discordfake.ChannelOther, discordfake.GuildOther, c0}, {discordfake.ChannelGeneral, discordfake.GuildID, c1}} {
		i := srv.Command(discordfake.UserMember, tc.channel, "ask", discordfake.StringOption("question", "?"))
		if i.GuildID != tc.guild || i.Member == nil || i.Member.GuildID != tc.guild {
			t.Fatalf("interaction in %s: guild %s, member %+v", tc.channel, i.GuildID, i.Member)
		}
		if err := srv.DispatchInteraction(i); err != nil {
			t.Fatal(err)
		}
		f := tc.c.read()
		var got struct {
			ID string `json:"id"`
		}
		json.Unmarshal(f.Data, &got)
		if f.Type != "INTERACTION_CREATE" || got.ID != i.ID {
			t.Errorf("guild %s: shard got %s %s; want interaction %s", tc.guild, f.Type, got.ID, i.ID)
		}
	}
}

func TestIdentifyBucketsAnswerOp9WhenExceeded(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{MaxConcurrency: 2, IdentifyInterval: time.Hour})
	identifyShard(t, dialRaw(t, srv, "v=10&encoding=json"), srv, 0, 4)
	identifyShard(t, dialRaw(t, srv, "v=10&encoding=json"), srv, 1, 4) // the other bucket
	c := dialRaw(t, srv, "v=10&encoding=json")
	c.read()
	c.send(2, map[string]any{"token": srv.Token(), "intents": 1, "shard": []int{2, 4}}) // bucket 0 again
	if f := c.read(); f.Op != 9 || string(f.Data) != "false" {
		t.Fatalf("identify over the bucket's limit = %+v; want op 9", f)
	}
	if n := srv.Throttled(); n != 1 {
		t.Errorf("throttled %d; want 1", n)
	}
	bad := dialRaw(t, srv, "v=10&encoding=json")
	bad.read()
	bad.send(2, map[string]any{"token": srv.Token(), "intents": 1, "shard": []int{4, 4}})
	bad.ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	if _, _, err := bad.ws.ReadMessage(); err == nil || !websocketClosedWith(err, discordfake.CloseInvalidShard) {
		t.Errorf("shard 4 of 4: %v; want close 4010", err)
	}
}

func websocketClosedWith(err error, code int) bool {
	ce, ok := err.(*websocket.CloseError)
	return ok && ce.Code == code
}
