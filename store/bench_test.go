package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/premortem/premortem/store"
	"github.com/premortem/premortem/store/pgtest"
)

// benchEngines opens each engine once per benchmark.
func benchEngines(b *testing.B, run func(b *testing.B, s *store.Store)) {
	b.Run("sqlite", func(b *testing.B) {
		run(b, openSQLiteAt(b, filepath.Join(b.TempDir(), "bench.db"), store.Options{}))
	})
	b.Run("postgres", func(b *testing.B) {
		run(b, openPostgresAt(b, pgtest.DSN(b), store.Options{}))
	})
}

// BenchmarkTakeDaily is the quota check of every question: the user's and
// the guild's daily caps, one conditional upsert each, in one transaction.
func BenchmarkTakeDaily(b *testing.B) {
	benchEngines(b, func(b *testing.B, s *store.Store) {
		ctx := context.Background()
		b.Run("one-user", func(b *testing.B) {
			for b.Loop() {
				if _, _, err := s.TakeDaily(ctx, "2026-03-01", loadCaps...); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("parallel-users", func(b *testing.B) {
			var n atomic.Int64
			b.RunParallel(func(pb *testing.PB) {
				user := fmt.Sprint("u", n.Add(1))
				caps := []store.Cap{{Kind: store.UsageUser, ID: user, Limit: 1 << 30}, {Kind: store.UsageGuild, ID: "g1", Limit: 1 << 30}}
				for pb.Next() {
					if _, _, err := s.TakeDaily(ctx, "2026-03-01", caps...); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	})
}

// BenchmarkTakeRate is the per-user token bucket, one conditional upsert.
func BenchmarkTakeRate(b *testing.B) {
	benchEngines(b, func(b *testing.B, s *store.Store) {
		ctx := context.Background()
		r := store.Rate{Kind: store.UsageUser, ID: "u1", PerMinute: 1e9, Burst: 1 << 30}
		for b.Loop() {
			if _, _, err := s.TakeRate(ctx, r); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkSeen is the dedupe of one event.
func BenchmarkSeen(b *testing.B) {
	benchEngines(b, func(b *testing.B, s *store.Store) {
		ctx := context.Background()
		var n int
		for b.Loop() {
			n++
			if _, err := s.Seen(ctx, fmt.Sprint("event:", n)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
