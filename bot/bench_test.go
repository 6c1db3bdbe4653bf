package bot

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/internal/discordfake"
)

// BenchmarkAck200InFlight dispatches 200 /ask interactions from 200 users
// at once while the model holds every answer, so all 200 are in flight,
// and reports the acknowledgement latency the fake measured (dispatch to
// callback) and the heap in use at the peak.
func BenchmarkAck200InFlight(b *testing.B) {
	const inFlight = 200
	h := startBot(b, func(c *config.Discord, _ *discordfake.Options) {
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
		var wg sync.WaitGroup
		var failed atomic.Int32
		for u := range inFlight {
			wg.Add(1)
			go func() {
				defer wg.Done()
				i := h.srv.Command(fmt.Sprintf("7%017d", n*inFlight+u), discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", stabilityQuestion))
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
		for !h.bot.jobs.idle() {
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
