package bot

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/internal/discordfake"
	"github.com/premortem/premortem/store"
)

// BenchmarkAck200InFlight dispatches 200 /ask interactions from 200 users
// at once while the model holds every answer, so all 200 are in flight,
// and reports the acknowledgement latency the fake measured (dispatch to
// callback) and the heap in use at the peak: with the state in SQLite (one
// process), and in PostgreSQL as processes sharing it run (each event
// checked as first seen before its acknowledgement, the user's shared
// rate charged right after it).
func BenchmarkAck200InFlight(b *testing.B) {
	for _, engine := range []struct {
		name     string
		postgres bool
	}{{"sqlite", false}, {"postgres", true}} {
		b.Run(engine.name, func(b *testing.B) { benchAck(b, setup{postgres: engine.postgres}) })
	}
}

func benchAck(b *testing.B, su setup) {
	const inFlight = 200
	h := start(b, su, func(c *config.Discord, _ *discordfake.Options) {
		c.UserDailyCap, c.GuildDailyCap = 0, 0
		c.MaxConcurrent = 16
	})
	h.useModel(b, "local")
	var lat []time.Duration
	var peak uint64
	seen := 0
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		h.model.block = make(chan struct{})
		// Build the interactions first: the fake's bookkeeping shares one
		// lock with its REST handlers and must not slow the acks it times.
		is := make([]*discordgo.Interaction, inFlight)
		for u := range is {
			is[u] = h.srv.Command(fmt.Sprintf("7%017d", n*inFlight+u), discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", stabilityQuestion))
		}
		var wg sync.WaitGroup
		var failed atomic.Int32
		for _, i := range is {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := h.srv.DispatchInteraction(i); err != nil {
					failed.Add(1)
				}
			}()
		}
		wg.Wait()
		if failed.Load() > 0 {
			b.Fatalf("%d dispatches failed", failed.Load())
		}
		if err := h.srv.WaitAcks(ctxT(b), seen+inFlight); err != nil {
			b.Fatal(err)
		}
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
		acks := h.srv.Acks()
		for _, a := range acks[seen:] {
			if a.Status != 204 {
				b.Fatalf("ack status %d", a.Status)
			}
			lat = append(lat, a.Latency)
		}
		seen = len(acks)
		close(h.model.block)
		for !h.bot.jobs.Idle() {
			time.Sleep(10 * time.Millisecond)
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	q := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(q(0.5), "ack-p50-ms")
	b.ReportMetric(q(0.99), "ack-p99-ms")
	b.ReportMetric(q(1), "ack-max-ms")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	// The bot's own share: from the event handler to the callback's reply.
	mfs, _ := h.bot.metrics.Registry().Gather()
	for _, mf := range mfs {
		if mf.GetName() == "premortem_ack_seconds" {
			hist := mf.GetMetric()[0].GetHistogram()
			b.ReportMetric(hist.GetSampleSum()/float64(hist.GetSampleCount())*1000, "bot-ack-mean-ms")
		}
	}
}

// nopAPI answers every Discord call at once, to time the router alone.
type nopAPI struct{ discordAPI }

func (nopAPI) InteractionRespond(*discordgo.Interaction, *discordgo.InteractionResponse, ...discordgo.RequestOption) error {
	return nil
}

func (nopAPI) InteractionResponseEdit(*discordgo.Interaction, *discordgo.WebhookEdit, ...discordgo.RequestOption) (*discordgo.Message, error) {
	return &discordgo.Message{}, nil
}

// BenchmarkDispatchAck times the bot's own part of an acknowledgement
// (event to deferral sent, without the network) with 200 /ask in flight,
// with SQLite and with PostgreSQL (where the shared "seen" check runs
// before it).
func BenchmarkDispatchAck(b *testing.B) {
	for _, engine := range []struct {
		name     string
		postgres bool
	}{{"sqlite", false}, {"postgres", true}} {
		b.Run(engine.name, func(b *testing.B) {
			su := setup{postgres: engine.postgres}
			db := openStore(b, &su)
			b.Cleanup(func() { db.Close() })
			benchDispatch(b, db)
		})
	}
}

func benchDispatch(b *testing.B, db *store.Store) {
	const inFlight = 200
	cfg := config.Default().Discord
	cfg.UserDailyCap, cfg.GuildDailyCap = 0, 0
	model := &streamModel{block: make(chan struct{})}
	adv := newAdvisor(b, model)
	bot, err := New(Options{Config: cfg, Asker: adv, Backends: adv.Backends(), KB: adv.KB(), Store: db, Logger: testLogger(b)})
	if err != nil {
		b.Fatal(err)
	}
	bot.api = nopAPI{}
	if _, err := db.SetGuildModel(context.Background(), store.ModelChoice{GuildID: "g", Backend: "local", ChangedBy: "a"}); err != nil {
		b.Fatal(err)
	}
	var lat []time.Duration
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		model.block = make(chan struct{})
		durs := make([]time.Duration, inFlight)
		var wg sync.WaitGroup
		for u := range inFlight {
			i := &discordgo.Interaction{ID: fmt.Sprint(n, "-", u), Type: discordgo.InteractionApplicationCommand, GuildID: "g", ChannelID: "c",
				Token: fmt.Sprint("t", u), Member: &discordgo.Member{User: &discordgo.User{ID: fmt.Sprint("u", n, "-", u)}},
				Data: discordgo.ApplicationCommandInteractionData{Name: "ask", Options: []*discordgo.ApplicationCommandInteractionDataOption{
					discordfake.StringOption("question", stabilityQuestion)}}}
			wg.Add(1)
			go func() {
				defer wg.Done()
				start := time.Now()
				bot.dispatchInteraction(i, nil)
				durs[u] = time.Since(start)
			}()
		}
		wg.Wait()
		lat = append(lat, durs...)
		close(model.block)
		for !bot.jobs.Idle() {
			time.Sleep(5 * time.Millisecond)
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	q := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000 }
	b.ReportMetric(q(0.5), "ack-p50-ms")
	b.ReportMetric(q(0.99), "ack-p99-ms")
}
