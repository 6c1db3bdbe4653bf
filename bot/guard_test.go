package bot

import (
	"strings"
	"testing"
	"time"
)

func TestGuard(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	g := newGuard([]string{"c1"}, []string{"r1"}, 6, 2) // 6 per minute, burst 2
	g.now = func() time.Time { return now }
	admit := func(user, channel string, roles []string, parents ...string) (func(), string) {
		rel, key, text := g.admit(user, channel, roles, "en", parents...)
		if (key == "") != (text == "") {
			t.Fatalf("key %q with text %q", key, text)
		}
		return rel, key
	}
	for _, tc := range []struct {
		name, user, channel string
		roles, parents      []string
		want                string
	}{
		{"other channel", "u", "c2", []string{"r1"}, nil, "channel"},
		{"thread of allowed channel", "u", "t1", []string{"r1"}, []string{"c1"}, ""},
		{"no allowed role", "u", "c1", []string{"r2"}, nil, "role"},
		{"second in flight", "u", "c1", []string{"r1"}, nil, "busy"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, key := admit(tc.user, tc.channel, tc.roles, tc.parents...); key != tc.want {
				t.Errorf("key %q; want %q", key, tc.want)
			}
		})
	}
	g.inflight = map[string]bool{}
	rel, _ := admit("v", "c1", []string{"r1"})
	rel()
	rel() // releasing twice is harmless
	rel, _ = admit("v", "c1", []string{"r1"})
	rel()
	_, key, text := g.admit("v", "c1", []string{"r1"}, "zh")
	if key != "rate" || !strings.Contains(text, "10 秒") {
		t.Errorf("third within the burst: %q %q; want a rate refusal in 10 s", key, text)
	}
	now = now.Add(10 * time.Second)
	if _, key := admit("v", "c1", []string{"r1"}); key != "" {
		t.Errorf("after the wait: %q", key)
	}
}
