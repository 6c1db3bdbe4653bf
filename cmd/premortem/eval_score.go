package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/premortem/premortem/advisor"
)

// evalScores is one backend's results. recall_* and mrr score retrieval
// (the risks the answer shows, which the advisor always attaches);
// model_* score what the backend itself wrote.
type evalScores struct {
	Model            string     `json:"model"`
	RecallAt1        float64    `json:"recall_at_1"`
	RecallAt3        float64    `json:"recall_at_3"`
	MRR              float64    `json:"mrr"`
	OnTopic          int        `json:"on_topic"`
	OffTopic         int        `json:"off_topic"`
	OffTopicAccuracy float64    `json:"off_topic_accuracy"`
	Figures          int        `json:"figures"`
	FigureHits       int        `json:"figure_hits"`
	LatencyP50MS     float64    `json:"latency_p50_ms"`
	LatencyP95MS     float64    `json:"latency_p95_ms"`
	DroppedCitations int        `json:"dropped_citations"`
	FlaggedFigures   int        `json:"flagged_figures"`
	PromptTokens     int        `json:"prompt_tokens"`
	CompletionTokens int        `json:"completion_tokens"`
	Fallbacks        int        `json:"fallbacks"`
	Errors           int        `json:"errors"`
	Misses           []evalMiss `json:"misses"`

	// What the backend wrote itself. An answer another backend (or the
	// builtin composer) wrote in its place is a miss for model recall.
	ModelRecallAt3  float64 `json:"model_recall_at_3"`
	AnsweredByModel int     `json:"answered_by_model"` // answers the named backend wrote, of the questions it was asked to write
	Asked           int     `json:"asked"`             // on-topic questions a model backend was asked to write
	ModelFigureHits int     `json:"model_figure_hits"` // expected figures in text the backend wrote
	FirstTokenP50MS float64 `json:"first_token_p50_ms"`
	FirstTokenP95MS float64 `json:"first_token_p95_ms"`
	Routed          int     `json:"routed"`                  // questions the model-backed router decided
	RouteFailures   int     `json:"route_failures"`          // router calls that left retrieval alone
	LastFallback    string  `json:"last_fallback,omitempty"` // the last fallback's reason
}

// evalMiss is one question that lost points, and why.
type evalMiss struct {
	Q              string   `json:"q"`
	Expected       []string `json:"expected"`
	Got            []string `json:"got"`
	ModelCited     []string `json:"model_cited,omitempty"`
	MissingFigures []string `json:"missing_figures,omitempty"`
	Error          string   `json:"error,omitempty"`
}

type evalReport struct {
	Set       string       `json:"set"`
	Questions int          `json:"questions"`
	Models    []evalScores `json:"models"`
}

// evalRun is one column of the report: a backend, with or without its router.
type evalRun struct {
	model   string // "" for the default
	noRoute bool
}

func (r evalRun) label() string {
	name := r.model
	if name == "" {
		name = "default"
	}
	if r.noRoute {
		name += " (no route)"
	}
	return name
}

func evalModel(ctx context.Context, adv *advisor.Advisor, run evalRun, items []evalItem, bar *progress) (evalScores, error) {
	s := evalScores{Model: run.label(), Misses: []evalMiss{}}
	var r1, r3, mrr, m3 float64
	offOK := 0
	lat := make([]float64, 0, len(items))
	var ttft []float64
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return s, err
		}
		start := time.Now()
		req := advisor.Request{Question: it.Q, Model: run.model, NoRoute: run.noRoute,
			OnNotice: func(n advisor.Notice) {
				if n.Kind == advisor.NoticeFallback {
					s.LastFallback = n.Backend + ": " + n.Reason
				}
			}}
		ans, err := adv.Ask(ctx, req)
		lat = append(lat, float64(time.Since(start).Microseconds())/1000)
		bar.step(s.Model)
		if errors.Is(err, advisor.ErrUnknownBackend) {
			return s, fmt.Errorf("model %q: %w", run.model, err)
		}
		if len(it.Expect) == 0 {
			s.OffTopic++
		} else {
			s.OnTopic++
		}
		s.Figures += len(it.Figures)
		if err != nil {
			s.Errors++
			s.Misses = append(s.Misses, evalMiss{Q: it.Q, Expected: nonNil(it.Expect), Got: []string{}, MissingFigures: it.Figures, Error: err.Error()})
			continue
		}
		if s.Model == "default" && ans.Model.Backend != "" && ans.Model.FallbackFrom == "" {
			s.Model = ans.Model.Backend
		}
		if ans.Model.FallbackFrom != "" {
			s.Fallbacks++
		}
		if ans.Route != nil {
			if ans.Route.Used {
				s.Routed++
			} else {
				s.RouteFailures++
			}
		}
		s.DroppedCitations += len(ans.Checks.DroppedCitations)
		s.FlaggedFigures += len(ans.Checks.FlaggedFigures)
		if ans.Usage != nil {
			s.PromptTokens += ans.Usage.PromptTokens
			s.CompletionTokens += ans.Usage.CompletionTokens
		}
		got := make([]string, 0, len(ans.Risks))
		for _, r := range ans.Risks {
			got = append(got, r.ID)
		}
		// Who wrote the text: the builtin composer cites every risk it
		// shows; a model only what it cited itself.
		builtin := ans.Model.Backend == advisor.Builtin && ans.Model.FallbackFrom == ""
		byModel := ans.Model.FallbackFrom == "" && len(got) > 0
		cited := ans.ModelCited
		if builtin {
			cited = got
		}
		if len(got) > 0 {
			s.Asked++
			if byModel {
				s.AnsweredByModel++
				if !builtin {
					ttft = append(ttft, ans.TimingMS["first_token"])
				}
			}
		}
		var missingFig []string
		for _, f := range it.Figures {
			switch {
			case strings.Contains(ans.Text, f):
				s.FigureHits++
				if byModel {
					s.ModelFigureHits++
				}
			default:
				missingFig = append(missingFig, f)
			}
		}
		ok := len(missingFig) == 0
		if len(it.Expect) == 0 {
			if len(got) == 0 && len(ans.Benchmarks) == 0 {
				offOK++
			} else {
				ok = false
			}
		} else {
			a1, a3, rr := rank(it.Expect, got)
			r1, r3, mrr = r1+a1, r3+a3, mrr+rr
			ok = ok && a3 == 1
			if byModel {
				_, c3, _ := rank(it.Expect, cited)
				m3 += c3
			}
		}
		if !ok {
			s.Misses = append(s.Misses, evalMiss{Q: it.Q, Expected: nonNil(it.Expect), Got: got, ModelCited: ans.ModelCited, MissingFigures: missingFig})
		}
	}
	if s.OnTopic > 0 {
		n := float64(s.OnTopic)
		s.RecallAt1, s.RecallAt3, s.MRR, s.ModelRecallAt3 = round3(r1/n), round3(r3/n), round3(mrr/n), round3(m3/n)
	}
	if s.OffTopic > 0 {
		s.OffTopicAccuracy = round3(float64(offOK) / float64(s.OffTopic))
	}
	slices.Sort(lat)
	s.LatencyP50MS, s.LatencyP95MS = percentile(lat, 0.5), percentile(lat, 0.95)
	slices.Sort(ttft)
	s.FirstTokenP50MS, s.FirstTokenP95MS = percentile(ttft, 0.5), percentile(ttft, 0.95)
	return s, nil
}

// silent returns why a model column wrote no answer itself, or "".
func (s evalScores) silent() string {
	if s.Asked == 0 || s.AnsweredByModel > 0 {
		return ""
	}
	why := fmt.Sprintf("%s wrote none of the %d answers it was asked for", s.Model, s.Asked)
	if s.LastFallback != "" {
		why += " (" + s.LastFallback + ")"
	}
	return why
}

// rank scores one on-topic answer: whether its first risk is expected
// (recall@1), the share of expected risks among its first three
// (recall@3), and the reciprocal rank of the first expected one.
func rank(expect, got []string) (r1, r3, rr float64) {
	if len(got) > 0 && slices.Contains(expect, got[0]) {
		r1 = 1
	}
	found := 0
	for _, id := range expect {
		if i := slices.Index(got, id); i >= 0 && i < 3 {
			found++
		}
	}
	r3 = float64(found) / float64(len(expect))
	for i, id := range got {
		if slices.Contains(expect, id) {
			rr = 1 / float64(i+1)
			break
		}
	}
	return r1, r3, rr
}

func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(p*float64(len(sorted)-1) + 0.5)
	return round3(sorted[i])
}

func round3(f float64) float64 { return float64(int64(f*1000+0.5)) / 1000 }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
