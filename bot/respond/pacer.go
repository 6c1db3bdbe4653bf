package respond

import (
	"context"
	"sync"
	"time"
)

// Pacer is one send budget per channel, shared by every send and edit the
// bot makes there. Streaming edits take a slot at most once per interval
// and are dropped (the next one supersedes them) when the channel is busy;
// final sends never wait for the interval but do take a slot, so streams
// back off around them. A 429 for a channel (discordgo retries it after
// Retry-After itself) blocks the channel's sends and edits until then.
type Pacer struct {
	interval time.Duration
	mu       sync.Mutex
	ch       map[string]*budget
}

type budget struct {
	next    time.Time // earliest streaming edit
	blocked time.Time // Retry-After of a 429
}

// NewPacer returns a pacer allowing one streaming edit per channel per
// interval.
func NewPacer(interval time.Duration) *Pacer {
	return &Pacer{interval: interval, ch: map[string]*budget{}}
}

func (p *Pacer) budget(channel string, now time.Time) *budget {
	b, ok := p.ch[channel]
	if !ok {
		if len(p.ch) > 4096 {
			for k, v := range p.ch {
				if v.next.Before(now) && v.blocked.Before(now) {
					delete(p.ch, k)
				}
			}
		}
		b = &budget{}
		p.ch[channel] = b
	}
	return b
}

// stream waits for the channel's next streaming slot and takes it. It
// returns false when ctx ends first.
func (p *Pacer) stream(ctx context.Context, channel string) bool {
	p.mu.Lock()
	now := time.Now()
	b := p.budget(channel, now)
	at := later(now, b.next, b.blocked)
	b.next = at.Add(p.interval)
	p.mu.Unlock()
	return sleep(ctx, at.Sub(now))
}

// send waits out a 429's Retry-After only, and takes the channel's slot.
func (p *Pacer) send(ctx context.Context, channel string) bool {
	p.mu.Lock()
	now := time.Now()
	b := p.budget(channel, now)
	at := later(now, b.blocked)
	b.next = later(b.next, at).Add(p.interval)
	p.mu.Unlock()
	return sleep(ctx, at.Sub(now))
}

// Penalize blocks the channel until d from now (a 429's Retry-After).
func (p *Pacer) Penalize(channel string, d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	b := p.budget(channel, now)
	b.blocked = later(b.blocked, now.Add(d))
	b.next = later(b.next, b.blocked)
}

func later(t time.Time, ts ...time.Time) time.Time {
	for _, u := range ts {
		if u.After(t) {
			t = u
		}
	}
	return t
}

// sleep waits d or until ctx ends, reporting whether d passed.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// BlockedUntil is when the channel's 429 block ends (zero: never blocked).
func (p *Pacer) BlockedUntil(channel string) time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	if b, ok := p.ch[channel]; ok {
		return b.blocked
	}
	return time.Time{}
}
