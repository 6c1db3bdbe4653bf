package router

import (
	"strings"
	"testing"
	"time"
)

func TestAllowed(t *testing.T) {
	for _, tc := range []struct {
		name string
		q    *Request
		want string
	}{
		{"other channel", &Request{GuildID: "g", ChannelID: "c2", Roles: []string{"r1"}}, "channel"},
		{"thread of allowed channel", &Request{GuildID: "g", ChannelID: "t1", Parents: []string{"c1"}, Roles: []string{"r1"}}, ""},
		{"no allowed role", &Request{GuildID: "g", ChannelID: "c1", Roles: []string{"r2"}}, "role"},
		{"allowed", &Request{GuildID: "g", ChannelID: "c1", Roles: []string{"r1"}}, ""},
		{"direct message", &Request{ChannelID: "dm"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := allowed(tc.q, []string{"c1"}, []string{"r1"}); got != tc.want {
				t.Errorf("allowed = %q; want %q", got, tc.want)
			}
		})
	}
}

func TestUserLimits(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	u := NewUserLimits(6, 2) // 6 per minute, burst 2
	u.now = func() time.Time { return now }
	admit := func(user string) (func(), string) {
		rel, key, text := u.admit(user, "en")
		if (key == "") != (text == "") {
			t.Fatalf("key %q with text %q", key, text)
		}
		return rel, key
	}
	if _, key := admit("u"); key != "" {
		t.Fatalf("first: %q", key)
	}
	if _, key := admit("u"); key != "busy" || !u.Busy("u") {
		t.Errorf("second in flight: %q", key)
	}
	rel, _ := admit("v")
	rel()
	rel() // releasing twice is harmless
	rel, _ = admit("v")
	rel()
	_, key, text := u.admit("v", "zh")
	if key != "rate" || !strings.Contains(text, "10 秒") {
		t.Errorf("third within the burst: %q %q; want a rate refusal in 10 s", key, text)
	}
	now = now.Add(10 * time.Second)
	if _, key := admit("v"); key != "" {
		t.Errorf("after the wait: %q", key)
	}
}
