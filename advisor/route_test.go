package advisor

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/premortem/premortem/internal/fakellm"
	"github.com/premortem/premortem/knowledge"
)

func loadKB(t *testing.T) *knowledge.Base {
	t.Helper()
	kb, err := knowledge.Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(kb.Modes) == 0 {
		t.Skip("the knowledge base is not loaded in this build")
	}
	return kb
}

func TestRouterOverLoopback(t *testing.T) {
	kb := loadKB(t)
	ix := knowledge.NewIndex(kb)
	const q = "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?"
	lexical := []string{}
	for _, r := range New(Options{KB: kb, Search: ix}).ground(ix.Search(q), "zh", nil).Risks {
		lexical = append(lexical, r.ID)
	}
	tests := []struct {
		name    string
		reply   fakellm.Step
		noRoute bool
		risks   []string // nil: retrieval's
		used    bool
		err     string // in Route.Error
	}{
		{"re-ranks", fakellm.Reply(`{"modes":["capital","market"]}`), false, []string{"capital", "market"}, true, ""},
		{"none is off-topic", fakellm.Reply(`{"modes":["none"]}`), false, []string{}, true, ""},
		{"repeats dropped", fakellm.Reply(` {"modes":["segment","segment"]} `), false, []string{"segment"}, true, ""},
		{"unknown ID", fakellm.Reply(`{"modes":["moat"]}`), false, nil, false, `unknown failure mode "moat"`},
		{"none beside IDs", fakellm.Reply(`{"modes":["none","capital"]}`), false, nil, false, `"none" beside failure modes`},
		{"malformed", fakellm.Reply(`{"modes": capital`), false, nil, false, "not one JSON object"},
		{"empty list", fakellm.Reply(`{"modes":[]}`), false, nil, false, "no modes"},
		{"extra field", fakellm.Reply(`{"modes":["capital"],"why":"x"}`), false, nil, false, "not one JSON object"},
		{"too slow", fakellm.Hang(), false, nil, false, "no verdict within 200ms"},
		{"skipped on request", fakellm.Reply(`{"modes":["capital"]}`), true, nil, false, ""},
	}
	for _, lb := range loopback {
		for _, tt := range tests {
			t.Run(lb.name+"/"+tt.name, func(t *testing.T) {
				script := fakellm.NewScript(fakellm.CiteGiven(0))
				script.Route(tt.reply)
				m, stop := lb.start(t, script)
				defer stop()
				bs, err := NewBackends(BackendsConfig{Default: "m", Backends: []BackendSpec{
					{Name: "m", Model: m, Route: true, RouteTimeout: 200 * time.Millisecond}}})
				if err != nil {
					t.Fatal(err)
				}
				a := New(Options{KB: kb, Search: ix, Backends: bs})
				ans, err := a.Ask(context.Background(), Request{Question: q, NoRoute: tt.noRoute})
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, r := range ans.Risks {
					got = append(got, r.ID)
				}
				want := tt.risks
				if want == nil {
					want = lexical
				}
				if len(got) < len(want) || !slices.Equal(got[:len(want)], want) || (len(want) == 0 && len(got) > 0) {
					t.Errorf("risks %q, want %q first", got, want)
				}
				routed := 0
				for _, r := range script.Requests() {
					if r.Schema != "" {
						routed++
						for _, id := range []string{`"capital"`, `"on-device"`, `"none"`} {
							if !strings.Contains(r.Schema, id) {
								t.Errorf("the router's schema lacks %s: %s", id, r.Schema)
							}
						}
					}
				}
				if tt.noRoute {
					if routed != 0 || ans.Route != nil {
						t.Errorf("NoRoute: %d router calls, route %+v", routed, ans.Route)
					}
					return
				}
				if routed != 1 || ans.Route == nil || ans.Route.Used != tt.used || !strings.Contains(ans.Route.Error, tt.err) {
					t.Fatalf("%d router calls, route %+v; want used=%v, error with %q", routed, ans.Route, tt.used, tt.err)
				}
				if len(want) == 0 && (ans.Model.Backend != Builtin || len(ans.Benchmarks) != 0) {
					t.Errorf("an off-topic verdict was answered by %+v with %d figures", ans.Model, len(ans.Benchmarks))
				}
				if len(want) > 0 && ans.Model.Backend != "m" {
					t.Errorf("answered by %+v, want m", ans.Model)
				}
			})
		}
	}
}

func TestParseRoute(t *testing.T) {
	ids := []string{"market", "capital", "segment", "scenario"}
	tests := []struct {
		reply string
		want  []string
		ok    bool
	}{
		{`{"modes":["capital"]}`, []string{"capital"}, true},
		{"```json\n{\"modes\":[\"market\",\"capital\"]}\n```", []string{"market", "capital"}, true},
		{`<think>hm</think>{"modes":["none"]}`, []string{}, true},
		{`{"modes":["market","capital","segment","scenario"]}`, []string{"market", "capital", "segment"}, true},
		{`{"modes":["none"]} {"modes":["capital"]}`, nil, false},
		{`{"modes":"capital"}`, nil, false},
		{``, nil, false},
		{`{}`, nil, false},
	}
	for _, tt := range tests {
		got, err := parseRoute(tt.reply, ids)
		if (err == nil) != tt.ok || !cmp.Equal(got, tt.want) {
			t.Errorf("parseRoute(%q) = %q, %v; want %q ok=%v", tt.reply, got, err, tt.want, tt.ok)
		}
	}
}

// A follow-up is answered from the conversation, which the router does
// not see: its verdict is not waited for and changes nothing.
func TestRouterLeavesFollowUpsToTheConversation(t *testing.T) {
	kb := loadKB(t)
	script := fakellm.NewScript(fakellm.CiteGiven(0))
	script.Route(fakellm.Hang())
	m, stop := loopback[0].start(t, script)
	defer stop()
	bs, err := NewBackends(BackendsConfig{Default: "m", Backends: []BackendSpec{{Name: "m", Model: m, Route: true, RouteTimeout: time.Minute}}})
	if err != nil {
		t.Fatal(err)
	}
	a := New(Options{KB: kb, Search: knowledge.NewIndex(kb), Backends: bs})
	history := []Turn{{Text: "账上只剩半年现金"}, {FromBot: true, Text: "最大的风险是 `capital`。"}}
	ans, err := a.Ask(context.Background(), Request{Question: "具体该怎么做?", History: history})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Route != nil || len(ans.Risks) == 0 || ans.Risks[0].ID != "capital" {
		t.Errorf("route %+v, risks %+v; want the conversation's capital, no route", ans.Route, ans.Risks)
	}
}
