package store

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func openTemp(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "premortem.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

func TestOpenMigratesOnceAndReopens(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	var v int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil || v != SchemaVersion() {
		t.Fatalf("user_version %d, %v; want %d", v, err, SchemaVersion())
	}
	var mode string
	if err := s.db.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode %q, %v; want wal", mode, err)
	}
	if _, err := s.SetGuildModel(ctx, ModelChoice{GuildID: "g", Backend: "local", ChangedBy: "u"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	if c, err := s2.GuildModel(ctx, "g"); err != nil || c.Backend != "local" {
		t.Errorf("after reopen: %+v, %v", c, err)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	s, path := openTemp(t)
	if _, err := s.db.ExecContext(ctx, `PRAGMA user_version = 99`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, path); err == nil {
		t.Fatal("opened a database from the future")
	}
}

func TestOpenBadPath(t *testing.T) {
	for name, dsn := range map[string]string{
		"empty":     "",
		"no folder": filepath.Join(t.TempDir(), "missing", "x.db"),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Open(context.Background(), dsn); err == nil {
				t.Errorf("Open(%q) succeeded", dsn)
			}
		})
	}
}

func TestMemory(t *testing.T) {
	s, err := Open(context.Background(), ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Ping(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestGuildModel(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	if _, err := s.GuildModel(ctx, "g1"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unset guild: %v", err)
	}
	prev, err := s.SetGuildModel(ctx, ModelChoice{GuildID: "g1", Backend: "hosted", ChangedBy: "admin1", ChangedAt: at})
	if err != nil || prev != "" {
		t.Fatalf("first set: %q, %v", prev, err)
	}
	prev, err = s.SetGuildModel(ctx, ModelChoice{GuildID: "g1", Backend: "local", ChangedBy: "admin2", ChangedAt: at.Add(time.Hour)})
	if err != nil || prev != "hosted" {
		t.Fatalf("second set: %q, %v", prev, err)
	}
	got, err := s.GuildModel(ctx, "g1")
	want := ModelChoice{GuildID: "g1", Backend: "local", ChangedBy: "admin2", ChangedAt: at.Add(time.Hour)}
	if err != nil || !cmp.Equal(got, want) {
		t.Errorf("got %+v, %v; want %+v", got, err, want)
	}
}

func TestFeedbackOneRowPerUserAndMessage(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	steps := []struct {
		name        string
		user        string
		vote        int
		wantChanged bool
		up, down    int
	}{
		{"first up", "u1", 1, true, 1, 0},
		{"double click", "u1", 1, false, 1, 0},
		{"change mind", "u1", -1, true, 0, 1},
		{"another user", "u2", 1, true, 1, 1},
	}
	for _, st := range steps {
		changed, err := s.AddFeedback(ctx, Feedback{MessageID: "m1", UserID: st.user, GuildID: "g", Vote: st.vote})
		if err != nil || changed != st.wantChanged {
			t.Fatalf("%s: changed %v, %v", st.name, changed, err)
		}
		up, down, err := s.FeedbackTally(ctx, "m1")
		if err != nil || up != st.up || down != st.down {
			t.Fatalf("%s: tally %d/%d, %v; want %d/%d", st.name, up, down, err, st.up, st.down)
		}
	}
	if _, err := s.AddFeedback(ctx, Feedback{MessageID: "m1", UserID: "u3", Vote: 5}); err == nil {
		t.Error("vote 5 accepted")
	}
}

func TestTakeDaily(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	caps := func(user string) []Cap {
		return []Cap{{Kind: UsageUser, ID: user, Limit: 2}, {Kind: UsageGuild, ID: "g", Limit: 3}}
	}
	for i, tc := range []struct {
		user string
		ok   bool
		hit  string
	}{
		{"u1", true, ""}, {"u1", true, ""}, {"u1", false, UsageUser}, {"u2", true, ""}, {"u2", false, UsageGuild},
	} {
		hit, ok, err := s.TakeDaily(ctx, "2026-03-01", caps(tc.user)...)
		if err != nil || ok != tc.ok || hit.Kind != tc.hit {
			t.Fatalf("take %d (%s): hit %+v ok %v err %v", i, tc.user, hit, ok, err)
		}
	}
	if n, _ := s.Usage(ctx, UsageGuild, "g", "2026-03-01"); n != 3 {
		t.Errorf("guild count %d, want 3 (refusals count nothing)", n)
	}
	if _, ok, _ := s.TakeDaily(ctx, "2026-03-02", caps("u1")...); !ok {
		t.Error("a new day did not reset the caps")
	}
	if _, ok, _ := s.TakeDaily(ctx, "2026-03-02", Cap{Kind: UsageUser, ID: "u9", Limit: 0}); !ok {
		t.Error("limit 0 is unlimited")
	}
	if n, err := s.PruneUsage(ctx, "2026-03-02"); err != nil || n != 3 {
		t.Errorf("prune: %d, %v", n, err)
	}
	if got := Day(time.Date(2026, 3, 1, 23, 0, 0, 0, time.FixedZone("x", -3600))); got != "2026-03-02" {
		t.Errorf("Day is not UTC: %s", got)
	}
}

func TestSessionsCompareAndSwap(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return now })
	x := Session{ID: "s1", UserID: "u1", GuildID: "g", ChannelID: "c", State: []byte(`{"step":0}`), ExpiresAt: now.Add(time.Hour)}
	if err := s.CreateSession(ctx, x); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(ctx, x); err == nil {
		t.Error("created a duplicate session")
	}
	got, err := s.GetSession(ctx, "s1")
	if err != nil || got.Version != 0 || string(got.State) != `{"step":0}` || !got.CreatedAt.Equal(now) {
		t.Fatalf("get: %+v, %v", got, err)
	}
	// Two clicks race from version 0: exactly one wins.
	var wg sync.WaitGroup
	wins := make(chan bool, 10)
	for i := range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			y := got
			y.Step = i + 1
			ok, err := s.PutSession(ctx, y, 0)
			if err != nil {
				t.Error(err)
			}
			wins <- ok
		}()
	}
	wg.Wait()
	close(wins)
	n := 0
	for ok := range wins {
		if ok {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d writers won, want 1", n)
	}
	got, _ = s.GetSession(ctx, "s1")
	if got.Version != 1 {
		t.Errorf("version %d, want 1", got.Version)
	}
	if ok, _ := s.PutSession(ctx, Session{ID: "gone"}, 0); ok {
		t.Error("updated a missing session")
	}
	if _, err := s.GetSession(ctx, "gone"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing: %v", err)
	}
}

func TestSessionsListExpireDelete(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return now })
	for i, id := range []string{"a", "b", "c"} {
		now = now.Add(time.Minute)
		user := "u1"
		if id == "c" {
			user = "u2"
		}
		if err := s.CreateSession(ctx, Session{ID: id, UserID: user, ExpiresAt: now.Add(time.Duration(i+1) * time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.ListSessionsByUser(ctx, "u1")
	if err != nil || len(list) != 2 || list[0].ID != "b" {
		t.Fatalf("list: %+v, %v", list, err)
	}
	n, err := s.ExpireSessionsBefore(ctx, now.Add(90*time.Minute))
	if err != nil || n != 1 {
		t.Fatalf("expire: %d, %v", n, err)
	}
	if err := s.DeleteSession(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSession(ctx, "b"); err != nil {
		t.Errorf("deleting twice: %v", err)
	}
	if list, _ := s.ListSessionsByUser(ctx, "u1"); len(list) != 0 {
		t.Errorf("left %+v", list)
	}
}

func TestDeleteUser(t *testing.T) {
	ctx := context.Background()
	s, _ := openTemp(t)
	s.CreateSession(ctx, Session{ID: "s1", UserID: "u1"})
	s.CreateSession(ctx, Session{ID: "s2", UserID: "u2"})
	s.AddFeedback(ctx, Feedback{MessageID: "m", UserID: "u1", Vote: 1})
	s.AddFeedback(ctx, Feedback{MessageID: "m", UserID: "u2", Vote: 1})
	s.TakeDaily(ctx, "d", Cap{Kind: UsageUser, ID: "u1", Limit: 5}, Cap{Kind: UsageGuild, ID: "u1", Limit: 5})
	n, err := s.DeleteUser(ctx, "u1")
	if err != nil || n != 3 {
		t.Fatalf("deleted %d, %v; want 3", n, err)
	}
	if _, err := s.GetSession(ctx, "s2"); err != nil {
		t.Errorf("other user's session: %v", err)
	}
	if up, _, _ := s.FeedbackTally(ctx, "m"); up != 1 {
		t.Errorf("tally %d, want the other user's vote", up)
	}
	if n, _ := s.Usage(ctx, UsageGuild, "u1", "d"); n != 1 {
		t.Error("a guild counter with the same ID was deleted")
	}
}
