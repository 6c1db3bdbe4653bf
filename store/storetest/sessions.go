package storetest

import (
	"errors"
	"testing"
	"time"

	"github.com/premortem/premortem/store"
)

func testSessionsCAS(t *testing.T, open Opener) {
	ctx := ctxT(t)
	s, _ := open(t, store.Options{})
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return now })
	x := store.Session{ID: "s1", UserID: "u1", GuildID: "g", ChannelID: "c", State: []byte(`{"step":0}`), ExpiresAt: now.Add(time.Hour)}
	if err := s.CreateSession(ctx, x); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateSession(ctx, x); err == nil {
		t.Error("created a duplicate session")
	}
	got, err := s.GetSession(ctx, "s1")
	if err != nil || got.Version != 0 || string(got.State) != `{"step":0}` || !got.CreatedAt.Equal(now) || !got.ExpiresAt.Equal(now.Add(time.Hour)) {
		t.Fatalf("get: %+v, %v", got, err)
	}
	if ok, _ := s.PutSession(ctx, store.Session{ID: "gone"}, 0); ok {
		t.Error("updated a missing session")
	}
	if _, err := s.GetSession(ctx, "gone"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing: %v", err)
	}
}

// testSessionsAcrossHandles is a wizard started on one process, resumed on
// the other, and a double click landing on both: exactly one applies.
func testSessionsAcrossHandles(t *testing.T, open Opener) {
	ctx := ctxT(t)
	a, b := open(t, store.Options{})
	if err := a.CreateSession(ctx, store.Session{ID: "w", UserID: "u1", State: []byte(`{}`), Step: 0}); err != nil {
		t.Fatal(err)
	}
	got, err := b.GetSession(ctx, "w")
	if err != nil || got.UserID != "u1" {
		t.Fatalf("resume on the other handle: %+v, %v", got, err)
	}
	wins := passes(t, 10, a, b, func(i int, s *store.Store) (bool, error) {
		y := got
		y.Step = i + 1
		y.State = []byte(`{"answer":` + string(rune('0'+i)) + `}`)
		return s.PutSession(ctx, y, got.Version)
	})
	if wins != 1 {
		t.Fatalf("%d clicks applied, want 1", wins)
	}
	after, err := a.GetSession(ctx, "w")
	if err != nil || after.Version != 1 || after.Step < 1 || string(after.State) != `{"answer":`+string(rune('0'+after.Step-1))+`}` {
		t.Errorf("after the race: %+v, %v; want version 1 and the winner's step with its own state", after, err)
	}
}

func testSessionsListExpireDelete(t *testing.T, open Opener) {
	ctx := ctxT(t)
	s, _ := open(t, store.Options{})
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return now })
	for i, id := range []string{"a", "b", "c"} {
		now = now.Add(time.Minute)
		user := "u1"
		if id == "c" {
			user = "u2"
		}
		if err := s.CreateSession(ctx, store.Session{ID: id, UserID: user, ExpiresAt: now.Add(time.Duration(i+1) * time.Hour)}); err != nil {
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
