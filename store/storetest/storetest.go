// Package storetest is the contract every storage engine keeps, as one
// conformance suite (in the manner of testing/fstest): the store's own
// tests run it against SQLite and against a real PostgreSQL.
//
// Where the contract is about several processes (quotas, wizard clicks,
// model switches, dedupe, leases, identify slots), the suite works through
// two handles on one database, as two processes would. An engine that
// serves one process (SQLite) hands the suite the same handle twice.
package storetest

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/premortem/premortem/store"
)

// Opener returns two handles on one new, empty database, opened with opts,
// closed when t ends. An engine for one process returns one handle twice.
type Opener func(t *testing.T, opts store.Options) (a, b *store.Store)

// Run runs the whole suite against the engine open makes.
func Run(t *testing.T, open Opener) {
	for _, tc := range []struct {
		name string
		test func(*testing.T, Opener)
	}{
		{"GuildModel", testGuildModel},
		{"Feedback", testFeedback},
		{"TakeDaily", testTakeDaily},
		{"TakeDailyRace", testTakeDailyRace},
		{"TakeRate", testTakeRate},
		{"TakeRateRace", testTakeRateRace},
		{"SessionsCompareAndSwap", testSessionsCAS},
		{"SessionsAcrossHandles", testSessionsAcrossHandles},
		{"SessionsListExpireDelete", testSessionsListExpireDelete},
		{"DeleteUser", testDeleteUser},
		{"Seen", testSeen},
		{"SeenRace", testSeenRace},
		{"Watch", testWatch},
		{"Leases", testLeases},
		{"LeaseWaitCancelled", testLeaseWaitCancelled},
		{"Identify", testIdentify},
		{"CloseEnds", testCloseEnds},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.test(t, open) })
	}
}

// patience bounds every wait for something that must happen; reaching it
// is a failure, never a measurement.
const patience = 20 * time.Second

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), patience)
	t.Cleanup(cancel)
	return ctx
}

// together runs f(i, handle) n times at once, alternating the handles, and
// waits for all of them.
func together(n int, a, b *store.Store, f func(i int, s *store.Store)) {
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		s := a
		if i%2 == 1 {
			s = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			f(i, s)
		}()
	}
	close(start)
	wg.Wait()
}

// passes runs f n times at once over the two handles, as together does,
// and counts the calls that report true; an error fails t.
func passes(t *testing.T, n int, a, b *store.Store, f func(i int, s *store.Store) (bool, error)) int {
	var got atomic.Int64
	together(n, a, b, func(i int, s *store.Store) {
		ok, err := f(i, s)
		if err != nil {
			t.Error(err)
		}
		if ok {
			got.Add(1)
		}
	})
	return int(got.Load())
}
