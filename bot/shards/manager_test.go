package shards_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/shards"
	"github.com/premortem/premortem/internal/discordfake"
	"github.com/premortem/premortem/store"
	"github.com/premortem/premortem/store/pgtest"
)

// seen records which shard's session delivered each interaction.
type seen struct {
	mu sync.Mutex
	by map[string]int // interaction ID -> shard
}

func (s *seen) attach(sess *discordgo.Session) {
	sess.AddHandler(func(ds *discordgo.Session, ic *discordgo.InteractionCreate) {
		s.mu.Lock()
		s.by[ic.ID] = ds.ShardID
		s.mu.Unlock()
	})
}

func (s *seen) wait(t *testing.T, id string) int {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		shard, ok := s.by[id]
		s.mu.Unlock()
		if ok {
			return shard
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("interaction %s never delivered", id)
	return -1
}

func fake(t *testing.T) *discordfake.Server {
	t.Helper()
	srv := discordfake.New(t, discordfake.Options{Guilds: []*discordgo.Guild{discordfake.OtherGuild()}, Shards: 2,
		IdentifyInterval: 250 * time.Millisecond})
	if err := discordfake.PointDiscordgo(srv.URL()); err != nil {
		t.Fatal(err)
	}
	return srv
}

// run starts a manager until the test ends.
func run(t *testing.T, o shards.Options) *shards.Manager {
	t.Helper()
	m := shards.New(o)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
	return m
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// TestOneProcessServesEveryShard: on SQLite one process takes every
// shard at once; each guild's events arrive on its shard's session, and
// the identifies were paced, never drawing an op 9.
func TestOneProcessServesEveryShard(t *testing.T) {
	srv := fake(t)
	db, err := store.OpenSQLite(context.Background(), ":memory:", store.Options{IdentifyInterval: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	rec := &seen{by: map[string]int{}}
	m := run(t, shards.Options{Token: discordfake.DefaultToken, Intents: discordgo.IntentsGuilds, Own: 1, Count: 2,
		Leases: db, Attach: rec.attach})
	for _, id := range []int{0, 1} {
		if err := srv.WaitShard(ctxT(t), id); err != nil {
			t.Fatal(err)
		}
	}
	for channel, want := range map[string]int{discordfake.ChannelGeneral: 1, discordfake.ChannelOther: 0} {
		i := srv.Command(discordfake.UserMember, channel, "help")
		if err := srv.DispatchInteraction(i); err != nil {
			t.Fatal(err)
		}
		if got := rec.wait(t, i.ID); got != want {
			t.Errorf("interaction in %s arrived on shard %d; want %d", channel, got, want)
		}
	}
	if n := srv.Throttled(); n != 0 {
		t.Errorf("%d identifies drew an op 9", n)
	}
	if _, ok := m.Channel(discordfake.ChannelOther); !ok {
		t.Error("the other guild's channel is not in any session's cache")
	}
	for _, s := range m.Status() {
		if s.Lease != "held" || s.Gateway != "connected" {
			t.Errorf("status %+v", s)
		}
	}
	if err := m.Unhealthy(); err != nil {
		t.Error(err)
	}
}

// TestStandbyTakesOverALostShard: two processes on one PostgreSQL, as
// shards 0/2 and 1/2 standing by for each other. When shard 0's lease
// connection dies, its holder closes the session and the other process
// takes the shard over.
func TestStandbyTakesOverALostShard(t *testing.T) {
	dsn := pgtest.DSN(t)
	srv := fake(t)
	open := func() *store.Store {
		db, err := store.OpenPostgres(context.Background(), dsn, store.Options{IdentifyInterval: 300 * time.Millisecond, LeaseCheck: 200 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	recA, recB := &seen{by: map[string]int{}}, &seen{by: map[string]int{}}
	a := run(t, shards.Options{Token: discordfake.DefaultToken, Intents: discordgo.IntentsGuilds, Own: 0, Count: 2, TakeoverAfter: -1, Leases: open(), Attach: recA.attach})
	if err := srv.WaitShard(ctxT(t), 0); err != nil {
		t.Fatal(err)
	}
	b := run(t, shards.Options{Token: discordfake.DefaultToken, Intents: discordgo.IntentsGuilds, Own: 1, Count: 2, TakeoverAfter: 0, Leases: open(), Attach: recB.attach})
	if err := srv.WaitShard(ctxT(t), 1); err != nil {
		t.Fatal(err)
	}
	waitStatus(t, b, 0, "waiting")
	holder := "application_name = $1 AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)"
	if n := pgtest.Terminate(t, dsn, holder, "premortem shard 0/2"); n != 1 {
		t.Fatalf("terminated %d lease sessions of shard 0/2", n)
	}
	waitStatus(t, b, 0, "held")
	if err := srv.WaitShard(ctxT(t), 0); err != nil {
		t.Fatal(err)
	}
	waitStatus(t, b, 0, "connected")
	i := srv.Command(discordfake.UserMember, discordfake.ChannelOther, "help")
	if err := srv.DispatchInteraction(i); err != nil {
		t.Fatal(err)
	}
	if got := recB.wait(t, i.ID); got != 0 {
		t.Errorf("after the takeover the other guild's interaction arrived on shard %d", got)
	}
	waitStatus(t, a, 0, "waiting") // the first process stands by for its shard again
	if n := srv.Throttled(); n != 0 {
		t.Errorf("%d identifies drew an op 9", n)
	}
}

// waitStatus waits until m reports shard id with lease or gateway state.
func waitStatus(t *testing.T, m *shards.Manager, id int, state string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	var last []shards.Status
	for time.Now().Before(deadline) {
		last = m.Status()
		for _, s := range last {
			if s.ID == id && (s.Lease == state || s.Gateway == state) {
				return
			}
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("shard %d never %s: %s", id, state, fmt.Sprint(last))
}

// TestLeaseRetakenAfterPostgresRestarts: the database restarts under a
// held shard; the lease is lost, the session closed, and the shard held
// and connected again once the database is back.
func TestLeaseRetakenAfterPostgresRestarts(t *testing.T) {
	c := pgtest.NewCluster(t)
	dsn := pgtest.CreateDatabase(t, c.DSN)
	srv := fake(t)
	db, err := store.OpenPostgres(context.Background(), dsn, store.Options{IdentifyInterval: 300 * time.Millisecond,
		ReconnectDelay: 200 * time.Millisecond, LeaseCheck: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	m := run(t, shards.Options{Token: discordfake.DefaultToken, Intents: discordgo.IntentsGuilds, Own: 0, Count: 1, Leases: db})
	waitStatus(t, m, 0, "connected")
	before := srv.IdentifyLog()
	c.Restart(t)
	deadline := time.Now().Add(30 * time.Second)
	for s := m.Status(); len(s) == 0 || s[0].Lost == 0 || s[0].Gateway != "connected"; s = m.Status() {
		if time.Now().After(deadline) {
			t.Fatalf("after the restart: %+v", s)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := srv.WaitShard(ctxT(t), 0); err != nil {
		t.Fatal(err)
	}
	if after := srv.IdentifyLog(); len(after) <= len(before) {
		t.Error("the shard was not identified again after its lease came back")
	}
}

// TestDroppedShardResumesAndStaysClosedAfterStop: a dropped socket is
// resumed by the shard's own loop; one dropped as the manager stops is not
// reopened afterwards (discordgo's reconnect loop would outlive Close, and
// reopen a shard whose lease is gone).
func TestDroppedShardResumesAndStaysClosedAfterStop(t *testing.T) {
	srv := fake(t)
	db, err := store.OpenSQLite(context.Background(), ":memory:", store.Options{IdentifyInterval: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	m := shards.New(shards.Options{Token: discordfake.DefaultToken, Intents: discordgo.IntentsGuilds, Own: 1, Count: 2, Leases: db})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- m.Run(ctx) }()
	t.Cleanup(cancel)
	if err := srv.WaitReady(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	if err := srv.DropConnection(); err != nil {
		t.Fatal(err)
	}
	if err := srv.WaitResumes(ctxT(t), 1); err != nil {
		t.Fatal(err)
	}
	if err := srv.WaitReady(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	if err := srv.DropConnection(); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
	time.Sleep(2 * time.Second) // past discordgo's first retries
	if err := srv.DropConnection(); err == nil {
		t.Error("a gateway connection was open again after the manager stopped")
	}
}
