package router

import (
	"context"
	"math"
	"slices"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/premortem/premortem/bot/render"
)

// Refusals counts refusals by reason (*ops.Metrics).
type Refusals interface {
	Refused(reason string)
}

// Guard admits requests from the allowed channels (a thread counts as its
// parent) and roles only; empty lists allow all. Direct messages are
// outside any guild's lists and pass. A refused interaction gets a private
// explanation; a message in a channel the bot does not serve gets nothing.
func Guard(channels, roles []string, refused Refusals) Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, q *Request) *Response {
			key := allowed(q, channels, roles)
			if key == "" {
				return next(ctx, q)
			}
			refused.Refused(key)
			if key == "channel" && q.Interaction == nil {
				return Silent
			}
			return Private(render.T(q.Lang, key))
		}
	}
}

// allowed returns the refusal key of q ("channel", "role"), "" to admit.
func allowed(q *Request, channels, roles []string) string {
	if q.GuildID == "" {
		return ""
	}
	if len(channels) > 0 && !slices.Contains(channels, q.ChannelID) && !anyIn(q.Parents, channels) {
		return "channel"
	}
	if len(roles) > 0 && !anyIn(q.Roles, roles) {
		return "role"
	}
	return ""
}

func anyIn(xs, set []string) bool {
	return slices.ContainsFunc(xs, func(x string) bool { return slices.Contains(set, x) })
}

// UserLimits are the per-user limits checked before a question is
// acknowledged: one request in flight per user and a token bucket of
// perMin requests a minute with burst. They are in memory, per process;
// the daily caps live in the store.
type UserLimits struct {
	perMin float64
	burst  int
	now    func() time.Time

	mu       sync.Mutex
	inflight map[string]bool
	limiters map[string]*userLimit
}

type userLimit struct {
	lim  *rate.Limiter
	seen time.Time
}

// NewUserLimits returns limits of perMin requests a minute with burst.
func NewUserLimits(perMin float64, burst int) *UserLimits {
	return &UserLimits{perMin: perMin, burst: burst, now: time.Now, inflight: map[string]bool{}, limiters: map[string]*userLimit{}}
}

// Middleware refuses a user's request, privately, while their previous one
// is in flight or when they ask faster than the rate; the admitted request
// stays in flight until its response is delivered.
func (u *UserLimits) Middleware(refused Refusals) Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, q *Request) *Response {
			release, key, text := u.admit(q.UserID, q.Lang)
			if key != "" {
				refused.Refused(key)
				return Private(text)
			}
			q.Finally(release)
			return next(ctx, q)
		}
	}
}

// Busy reports whether user has a request in flight.
func (u *UserLimits) Busy(user string) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.inflight[user]
}

// admit lets a user's request in, returning the function that ends it, or
// the refusal's key (for metrics) and its friendly text in lang.
func (u *UserLimits) admit(user, lang string) (release func(), key, text string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.inflight[user] {
		return nil, "busy", render.T(lang, "busy")
	}
	now := u.now()
	ul, ok := u.limiters[user]
	if !ok {
		u.prune(now)
		ul = &userLimit{lim: rate.NewLimiter(rate.Limit(u.perMin/60), u.burst)}
		u.limiters[user] = ul
	}
	ul.seen = now
	r := ul.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return nil, "rate", tooFast(lang, d)
	}
	u.inflight[user] = true
	var once sync.Once
	return func() {
		once.Do(func() {
			u.mu.Lock()
			delete(u.inflight, user)
			u.mu.Unlock()
		})
	}, "", ""
}

// tooFast is the refusal of a user asking faster than their rate, who may
// ask again after wait (the in-memory bucket's and the shared one's).
func tooFast(lang string, wait time.Duration) string {
	return render.T(lang, "rate", int(math.Ceil(wait.Seconds())))
}

// prune forgets users whose bucket has long been full again.
func (u *UserLimits) prune(now time.Time) {
	if len(u.limiters) < 10000 {
		return
	}
	full := time.Duration(float64(u.burst)/(u.perMin/60)*float64(time.Second)) + time.Minute
	for id, l := range u.limiters {
		if now.Sub(l.seen) > full {
			delete(u.limiters, id)
		}
	}
}
