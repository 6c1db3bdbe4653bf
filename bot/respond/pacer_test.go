package respond

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bwmarrin/discordgo"
)

func TestPacerSharesOneBudgetPerChannel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx := context.Background()
		p := NewPacer(time.Second)
		start := time.Now()
		p.stream(ctx, "a") // first slot at once
		p.stream(ctx, "b") // another channel is not held up
		if d := time.Since(start); d != 0 {
			t.Errorf("first slots waited %v", d)
		}
		p.send(ctx, "a") // a final send never waits for the interval...
		if d := time.Since(start); d != 0 {
			t.Errorf("send waited %v", d)
		}
		p.stream(ctx, "a") // ...but takes a slot: the stream backs off
		if d := time.Since(start); d != 2*time.Second {
			t.Errorf("stream after send waited %v; want 2s", d)
		}
		p.Penalize("a", 5*time.Second) // a 429 with Retry-After 5s
		before := time.Now()
		p.send(ctx, "a")
		if d := time.Since(before); d != 5*time.Second {
			t.Errorf("send after 429 waited %v; want 5s", d)
		}
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		if p.stream(cctx, "a") {
			t.Error("stream returned true on a cancelled context")
		}
	})
}

func TestStreamerCoalescesAndFinishesBeforeStop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		var shown []string
		s := newStreamer(NewPacer(time.Second), "c", func(ctx context.Context, d *discordgo.InteractionResponseData) error {
			time.Sleep(100 * time.Millisecond) // a slow edit
			mu.Lock()
			shown = append(shown, d.Content)
			mu.Unlock()
			return nil
		})
		for _, text := range []string{"a", "ab", "abc", "abcd"} {
			s.show(&discordgo.InteractionResponseData{Content: text})
			time.Sleep(300 * time.Millisecond)
		}
		time.Sleep(2 * time.Second)
		s.stop()
		mu.Lock()
		defer mu.Unlock()
		if len(shown) == 0 || len(shown) > 3 || shown[len(shown)-1] != "abcd" {
			t.Errorf("edits %q; want a few, ending with the latest", shown)
		}
	})
}
