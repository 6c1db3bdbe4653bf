package router

import (
	"context"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bwmarrin/discordgo"
)

// recorder is a Responder that remembers what it was asked to do.
type recorder struct {
	mu     sync.Mutex
	events []string
	done   chan *Response
}

func newRecorder() *recorder { return &recorder{done: make(chan *Response, 1)} }

func (r *recorder) add(e string) {
	r.mu.Lock()
	r.events = append(r.events, e)
	r.mu.Unlock()
}

func (r *recorder) Defer(private bool) {
	if private {
		r.add("defer private")
		return
	}
	r.add("defer")
}

func (r *recorder) Edit(_ context.Context, d *discordgo.InteractionResponseData) error {
	r.add("edit " + d.Content)
	return nil
}

func (r *recorder) Respond(resp *Response) {
	r.add("respond " + resp.Data.Content)
	r.done <- resp
}

func (r *recorder) Public() bool { return false }

func (r *recorder) log() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.events)
}

type nopCounter struct{}

func (nopCounter) Interaction(string) {}
func (nopCounter) Refused(string)     {}

func command(name string) *discordgo.Interaction {
	return &discordgo.Interaction{Type: discordgo.InteractionApplicationCommand, GuildID: "g", ChannelID: "c",
		Member: &discordgo.Member{User: &discordgo.User{ID: "u"}}, Data: discordgo.ApplicationCommandInteractionData{Name: name}}
}

func reply(text string) Handler {
	return func(context.Context, *Request) *Response {
		return Reply(&discordgo.InteractionResponseData{Content: text})
	}
}

func TestDeferAcknowledgesSlowHandlers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		r := New(nopCounter{})
		r.With(Defer(DeferOptions{After: time.Second})).Command("quick", reply("quick"))
		r.With(Defer(DeferOptions{After: time.Second})).Command("slow", func(context.Context, *Request) *Response {
			time.Sleep(2 * time.Second)
			return Reply(&discordgo.InteractionResponseData{Content: "slow"})
		})
		r.With(Defer(DeferOptions{Now: true, Private: true})).Command("now", reply("now"))
		for _, tc := range []struct {
			name string
			want []string
		}{
			{"quick", []string{"respond quick"}},
			{"slow", []string{"defer", "respond slow"}},
			{"now", []string{"defer private", "respond now"}},
		} {
			out := newRecorder()
			r.Dispatch(FromInteraction(command(tc.name), out))
			<-out.done
			if got := out.log(); !slices.Equal(got, tc.want) {
				t.Errorf("/%s: %q; want %q", tc.name, got, tc.want)
			}
		}
	})
}

func TestRecoverAndFinally(t *testing.T) {
	var order []string
	hold := func(name string) Middleware {
		return func(next Handler) Handler {
			return func(ctx context.Context, q *Request) *Response {
				q.Finally(func() { order = append(order, "release "+name) })
				return next(ctx, q)
			}
		}
	}
	r := New(nopCounter{}).With(hold("outer"), hold("inner"), Recover(slog.New(slog.NewTextHandler(io.Discard, nil))))
	r.Command("boom", func(context.Context, *Request) *Response { panic("boom") })
	r.Command("empty", func(context.Context, *Request) *Response { return nil })
	for _, name := range []string{"boom", "empty", "nosuch"} {
		order = nil
		out := newRecorder()
		r.Dispatch(FromInteraction(command(name), out))
		resp := <-out.done
		if !Ephemeral(resp.Data) || !strings.Contains(resp.Data.Content, "went wrong") && !strings.Contains(resp.Data.Content, "/help") {
			t.Errorf("/%s: %+v", name, resp.Data)
		}
		if name != "nosuch" && !slices.Equal(order, []string{"release inner", "release outer"}) {
			t.Errorf("/%s released %q", name, order)
		}
	}
}

func TestMessagesWithoutRouteStaySilent(t *testing.T) {
	out := newRecorder()
	New(nopCounter{}).Dispatch(FromMessage(&discordgo.Message{ChannelID: "c", Author: &discordgo.User{ID: "u"}}, "mention", "hi", "en", out))
	if got := out.log(); len(got) != 0 {
		t.Errorf("a message without a route got %q", got)
	}
}

func TestLimitWaitsItsTurnUntilTheDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		limit := Limit(1)
		release := make(chan struct{})
		h := limit(func(context.Context, *Request) *Response {
			<-release
			return Reply(&discordgo.InteractionResponseData{Content: "done"})
		})
		go h(context.Background(), &Request{})
		synctest.Wait()
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		if resp := h(ctx, &Request{Lang: "en"}); !strings.Contains(resp.Data.Content, "took too long") {
			t.Errorf("second past its deadline: %q", resp.Data.Content)
		}
		close(release)
	})
}
