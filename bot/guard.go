package bot

import (
	"math"
	"slices"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// guard holds the in-memory limits checked before a question is
// acknowledged: allowed channels and roles, one request in flight per
// user, and a per-user token bucket. Daily caps live in the store and are
// checked by the answering job (see caps).
type guard struct {
	channels []string // empty: all
	roles    []string // empty: everyone
	perMin   float64
	burst    int
	now      func() time.Time

	mu       sync.Mutex
	inflight map[string]bool
	limiters map[string]*userLimit
}

type userLimit struct {
	lim  *rate.Limiter
	seen time.Time
}

func newGuard(channels, roles []string, perMin float64, burst int) *guard {
	return &guard{channels: channels, roles: roles, perMin: perMin, burst: burst, now: time.Now,
		inflight: map[string]bool{}, limiters: map[string]*userLimit{}}
}

// admit lets a user's request in, returning the function that ends it, or
// the refusal's key (for metrics) and its friendly text in lang. Threads count as their parent channel only
// when the caller passes the parent's ID too.
func (g *guard) admit(user, channel string, roles []string, lang string, parents ...string) (release func(), key, text string) {
	if len(g.channels) > 0 && !slices.Contains(g.channels, channel) && !anyIn(parents, g.channels) {
		return nil, "channel", t(lang, "channel")
	}
	if len(g.roles) > 0 && !anyIn(roles, g.roles) {
		return nil, "role", t(lang, "role")
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.inflight[user] {
		return nil, "busy", t(lang, "busy")
	}
	now := g.now()
	ul, ok := g.limiters[user]
	if !ok {
		g.prune(now)
		ul = &userLimit{lim: rate.NewLimiter(rate.Limit(g.perMin/60), g.burst)}
		g.limiters[user] = ul
	}
	ul.seen = now
	r := ul.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return nil, "rate", t(lang, "rate", int(math.Ceil(d.Seconds())))
	}
	g.inflight[user] = true
	var once sync.Once
	return func() {
		once.Do(func() {
			g.mu.Lock()
			delete(g.inflight, user)
			g.mu.Unlock()
		})
	}, "", ""
}

// prune forgets users whose bucket has long been full again.
func (g *guard) prune(now time.Time) {
	if len(g.limiters) < 10000 {
		return
	}
	full := time.Duration(float64(g.burst)/(g.perMin/60)*float64(time.Second)) + time.Minute
	for u, l := range g.limiters {
		if now.Sub(l.seen) > full {
			delete(g.limiters, u)
		}
	}
}

func anyIn(xs, set []string) bool {
	for _, x := range xs {
		if slices.Contains(set, x) {
			return true
		}
	}
	return false
}
