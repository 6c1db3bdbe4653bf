package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/knowledge"
)

// evalItem is one question of an evaluation set. An empty expect means the
// question is off-topic: the answer must cite nothing.
type evalItem struct {
	Q       string   `yaml:"q"`
	Expect  []string `yaml:"expect"`
	Figures []string `yaml:"figures"`
}

// runEval scores backends on a question set:
// `premortem eval --set FILE [--model A,B] [--json]`.
func runEval(ctx context.Context, env *cli, args []string) error {
	fs, cfgPath := newFlags(env, "eval")
	set := fs.String("set", "", "YAML list of {q, expect: [ids], figures: [strings]} (required)")
	models := fs.String("model", "", "comma-separated backends to compare (default: the configured default)")
	asJSON := fs.Bool("json", false, "print the scores as one JSON object")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: premortem eval --set FILE [--config FILE] [--model A,B] [--json]")
		fs.PrintDefaults()
		fmt.Fprintln(fs.Output(), `
Scores, over the questions that expect risks: recall@1, the share whose
first risk is expected; recall@3, the share of expected risks among the
first three; MRR, the mean reciprocal rank of the first expected risk.
Off-topic accuracy: the share of questions with expect: [] that cite
nothing. Figure hits: expected figures found in the answer text.`)
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *set == "" || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	a, err := loadApp(env, *cfgPath)
	if err != nil {
		return err
	}
	items, err := readEvalSet(*set, a.kb)
	if err != nil {
		return err
	}
	names := []string{""}
	if *models != "" {
		names = nil
		for _, n := range strings.Split(*models, ",") {
			if n = strings.TrimSpace(n); n != "" && !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	rep := evalReport{Set: *set, Questions: len(items)}
	for _, name := range names {
		s, err := evalModel(ctx, a.adv, name, items)
		if err != nil {
			return err
		}
		rep.Models = append(rep.Models, s)
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	printEval(env.stdout, rep)
	return nil
}

// readEvalSet reads and checks an evaluation set: unknown fields, empty
// questions and unknown failure-mode IDs are errors naming the item.
func readEvalSet(path string, kb *knowledge.Base) ([]evalItem, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read question set: %w", err)
	}
	var items []evalItem
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&items); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("question set %s is empty", path)
		}
		return nil, fmt.Errorf("question set %s: %s", path, strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "yaml: ", "")), " "))
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("question set %s has no questions", path)
	}
	for i, it := range items {
		if strings.TrimSpace(it.Q) == "" {
			return nil, fmt.Errorf("question set %s: item %d has no q", path, i+1)
		}
		for _, id := range it.Expect {
			if _, ok := kb.Mode(id); !ok {
				return nil, fmt.Errorf("question set %s: item %d (%q) expects unknown failure mode %q", path, i+1, it.Q, id)
			}
		}
	}
	return items, nil
}

// evalScores is one backend's results.
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
}

// evalMiss is one question that lost points, and why.
type evalMiss struct {
	Q              string   `json:"q"`
	Expected       []string `json:"expected"`
	Got            []string `json:"got"`
	MissingFigures []string `json:"missing_figures,omitempty"`
	Error          string   `json:"error,omitempty"`
}

type evalReport struct {
	Set       string       `json:"set"`
	Questions int          `json:"questions"`
	Models    []evalScores `json:"models"`
}

func evalModel(ctx context.Context, adv *advisor.Advisor, model string, items []evalItem) (evalScores, error) {
	s := evalScores{Model: model, Misses: []evalMiss{}}
	if model == "" {
		s.Model = "default"
	}
	var r1, r3, mrr float64
	offOK := 0
	lat := make([]float64, 0, len(items))
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return s, err
		}
		start := time.Now()
		ans, err := adv.Ask(ctx, advisor.Request{Question: it.Q, Model: model})
		lat = append(lat, float64(time.Since(start).Microseconds())/1000)
		if errors.Is(err, advisor.ErrUnknownBackend) {
			return s, fmt.Errorf("model %q: %w", model, err)
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
		var missingFig []string
		for _, f := range it.Figures {
			if strings.Contains(ans.Text, f) {
				s.FigureHits++
			} else {
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
		}
		if !ok {
			s.Misses = append(s.Misses, evalMiss{Q: it.Q, Expected: nonNil(it.Expect), Got: got, MissingFigures: missingFig})
		}
	}
	if s.OnTopic > 0 {
		n := float64(s.OnTopic)
		s.RecallAt1, s.RecallAt3, s.MRR = round3(r1/n), round3(r3/n), round3(mrr/n)
	}
	if s.OffTopic > 0 {
		s.OffTopicAccuracy = round3(float64(offOK) / float64(s.OffTopic))
	}
	slices.Sort(lat)
	s.LatencyP50MS, s.LatencyP95MS = percentile(lat, 0.5), percentile(lat, 0.95)
	return s, nil
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
