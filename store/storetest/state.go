package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/premortem/premortem/store"
)

func testGuildModel(t *testing.T, open Opener) {
	ctx := ctxT(t)
	s, peer := open(t, store.Options{})
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	if _, err := s.GuildModel(ctx, "g1"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("unset guild: %v", err)
	}
	prev, err := s.SetGuildModel(ctx, store.ModelChoice{GuildID: "g1", Backend: "hosted", ChangedBy: "admin1", ChangedAt: at})
	if err != nil || prev != "" {
		t.Fatalf("first set: %q, %v", prev, err)
	}
	prev, err = peer.SetGuildModel(ctx, store.ModelChoice{GuildID: "g1", Backend: "local", ChangedBy: "admin2", ChangedAt: at.Add(time.Hour)})
	if err != nil || prev != "hosted" {
		t.Fatalf("second set, by the other handle: %q, %v", prev, err)
	}
	got, err := s.GuildModel(ctx, "g1")
	want := store.ModelChoice{GuildID: "g1", Backend: "local", ChangedBy: "admin2", ChangedAt: at.Add(time.Hour)}
	if err != nil || !cmp.Equal(got, want) {
		t.Errorf("got %+v, %v; want %+v", got, err, want)
	}
}

func testFeedback(t *testing.T, open Opener) {
	ctx := ctxT(t)
	s, peer := open(t, store.Options{})
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
	for i, st := range steps {
		h := s
		if i%2 == 1 {
			h = peer
		}
		changed, err := h.AddFeedback(ctx, store.Feedback{MessageID: "m1", UserID: st.user, GuildID: "g", Vote: st.vote})
		if err != nil || changed != st.wantChanged {
			t.Fatalf("%s: changed %v, %v", st.name, changed, err)
		}
		up, down, err := s.FeedbackTally(ctx, "m1")
		if err != nil || up != st.up || down != st.down {
			t.Fatalf("%s: tally %d/%d, %v; want %d/%d", st.name, up, down, err, st.up, st.down)
		}
	}
	if _, err := s.AddFeedback(ctx, store.Feedback{MessageID: "m1", UserID: "u3", Vote: 5}); err == nil {
		t.Error("vote 5 accepted")
	}
}

func testDeleteUser(t *testing.T, open Opener) {
	ctx := ctxT(t)
	s, _ := open(t, store.Options{})
	s.CreateSession(ctx, store.Session{ID: "s1", UserID: "u1"})
	s.CreateSession(ctx, store.Session{ID: "s2", UserID: "u2"})
	s.AddFeedback(ctx, store.Feedback{MessageID: "m", UserID: "u1", Vote: 1})
	s.AddFeedback(ctx, store.Feedback{MessageID: "m", UserID: "u2", Vote: 1})
	s.TakeDaily(ctx, "d", store.Cap{Kind: store.UsageUser, ID: "u1", Limit: 5}, store.Cap{Kind: store.UsageGuild, ID: "u1", Limit: 5})
	s.TakeRate(ctx, store.Rate{Kind: store.UsageUser, ID: "u1", PerMinute: 6, Burst: 3})
	n, err := s.DeleteUser(ctx, "u1")
	if err != nil || n != 4 {
		t.Fatalf("deleted %d, %v; want 4 (session, vote, counter, rate bucket)", n, err)
	}
	if _, err := s.GetSession(ctx, "s2"); err != nil {
		t.Errorf("other user's session: %v", err)
	}
	if up, _, _ := s.FeedbackTally(ctx, "m"); up != 1 {
		t.Errorf("tally %d, want the other user's vote", up)
	}
	if n, _ := s.Usage(ctx, store.UsageGuild, "u1", "d"); n != 1 {
		t.Error("a guild counter with the same ID was deleted")
	}
}
