package respond

import (
	"context"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/router"
)

// Stream streams a handler's partial responses (Request.Progress) by
// editing what the request shows, through the channel's pacer. The stream
// stops before the handler's response is delivered, so the final delivery
// always lands last.
func Stream(p *Pacer) router.Middleware {
	return func(next router.Handler) router.Handler {
		return func(ctx context.Context, q *router.Request) *router.Response {
			s := newStreamer(p, q.ChannelID, q.Out().Edit)
			q.SetProgress(s.show)
			resp := next(ctx, q)
			q.SetProgress(nil)
			s.stop()
			return resp
		}
	}
}

// streamer shows the latest of a stream of partial responses by editing one
// message, through the channel's pacer. Superseded partials are dropped;
// stop waits for an edit in progress, so the final delivery always lands
// last.
type streamer struct {
	pacer   *Pacer
	channel string
	edit    func(ctx context.Context, d *discordgo.InteractionResponseData) error

	mu      sync.Mutex
	latest  *discordgo.InteractionResponseData
	kick    chan struct{}
	cancel  context.CancelFunc
	stopped chan struct{}
}

func newStreamer(p *Pacer, channel string, edit func(context.Context, *discordgo.InteractionResponseData) error) *streamer {
	ctx, cancel := context.WithCancel(context.Background())
	s := &streamer{pacer: p, channel: channel, edit: edit, kick: make(chan struct{}, 1), cancel: cancel, stopped: make(chan struct{})}
	go s.loop(ctx)
	return s
}

// show replaces the partial response to show next.
func (s *streamer) show(d *discordgo.InteractionResponseData) {
	s.mu.Lock()
	s.latest = d
	s.mu.Unlock()
	select {
	case s.kick <- struct{}{}:
	default:
	}
}

func (s *streamer) loop(ctx context.Context) {
	defer close(s.stopped)
	for {
		select {
		case <-ctx.Done():
			return
		case <-s.kick:
		}
		if !s.pacer.stream(ctx, s.channel) {
			return
		}
		s.mu.Lock()
		d := s.latest
		s.latest = nil
		s.mu.Unlock()
		if d == nil {
			continue
		}
		ectx, cancel := context.WithTimeout(context.Background(), 10*time.Second) // not ctx: a started edit finishes before stop returns
		_ = s.edit(ectx, d)                                                       // a failed partial is superseded by the next or the final
		cancel()
	}
}

// stop ends the stream and waits for an edit in progress.
func (s *streamer) stop() {
	s.cancel()
	<-s.stopped
}
