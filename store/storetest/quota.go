package storetest

import (
	"testing"
	"time"

	"github.com/premortem/premortem/store"
)

func testTakeDaily(t *testing.T, open Opener) {
	ctx := ctxT(t)
	s, _ := open(t, store.Options{})
	caps := func(user string) []store.Cap {
		return []store.Cap{{Kind: store.UsageUser, ID: user, Limit: 2}, {Kind: store.UsageGuild, ID: "g", Limit: 3}}
	}
	for i, tc := range []struct {
		user string
		ok   bool
		hit  string
	}{
		{"u1", true, ""}, {"u1", true, ""}, {"u1", false, store.UsageUser}, {"u2", true, ""}, {"u2", false, store.UsageGuild},
	} {
		hit, ok, err := s.TakeDaily(ctx, "2026-03-01", caps(tc.user)...)
		if err != nil || ok != tc.ok || hit.Kind != tc.hit {
			t.Fatalf("take %d (%s): hit %+v ok %v err %v", i, tc.user, hit, ok, err)
		}
	}
	if n, _ := s.Usage(ctx, store.UsageGuild, "g", "2026-03-01"); n != 3 {
		t.Errorf("guild count %d, want 3 (refusals count nothing)", n)
	}
	if n, _ := s.Usage(ctx, store.UsageUser, "u2", "2026-03-01"); n != 1 {
		t.Errorf("u2 count %d, want 1: the guild's refusal rolled back the user's count", n)
	}
	if _, ok, _ := s.TakeDaily(ctx, "2026-03-02", caps("u1")...); !ok {
		t.Error("a new day did not reset the caps")
	}
	if _, ok, _ := s.TakeDaily(ctx, "2026-03-02", store.Cap{Kind: store.UsageUser, ID: "u9", Limit: 0}); !ok {
		t.Error("limit 0 is unlimited")
	}
	if n, err := s.PruneUsage(ctx, "2026-03-02"); err != nil || n != 3 {
		t.Errorf("prune: %d, %v", n, err)
	}
	if got := store.Day(time.Date(2026, 3, 1, 23, 0, 0, 0, time.FixedZone("x", -3600))); got != "2026-03-02" {
		t.Errorf("Day is not UTC: %s", got)
	}
}

// testTakeDailyRace is twenty simultaneous questions from one user over
// two processes: exactly the cap pass, and the user's and the guild's
// counters agree (nothing half-counted).
func testTakeDailyRace(t *testing.T, open Opener) {
	ctx := ctxT(t)
	a, b := open(t, store.Options{})
	const n, limit = 20, 7
	got := passes(t, n, a, b, func(_ int, s *store.Store) (bool, error) {
		_, ok, err := s.TakeDaily(ctx, "2026-03-01",
			store.Cap{Kind: store.UsageUser, ID: "u1", Limit: limit}, store.Cap{Kind: store.UsageGuild, ID: "g1", Limit: 100})
		return ok, err
	})
	if got != limit {
		t.Errorf("%d of %d questions passed a cap of %d", got, n, limit)
	}
	u, _ := a.Usage(ctx, store.UsageUser, "u1", "2026-03-01")
	g, _ := b.Usage(ctx, store.UsageGuild, "g1", "2026-03-01")
	if u != limit || g != limit {
		t.Errorf("counters user %d, guild %d; want both %d", u, g, limit)
	}
}

func testTakeRate(t *testing.T, open Opener) {
	ctx := ctxT(t)
	s, _ := open(t, store.Options{})
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return now })
	r := store.Rate{Kind: store.UsageUser, ID: "u1", PerMinute: 6, Burst: 3} // a token every 10 s
	for i := range 3 {
		if ok, _, err := s.TakeRate(ctx, r); !ok || err != nil {
			t.Fatalf("take %d of the burst: %v, %v", i, ok, err)
		}
	}
	ok, wait, err := s.TakeRate(ctx, r)
	if ok || err != nil || wait != 10*time.Second {
		t.Fatalf("past the burst: ok %v, wait %v, %v; want refused for 10s", ok, wait, err)
	}
	now = now.Add(4 * time.Second)
	if ok, wait, _ := s.TakeRate(ctx, r); ok || wait != 6*time.Second {
		t.Fatalf("4s later: ok %v, wait %v; want refused for 6s", ok, wait)
	}
	now = now.Add(6 * time.Second)
	if ok, _, _ := s.TakeRate(ctx, r); !ok {
		t.Fatal("a token refilled after 10s was refused")
	}
	now = now.Add(time.Hour)
	for i := range 3 {
		if ok, _, _ := s.TakeRate(ctx, r); !ok {
			t.Fatalf("after an hour, take %d: refused; the bucket refills to its burst", i)
		}
	}
	if ok, _, _ := s.TakeRate(ctx, r); ok {
		t.Error("the bucket refilled past its burst")
	}
	if ok, _, _ := s.TakeRate(ctx, store.Rate{Kind: store.UsageUser, ID: "u2"}); !ok {
		t.Error("a zero rate refuses nothing")
	}
}

func testTakeRateRace(t *testing.T, open Opener) {
	ctx := ctxT(t)
	a, b := open(t, store.Options{})
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	a.SetClock(func() time.Time { return now })
	b.SetClock(func() time.Time { return now })
	r := store.Rate{Kind: store.UsageUser, ID: "u1", PerMinute: 1, Burst: 4}
	got := passes(t, 20, a, b, func(_ int, s *store.Store) (bool, error) {
		ok, _, err := s.TakeRate(ctx, r)
		return ok, err
	})
	if got != r.Burst {
		t.Errorf("%d of 20 simultaneous requests passed a burst of %d", got, r.Burst)
	}
}
