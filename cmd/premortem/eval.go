package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

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
	fs, cfgPath := newFlags(env, "eval", "Usage: premortem eval --set FILE [--config FILE] [--model A,B] [--json]")
	set := fs.String("set", "", "YAML list of {q, expect: [ids], figures: [strings]} (required)")
	models := fs.String("model", "", "comma-separated backends to compare (default: the configured default)")
	asJSON := fs.Bool("json", false, "print the scores as one JSON object")
	route := fs.String("route", "config", "model-backed router: config (as each backend says), off, or both (each routed backend with and without)")
	usage := fs.Usage // the synopsis and the flags, then what the scores mean
	fs.Usage = func() {
		usage()
		fmt.Fprintln(fs.Output(), `
Scores, over the questions that expect risks: recall@1, the share whose
first risk is expected; recall@3, the share of expected risks among the
first three; MRR, the mean reciprocal rank of the first expected risk.
Off-topic accuracy: the share of questions with expect: [] that cite
nothing. Figure hits: expected figures found in the answer text.
These score retrieval, which every answer carries. What the backend wrote
itself: model recall@3, from the IDs its own text cited (an answer that
fell back counts as a miss); answered by model; figure hits in its text;
time to first token. A run in which a named backend wrote no answer
itself exits non-zero.`)
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *set == "" || fs.NArg() > 0 || !slices.Contains([]string{"config", "off", "both"}, *route) {
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
	var runs []evalRun
	for _, name := range names {
		routes := false
		if spec, ok := a.adv.Backends().Spec(cmp.Or(name, a.adv.Backends().Default())); ok {
			routes = spec.Route
		}
		switch {
		case *route == "off":
			runs = append(runs, evalRun{model: name, noRoute: routes})
		case *route == "both" && routes:
			runs = append(runs, evalRun{model: name}, evalRun{model: name, noRoute: true})
		default:
			runs = append(runs, evalRun{model: name})
		}
	}
	rep := evalReport{Set: *set, Questions: len(items)}
	bar := newProgress(env.stderr, len(items)*len(runs))
	for _, run := range runs {
		s, err := evalModel(ctx, a.adv, run, items, bar)
		if err != nil {
			bar.finish()
			return err
		}
		rep.Models = append(rep.Models, s)
	}
	bar.finish()
	if *asJSON {
		if err := writeJSON(env.stdout, rep); err != nil {
			return err
		}
	} else {
		printEval(env.stdout, rep)
	}
	var silent []string
	for _, s := range rep.Models {
		if why := s.silent(); why != "" {
			silent = append(silent, why)
		}
	}
	if len(silent) > 0 {
		return errors.New(strings.Join(silent, "; "))
	}
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
