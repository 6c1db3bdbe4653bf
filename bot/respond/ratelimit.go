package respond

import (
	"strings"
	"sync"
	"time"
)

// Tokens maps the interaction tokens of requests in flight to their
// channel, so that a 429 on a webhook URL (which names a token, not a
// channel) charges the right channel's budget.
type Tokens struct{ m sync.Map }

func (t *Tokens) add(token, channel string) {
	if t != nil {
		t.m.Store(token, channel)
	}
}

func (t *Tokens) remove(token string) {
	if t != nil {
		t.m.Delete(token)
	}
}

func (t *Tokens) channel(token string) string {
	if t == nil {
		return ""
	}
	if c, ok := t.m.Load(token); ok {
		return c.(string)
	}
	return ""
}

// RateLimited charges a 429's Retry-After to the channel its REST URL was
// about (a channel's route, or an interaction's webhook).
func (p *Pacer) RateLimited(url string, retryAfter time.Duration, tokens *Tokens) {
	if ch := channelOfURL(url, tokens); ch != "" {
		p.Penalize(ch, retryAfter)
	}
}

// channelOfURL finds the channel a rate-limited REST URL was about.
func channelOfURL(u string, tokens *Tokens) string {
	if _, rest, ok := strings.Cut(u, "/channels/"); ok {
		id, _, _ := strings.Cut(rest, "/")
		return id
	}
	if _, rest, ok := strings.Cut(u, "/webhooks/"); ok {
		parts := strings.SplitN(rest, "/", 3) // {application}/{token}/...
		if len(parts) >= 2 {
			return tokens.channel(parts[1])
		}
	}
	return ""
}

// RedactURL drops interaction tokens from webhook URLs before logging.
func RedactURL(u string) string {
	if i := strings.Index(u, "/webhooks/"); i >= 0 {
		return u[:i] + "/webhooks/…"
	}
	return u
}
