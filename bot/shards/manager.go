package shards

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/store"
)

// Leases is what the shards need of the store (*store.Store).
type Leases interface {
	AcquireShard(ctx context.Context, id, count int) (*store.Lease, error)
	WaitIdentify(ctx context.Context, shardID, maxConcurrency int) (time.Time, error)
}

// Reporter is told how each shard is doing (*ops.Metrics).
type Reporter interface {
	ShardState(shard int, held, connected bool)
	IdentifyWaited(shard int, d time.Duration)
}

// Options configure a Manager.
type Options struct {
	Token   string // without the "Bot " prefix
	Intents discordgo.Intent
	// Own is the shard this process is configured for, of Count.
	Own, Count int
	// MaxConcurrency is GET /gateway/bot's session_start_limit
	// max_concurrency: shards with equal id % MaxConcurrency share an
	// identify bucket.
	MaxConcurrency int
	// TakeoverAfter is when, after Run starts, the process also waits for
	// every other shard; negative: never; zero: at once (one process).
	TakeoverAfter time.Duration
	Leases        Leases
	Client        *http.Client // the gateway sessions' REST client (unused for answers)
	// Attach installs the bot's event handlers on a new session.
	Attach   func(*discordgo.Session)
	Reporter Reporter // nil: none
	Log      *slog.Logger
}

// Status is one shard as this process sees it.
type Status struct {
	ID, Count int
	Own       bool   // the shard this process is configured for
	Lease     string // "waiting", "held" (this process), "lost"
	Gateway   string // "", "connecting", "connected", "reconnecting", "closing"
	Lost      int    // how often this process lost the shard's lease
}

// Manager holds this process's shards. Run it once.
type Manager struct {
	o         Options
	connected chan struct{} // closed when a first shard is connected
	once      sync.Once

	mu     sync.Mutex
	status map[int]*Status
	live   map[int]*discordgo.Session
}

// New returns a manager for o.
func New(o Options) *Manager {
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	o.MaxConcurrency = max(o.MaxConcurrency, 1)
	o.Count = max(o.Count, 1)
	return &Manager{o: o, connected: make(chan struct{}), status: map[int]*Status{}, live: map[int]*discordgo.Session{}}
}

// Connected is closed once this process has a first shard connected.
func (m *Manager) Connected() <-chan struct{} { return m.connected }

// Run serves the own shard and, after TakeoverAfter, stands by for the
// others, until ctx ends (then it closes every session and gives every
// lease up, returning nil) or a shard fails for good: a gateway error no
// retry can fix, such as a rejected token or a refused intent, which Run
// returns.
func (m *Manager) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, m.o.Count)
	var wg sync.WaitGroup
	start := func(id int) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := m.serve(ctx, id); err != nil {
				errc <- err
				cancel()
			}
		}()
	}
	start(m.o.Own)
	if m.o.Count > 1 && m.o.TakeoverAfter >= 0 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.NewTimer(m.o.TakeoverAfter)
			defer t.Stop()
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			m.o.Log.Info("standing by for the other shards", "shards", m.o.Count)
			for id := range m.o.Count {
				if id != m.o.Own {
					start(id)
				}
			}
		}()
	}
	wg.Wait()
	select {
	case err := <-errc:
		return err
	default:
		return nil
	}
}

// Status lists the shards this process holds or waits for, by ID.
func (m *Manager) Status() []Status {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]Status, 0, len(m.status))
	for id, st := range m.status {
		s := *st
		if sess := m.live[id]; sess != nil && s.Gateway == "connected" {
			sess.RLock()
			if !sess.DataReady {
				s.Gateway = "reconnecting" // discordgo resumes by itself
			}
			sess.RUnlock()
		}
		out = append(out, s)
	}
	slices.SortFunc(out, func(a, b Status) int { return a.ID - b.ID })
	return out
}

// Unhealthy says what is wrong with the shards this process holds: a
// held shard whose gateway is not connected. A process waiting for its
// shard (another holds it) is a healthy standby.
func (m *Manager) Unhealthy() error {
	var errs []error
	for _, s := range m.Status() {
		if s.Lease == "held" && s.Gateway != "connected" {
			errs = append(errs, fmt.Errorf("shard %d/%d: gateway %s", s.ID, s.Count, s.Gateway))
		}
	}
	return errors.Join(errs...)
}

func (m *Manager) set(id int, lease, gateway string) {
	m.mu.Lock()
	st := m.status[id]
	if st == nil {
		st = &Status{ID: id, Count: m.o.Count, Own: id == m.o.Own}
		m.status[id] = st
	}
	if lease == "lost" {
		st.Lost++
	}
	st.Lease, st.Gateway = lease, gateway
	m.mu.Unlock()
	if r := m.o.Reporter; r != nil {
		r.ShardState(id, lease == "held", gateway == "connected")
	}
}

func (m *Manager) setLive(id int, s *discordgo.Session) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if s == nil {
		delete(m.live, id)
		return
	}
	m.live[id] = s
}

// sessions are the open gateway sessions, by shard.
func (m *Manager) sessions() []*discordgo.Session {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]*discordgo.Session, 0, len(m.live))
	for _, s := range m.live {
		out = append(out, s)
	}
	return out
}
