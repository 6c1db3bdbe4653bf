package discordfake_test

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/internal/discordfake"
)

// BenchmarkDeferredAck measures the round trip the bot's acknowledgement
// latency is built on: INTERACTION_CREATE over the gateway, discordgo's
// handler, and a deferred InteractionRespond over REST, with 200
// interactions in flight per burst. It reports ack latency p50/p99 as seen
// by the fake (dispatch to callback).
//
// "pooled" gives discordgo an http.Client whose transport keeps 256 idle
// connections per host instead of net/http's default 2, which a bot under
// load should do: most of the default's latency is dialling new TCP
// connections.
func BenchmarkDeferredAck(b *testing.B) {
	b.Run("default-client", func(b *testing.B) { benchDeferredAck(b, nil) })
	b.Run("pooled-client", func(b *testing.B) {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConnsPerHost = 256
		benchDeferredAck(b, &http.Client{Transport: tr, Timeout: 20 * time.Second})
	})
}

func benchDeferredAck(b *testing.B, client *http.Client) {
	srv := discordfake.New(b, discordfake.Options{})
	if err := discordfake.PointDiscordgo(srv.URL()); err != nil {
		b.Fatal(err)
	}
	dg, err := discordgo.New(srv.Token())
	if err != nil {
		b.Fatal(err)
	}
	dg.LogLevel = -1
	if client != nil {
		dg.Client = client
	}
	dg.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
	})
	if err := dg.Open(); err != nil {
		b.Fatal(err)
	}
	defer dg.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if err := srv.WaitReady(ctx); err != nil {
		b.Fatal(err)
	}
	const burst = 200
	b.ResetTimer()
	sent := 0
	for sent < b.N {
		n := min(burst, b.N-sent)
		for range n {
			if err := srv.DispatchInteraction(srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask")); err != nil {
				b.Fatal(err)
			}
		}
		sent += n
		want := sent
		if err := srv.WaitAcks(ctx, want); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var lat []time.Duration
	for _, a := range srv.Acks() {
		if a.Status != 204 {
			b.Fatalf("ack %+v", a)
		}
		lat = append(lat, a.Latency)
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}
