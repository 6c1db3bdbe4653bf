package shards

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/premortem/premortem/store"
)

// Fatal reports whether a gateway error is one no retry can fix: a
// rejected token (4004), an invalid shard (4010), sharding required
// (4011), an invalid API version (4012), invalid or refused intents (4013,
// 4014).
func Fatal(err error) bool {
	var ce *websocket.CloseError
	if !errors.As(err, &ce) {
		return false
	}
	switch ce.Code {
	case 4004, 4010, 4011, 4012, 4013, 4014:
		return true
	}
	return false
}

// serve holds shard id until ctx ends: it waits for the shard's lease,
// connects, and after a lost lease closes the session and waits again. It
// returns only a fatal gateway error.
func (m *Manager) serve(ctx context.Context, id int) error {
	name := fmt.Sprintf("%d/%d", id, m.o.Count)
	for {
		m.set(id, "waiting", "")
		lease, err := m.o.Leases.AcquireShard(ctx, id, m.o.Count)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			m.o.Log.Warn("wait for shard", "shard", name, "err", err)
			if !sleep(ctx, time.Second) {
				return nil
			}
			continue
		}
		err = m.hold(ctx, id, lease)
		lease.Release()
		switch {
		case err != nil:
			m.set(id, "lost", "")
			return err
		case ctx.Err() != nil:
			return nil
		}
		m.set(id, "lost", "")
	}
}

// hold connects shard id's gateway session while lease is held, and
// closes it when the lease is lost or ctx ends.
func (m *Manager) hold(ctx context.Context, id int, lease *store.Lease) error {
	name := fmt.Sprintf("%d/%d", id, m.o.Count)
	lctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-lease.Lost():
			cancel()
		case <-lctx.Done():
		}
	}()
	m.set(id, "held", "connecting")
	m.o.Log.Info("shard held; connecting", "shard", name)
	s, err := m.session(lctx, id)
	if err != nil {
		return err
	}
	m.setLive(id, s) // its cache fills from READY on
	defer m.setLive(id, nil)
	// Reconnects are this loop's, not discordgo's: its own loop
	// (ShouldReconnectOnError) outlives Close and would reopen a shard
	// whose lease is gone. A dropped socket closes the session, which says
	// Disconnect; Open then resumes it, paced and cancelled like the first.
	dropped := make(chan struct{}, 1)
	defer s.AddHandler(func(*discordgo.Session, *discordgo.Disconnect) {
		select {
		case dropped <- struct{}{}:
		default:
		}
	})()
	for {
		for backoff := time.Second; ; backoff = min(2*backoff, time.Minute) {
			err := s.Open()
			if err == nil {
				break
			}
			if Fatal(err) {
				return err
			}
			if lctx.Err() != nil {
				return nil
			}
			m.o.Log.Warn("connect shard", "shard", name, "err", err, "retry_in", backoff)
			if !sleep(lctx, backoff) {
				return nil
			}
		}
		m.set(id, "held", "connected")
		m.once.Do(func() { close(m.connected) })
		m.o.Log.Info("shard connected", "shard", name)
		select {
		case <-dropped:
			m.set(id, "held", "reconnecting")
			m.o.Log.Warn("shard gateway connection dropped; reconnecting", "shard", name)
			continue
		case <-lctx.Done():
		}
		break
	}
	if ctx.Err() == nil {
		m.o.Log.Warn("shard lease lost; closing its gateway session", "shard", name, "err", lease.Err())
	}
	m.set(id, "held", "closing")
	s.Close()
	return nil
}

// session builds shard id's gateway session: its identifies wait for the
// store's slot while ctx lasts.
func (m *Manager) session(ctx context.Context, id int) (*discordgo.Session, error) {
	s, err := discordgo.New("Bot " + m.o.Token)
	if err != nil {
		return nil, fmt.Errorf("create gateway session: %w", err)
	}
	s.Identify.Intents = m.o.Intents
	s.ShardID, s.ShardCount = id, m.o.Count
	s.ShouldReconnectOnError = false // hold reconnects
	s.ShouldRetryOnRateLimit = true
	if m.o.Client != nil {
		s.Client = m.o.Client
	}
	s.Dialer = dialer(func() error {
		start := time.Now()
		_, err := m.o.Leases.WaitIdentify(ctx, id, m.o.MaxConcurrency)
		if r := m.o.Reporter; r != nil && err == nil {
			r.IdentifyWaited(id, time.Since(start))
		}
		m.o.Log.Debug("identify slot", "shard", id, "waited", time.Since(start), "err", err)
		return err
	})
	if m.o.Attach != nil {
		m.o.Attach(s)
	}
	return s, nil
}

// sleep waits d or until ctx ends, reporting whether d passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
