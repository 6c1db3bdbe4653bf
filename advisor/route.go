package advisor

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/llm"
	"github.com/premortem/premortem/prompts"
)

// The model-backed router. When the backend a question goes to is a model
// configured with Route, Ask makes one extra short call beside lexical
// retrieval: which failure modes does the question concern, as a JSON
// object {"modes": [...]} constrained to the knowledge's IDs plus "none"
// (a JSON schema where the API takes one, validated here whatever the
// provider). A valid verdict decides whether the question is on-topic and
// re-ranks retrieval's result (rerank); an invalid reply, an error or the
// route timeout leaves retrieval alone, and Answer.Route says why.

// RouteInfo is what the router decided for one question.
type RouteInfo struct {
	Backend string   `json:"backend"`
	Modes   []string `json:"modes"`           // what it named, most relevant first; empty for "none"
	Used    bool     `json:"used"`            // its verdict re-ranked retrieval
	Error   string   `json:"error,omitempty"` // why retrieval decided alone
	MS      float64  `json:"ms"`
}

const (
	routeNone      = "none"
	maxRouteModes  = 3
	routeMaxTokens = 64
)

// pendingRoute is a router call under way.
type pendingRoute struct {
	info   RouteInfo
	done   chan routeResult
	cancel context.CancelFunc
}

type routeResult struct {
	modes []string
	err   error
}

// startRoute starts the router for req when its backend routes, or returns nil.
func (a *Advisor) startRoute(ctx context.Context, req Request) *pendingRoute {
	bs := a.backends
	name := req.Model
	if name == "" {
		name = bs.Default()
	}
	be, ok := bs.byName[name]
	if req.NoRoute || !ok || !be.Route || bs.prompts == nil || a.kb == nil || len(a.kb.Modes) == 0 || bs.isDown(name) {
		return nil
	}
	ctx, cancel := context.WithCancel(ctx)
	p := &pendingRoute{info: RouteInfo{Backend: name}, done: make(chan routeResult, 1), cancel: cancel}
	go func() {
		start := time.Now()
		modes, err := a.route(ctx, be, req.Question)
		p.info.MS = ms(time.Since(start))
		p.done <- routeResult{modes, err}
	}()
	return p
}

// settle returns retrieval's result re-ranked by the router's verdict, or
// found itself when the router failed; info says which. A follow-up
// (found came from the conversation, which the router does not see) keeps
// found, and the router is called off. A nil p (no router) keeps found.
func (p *pendingRoute) settle(found knowledge.Result, followUp bool) (knowledge.Result, *RouteInfo) {
	if p == nil {
		return found, nil
	}
	if followUp {
		p.cancel()
	}
	r := <-p.done
	p.cancel()
	if followUp {
		return found, nil
	}
	info := p.info
	if r.err != nil {
		info.Error = oneLine(r.err.Error())
		return found, &info
	}
	info.Modes, info.Used = r.modes, true
	return rerank(found, r.modes), &info
}

// route asks be which modes q concerns.
func (a *Advisor) route(ctx context.Context, be *backend, q string) ([]string, error) {
	ctx, cancel := context.WithTimeoutCause(ctx, be.RouteTimeout, fmt.Errorf("no verdict within %v", be.RouteTimeout))
	defer cancel()
	d := prompts.RouteData{Question: q}
	ids := make([]string, 0, len(a.kb.Modes))
	for _, m := range a.kb.Modes {
		d.Modes = append(d.Modes, prompts.RouteMode{ID: m.ID, Title: m.Title.EN, Summary: m.Summary.EN})
		ids = append(ids, m.ID)
	}
	user, err := a.backends.prompts.Route(d)
	if err != nil {
		return nil, err
	}
	select {
	case be.sem <- struct{}{}:
		defer func() { <-be.sem }()
	case <-ctx.Done():
		return nil, fmt.Errorf("route: %w", errBusy)
	}
	resp, err := be.Model.Generate(ctx, llm.Request{
		Messages:  []llm.Message{{Role: llm.RoleUser, Content: user}},
		MaxTokens: routeMaxTokens,
		Schema:    &llm.Schema{Name: "failure_modes", Schema: routeSchema(ids)},
	}, nil)
	if err != nil {
		if cause := context.Cause(ctx); cause != nil {
			return nil, fmt.Errorf("route: %w", cause)
		}
		return nil, fmt.Errorf("route: %w", err)
	}
	return parseRoute(resp.Content, ids)
}

// routeSchema is the verdict's JSON schema: {"modes": [one to three of ids
// or "none"]}. The item bounds also stop a small model that would repeat
// itself until its tokens run out (a server that refuses them gets plain
// JSON mode; see provider/openai).
func routeSchema(ids []string) json.RawMessage {
	enum, _ := json.Marshal(append(slices.Clone(ids), routeNone))
	return json.RawMessage(fmt.Sprintf(`{"type":"object","properties":{"modes":{"type":"array","items":{"type":"string","enum":%s},"minItems":1,"maxItems":%d}},"required":["modes"],"additionalProperties":false}`,
		enum, maxRouteModes))
}

// errBadRoute is a router reply that is not a valid verdict.
var errBadRoute = errors.New("invalid router reply")

// parseRoute validates a router reply: one JSON object with "modes", each
// a known ID, or "none" alone (off-topic: no modes). Repeats are dropped;
// past maxRouteModes the rest is ignored.
func parseRoute(reply string, ids []string) ([]string, error) {
	s := strings.TrimSpace(stripThink(reply, true))
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(s, "```json"), "```"), "```"))
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	var v struct {
		Modes *[]string `json:"modes"`
	}
	if err := dec.Decode(&v); err != nil || dec.More() {
		return nil, fmt.Errorf("%w: not one JSON object {\"modes\": [...]}: %q", errBadRoute, clip(reply, 60))
	}
	if v.Modes == nil || len(*v.Modes) == 0 {
		return nil, fmt.Errorf("%w: no modes", errBadRoute)
	}
	var out []string
	for _, id := range *v.Modes {
		switch {
		case id == routeNone && len(*v.Modes) == 1:
			return []string{}, nil
		case id == routeNone:
			return nil, fmt.Errorf("%w: \"none\" beside failure modes", errBadRoute)
		case !slices.Contains(ids, id):
			return nil, fmt.Errorf("%w: unknown failure mode %q", errBadRoute, clip(id, 40))
		case !slices.Contains(out, id) && len(out) < maxRouteModes:
			out = append(out, id)
		}
	}
	return out, nil
}

// How a verdict re-ranks retrieval: the modes it names come first, scored
// as strongly as retrieval's best (at least routedFloor), each a little
// below the one before; modes only retrieval found follow at
// lexicalDiscount of their score, so they show only when retrieval was
// sure of them. "none" empties the result: off-topic.
const (
	routedFloor     = 0.5
	routedStep      = 0.05
	lexicalDiscount = 0.5
)

func rerank(found knowledge.Result, modes []string) knowledge.Result {
	if len(modes) == 0 {
		return knowledge.Result{Query: found.Query}
	}
	top := routedFloor
	if len(found.Modes) > 0 {
		top = max(top, found.Modes[0].Score)
	}
	out := knowledge.Result{Query: found.Query, Benchmarks: found.Benchmarks}
	for i, id := range modes {
		h := knowledge.Hit{ID: id}
		if j := slices.IndexFunc(found.Modes, func(h knowledge.Hit) bool { return h.ID == id }); j >= 0 {
			h = found.Modes[j]
		}
		h.Score = top * (1 - routedStep*float64(i))
		out.Modes = append(out.Modes, h)
	}
	for _, h := range found.Modes {
		if !slices.Contains(modes, h.ID) {
			h.Score *= lexicalDiscount
			out.Modes = append(out.Modes, h)
		}
	}
	return out
}
