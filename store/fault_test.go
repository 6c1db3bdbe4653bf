package store_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/premortem/premortem/store"
	"github.com/premortem/premortem/store/pgtest"
	"github.com/premortem/premortem/store/storetest"
)

// patience bounds waits for what must happen; reaching it is a failure.
const patience = 30 * time.Second

// eventually polls cond until it holds, failing t after patience.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("never: %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestPostgresLostNotifyConnection(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	opts := store.Options{ReconnectDelay: 300 * time.Millisecond}
	a, b := openPostgresAt(t, dsn, opts), openPostgresAt(t, dsn, opts)
	if _, err := a.SetGuildModel(ctx, store.ModelChoice{GuildID: "g1", Backend: "local", ChangedBy: "u"}); err != nil {
		t.Fatal(err)
	}
	w := storetest.StartWatch(t, b)
	w.Want(t, "g1", "local")
	const listener = `application_name = 'premortem watch'`
	eventually(t, "the listener connected", func() bool { return pgtest.Count(t, dsn, listener) == 1 })
	if n := pgtest.Terminate(t, dsn, listener); n != 1 {
		t.Fatalf("terminated %d listeners, want 1", n)
	}
	// Switched while nobody listens: only the reread on reconnect sees it.
	if _, err := a.SetGuildModel(ctx, store.ModelChoice{GuildID: "g1", Backend: "hosted", ChangedBy: "u"}); err != nil {
		t.Fatal(err)
	}
	w.Want(t, "g1", "hosted")
	eventually(t, "the listener re-subscribed", func() bool { return pgtest.Count(t, dsn, listener) == 1 })
	if _, err := a.SetGuildModel(ctx, store.ModelChoice{GuildID: "g2", Backend: "local", ChangedBy: "u"}); err != nil {
		t.Fatal(err)
	}
	w.Want(t, "g2", "local")
}

// TestPostgresSecondProcessForOneShard: the holder's session dies (as when
// the server cuts it); its lease reports the loss and the waiting second
// process takes the shard over.
func TestPostgresSecondProcessForOneShard(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DSN(t)
	opts := store.Options{LeaseCheck: 200 * time.Millisecond}
	a, b := openPostgresAt(t, dsn, opts), openPostgresAt(t, dsn, opts)
	first, err := a.AcquireShard(ctx, 0, 2)
	if err != nil {
		t.Fatal(err)
	}
	second := waitShard(t, dsn, b, 0, 2)
	pgtest.Terminate(t, dsn, `application_name = 'premortem shard 0/2' AND wait_event_type IS DISTINCT FROM 'Lock'`)
	select {
	case <-first.Lost():
		if err := first.Err(); err == nil || errors.Is(err, store.ErrReleased) {
			t.Errorf("lost lease's Err = %v", err)
		}
	case <-time.After(patience):
		t.Fatal("the holder never noticed its connection died")
	}
	if l := <-second; l == nil || !l.Held() {
		t.Fatal("the second process did not take over")
	}
}

// waitShard starts s acquiring shard id/count and returns the channel its
// lease will come on once the server shows that wait on the lock.
func waitShard(t *testing.T, dsn string, s *store.Store, id, count int) chan *store.Lease {
	ch := make(chan *store.Lease, 1)
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	t.Cleanup(cancel)
	go func() {
		l, err := s.AcquireShard(ctx, id, count)
		if err != nil {
			t.Errorf("acquire shard %d/%d: %v", id, count, err)
		}
		ch <- l
	}()
	waiting := fmt.Sprintf(`application_name = 'premortem shard %d/%d' AND wait_event_type = 'Lock'`, id, count)
	eventually(t, "the second process waits on the lock", func() bool { return pgtest.Count(t, dsn, waiting) == 1 })
	return ch
}

// envHolder makes the test binary a lease-holding process for
// TestPostgresKilledHolder.
const envHolder = "PREMORTEM_TEST_LEASE_HOLDER_DSN"

func TestLeaseHolderProcess(t *testing.T) {
	dsn := os.Getenv(envHolder)
	if dsn == "" {
		t.Skip("the helper process of TestPostgresKilledHolder")
	}
	s, err := store.OpenPostgres(context.Background(), dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AcquireShard(context.Background(), 0, 2); err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("held\n")
	time.Sleep(patience) // until killed
	t.Fatal("not killed")
}

// TestPostgresKilledHolder kills a real process holding shard 0/2 with
// SIGKILL; the waiting one takes the shard over.
func TestPostgresKilledHolder(t *testing.T) {
	dsn := pgtest.DSN(t)
	b := openPostgresAt(t, dsn, store.Options{})
	cmd := exec.Command(os.Args[0], "-test.run=^TestLeaseHolderProcess$")
	cmd.Env = append(os.Environ(), envHolder+"="+dsn)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := bufio.NewScanner(out)
	for lines.Scan() && lines.Text() != "held" {
	}
	second := waitShard(t, dsn, b, 0, 2)
	killed := time.Now()
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	l := <-second
	if l == nil || !l.Held() {
		t.Fatal("the second process did not take over")
	}
	t.Logf("shard 0/2 held again %v after SIGKILL of its holder", time.Since(killed).Round(time.Millisecond))
}
