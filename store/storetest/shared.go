package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/premortem/premortem/store"
)

func testSeen(t *testing.T, open Opener) {
	ctx := ctxT(t)
	s, peer := open(t, store.Options{SeenTTL: time.Minute})
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return now })
	peer.SetClock(func() time.Time { return now })
	for i, want := range []bool{true, false, false} {
		h := s
		if i == 1 {
			h = peer
		}
		if first, err := h.Seen(ctx, "interaction:1"); first != want || err != nil {
			t.Fatalf("sighting %d: %v, %v; want %v", i, first, err, want)
		}
	}
	if first, _ := s.Seen(ctx, "interaction:2"); !first {
		t.Error("another ID was taken for a repeat")
	}
	now = now.Add(time.Minute)
	if first, _ := s.Seen(ctx, "interaction:1"); !first {
		t.Error("an ID past its TTL was still remembered")
	}
	now = now.Add(2 * time.Minute)
	if n, err := s.PruneSeen(ctx, now); err != nil || n != 2 {
		t.Errorf("prune: %d, %v; want 2", n, err)
	}
}

func testSeenRace(t *testing.T, open Opener) {
	ctx := ctxT(t)
	a, b := open(t, store.Options{})
	n := passes(t, 20, a, b, func(_ int, s *store.Store) (bool, error) {
		return s.Seen(ctx, "event:42")
	})
	if n != 1 {
		t.Errorf("an event seen by 20 sessions at once was handled %d times", n)
	}
}

// Watched collects what a Store.Watch reports; Want waits on it.
type Watched struct {
	mu   sync.Mutex
	got  map[string]string
	wake chan struct{}
}

// StartWatch runs s.Watch until t ends.
func StartWatch(t *testing.T, s *store.Store) *Watched {
	w := &Watched{got: map[string]string{}, wake: make(chan struct{}, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- s.Watch(ctx, func(guild, backend string) {
			w.mu.Lock()
			w.got[guild] = backend
			w.mu.Unlock()
			select {
			case w.wake <- struct{}{}:
			default:
			}
		})
	}()
	t.Cleanup(func() {
		cancel()
		if err := <-done; !errors.Is(err, context.Canceled) {
			t.Errorf("Watch ended with %v, want context.Canceled", err)
		}
	})
	return w
}

// Want waits until the watch reports backend for guild, failing t after a
// generous while.
func (w *Watched) Want(t *testing.T, guild, backend string) {
	t.Helper()
	deadline := time.After(patience)
	for {
		w.mu.Lock()
		got := w.got[guild]
		w.mu.Unlock()
		if got == backend {
			return
		}
		select {
		case <-w.wake:
		case <-deadline:
			t.Fatalf("guild %s: watch reports %q, want %q", guild, got, backend)
		}
	}
}

func testWatch(t *testing.T, open Opener) {
	ctx := ctxT(t)
	a, b := open(t, store.Options{})
	if _, err := a.SetGuildModel(ctx, store.ModelChoice{GuildID: "g1", Backend: "local", ChangedBy: "u"}); err != nil {
		t.Fatal(err)
	}
	w := StartWatch(t, b)
	w.Want(t, "g1", "local") // made before the watch: read on subscribing
	for _, c := range []store.ModelChoice{{GuildID: "g2", Backend: "hosted"}, {GuildID: "g1", Backend: "builtin"}} {
		c.ChangedBy = "u"
		if _, err := a.SetGuildModel(ctx, c); err != nil {
			t.Fatal(err)
		}
		w.Want(t, c.GuildID, c.Backend)
	}
}

func testLeases(t *testing.T, open Opener) {
	ctx := ctxT(t)
	a, b := open(t, store.Options{})
	if _, err := a.AcquireShard(ctx, 2, 2); err == nil {
		t.Error("acquired shard 2 of 2")
	}
	first, err := a.AcquireShard(ctx, 0, 2)
	if err != nil || !first.Held() || first.Name() != "shard 0/2" {
		t.Fatalf("first holder: %v, %v", first, err)
	}
	other, err := b.AcquireShard(ctx, 1, 2)
	if err != nil {
		t.Fatalf("shard 1/2 while 0/2 is held: %v", err)
	}
	other.Release()

	second := make(chan *store.Lease, 1)
	go func() {
		l, err := b.AcquireShard(ctx, 0, 2)
		if err != nil {
			t.Error(err)
		}
		second <- l
	}()
	select {
	case <-second:
		t.Fatal("two holders of shard 0/2")
	case <-time.After(300 * time.Millisecond):
	}
	first.Release()
	<-first.Lost()
	if !errors.Is(first.Err(), store.ErrReleased) || first.Held() {
		t.Errorf("released lease: held %v, err %v", first.Held(), first.Err())
	}
	select {
	case l := <-second:
		if l == nil || !l.Held() {
			t.Fatalf("the waiter did not take over: %v", l)
		}
		l.Release()
	case <-time.After(patience):
		t.Fatal("the waiter never took shard 0/2 over")
	}
}

func testLeaseWaitCancelled(t *testing.T, open Opener) {
	ctx := ctxT(t)
	a, b := open(t, store.Options{})
	held, err := a.Lock(ctx, "commands")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Release()
	wctx, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if l, err := b.Lock(wctx, "commands"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting on a held lease until ctx ended: %v, %v", l, err)
	}
}

// testIdentify starts six shards at once with max_concurrency 2 over two
// handles: in each bucket the granted slots are at least the interval
// apart, by the database's clock.
func testIdentify(t *testing.T, open Opener) {
	ctx := ctxT(t)
	const gap = 100 * time.Millisecond
	a, b := open(t, store.Options{IdentifyInterval: gap})
	var mu sync.Mutex
	grants := map[int][]time.Time{}
	together(6, a, b, func(shard int, s *store.Store) {
		at, err := s.WaitIdentify(ctx, shard, 2)
		if err != nil {
			t.Error(err)
			return
		}
		mu.Lock()
		grants[shard%2] = append(grants[shard%2], at)
		mu.Unlock()
	})
	for bucket, ts := range grants {
		slices.SortFunc(ts, time.Time.Compare)
		if len(ts) != 3 {
			t.Errorf("bucket %d: %d grants, want 3", bucket, len(ts))
		}
		for i := 1; i < len(ts); i++ {
			if d := ts[i].Sub(ts[i-1]); d < gap {
				t.Errorf("bucket %d: identifies %v apart, want at least %v (%s)", bucket, d, gap, fmt.Sprint(ts))
			}
		}
	}
}

func testCloseEnds(t *testing.T, open Opener) {
	ctx := ctxT(t)
	s, _ := open(t, store.Options{})
	l, err := s.Lock(ctx, "commands")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Watch(context.Background(), func(string, string) {}) }()
	s.Close()
	select {
	case <-l.Lost():
	case <-time.After(patience):
		t.Fatal("Close left a lease held")
	}
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Watch after Close: %v", err)
		}
	case <-time.After(patience):
		t.Fatal("Close left a Watch running")
	}
	if err := s.Close(); err != nil {
		t.Errorf("closing twice: %v", err)
	}
}
