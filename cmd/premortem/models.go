package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/llm"
)

// checkTimeout bounds each backend's check.
const checkTimeout = 10 * time.Second

// backendRow is one line of `premortem models`.
type backendRow struct {
	Name     string       `json:"name"`
	Provider string       `json:"provider"`
	BaseURL  string       `json:"base_url,omitempty"`
	Model    string       `json:"model"`
	KeyEnv   string       `json:"api_key_env,omitempty"`
	Default  bool         `json:"default"`
	Fallback int          `json:"fallback,omitempty"` // position in the fallback chain, 1-based
	Check    *checkResult `json:"check,omitempty"`
}

// checkResult is what --check found.
type checkResult struct {
	OK        bool     `json:"ok"`
	LatencyMS float64  `json:"latency_ms,omitempty"`
	Models    []string `json:"models,omitempty"` // what the server reports
	HasModel  bool     `json:"has_model"`
	Problems  []string `json:"problems,omitempty"`
}

// runModels lists the backends: `premortem models [--check] [--json]`.
func runModels(ctx context.Context, env *cli, args []string) error {
	fs, cfgPath := newFlags(env, "models", "Usage: premortem models [--config FILE] [--check] [--json]")
	check := fs.Bool("check", false, "ping each backend: reachability, latency, the models its server reports")
	asJSON := fs.Bool("json", false, "print the list as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q; usage: premortem models [--config FILE] [--check] [--json]", fs.Arg(0))
	}
	// Not loadApp: a broken default must be reported here, not refuse to start.
	cfg, err := loadConfig(env, *cfgPath)
	if err != nil {
		return err
	}
	rows := listBackends(cfg.Models)
	if *check {
		checkBackends(ctx, cfg.Models, rows, env.getenv)
	}
	if *asJSON {
		if err := writeJSON(env.stdout, map[string]any{"default": cfg.Models.Default, "fallback": cfg.Models.Fallback, "backends": rows}); err != nil {
			return err
		}
	} else {
		printBackends(env.stdout, rows, *check)
	}
	return checkVerdict(rows)
}

// checkVerdict fails a check in which any backend failed: the default
// first, as every answer depends on it, then the others, all on one line.
func checkVerdict(rows []*backendRow) error {
	var others []string
	for _, r := range rows {
		if r.Check == nil || r.Check.OK {
			continue
		}
		if r.Default {
			return fmt.Errorf("the default backend %s is not usable: %s", r.Name, strings.Join(r.Check.Problems, "; "))
		}
		others = append(others, fmt.Sprintf("%s (%s)", r.Name, strings.Join(r.Check.Problems, "; ")))
	}
	if len(others) > 0 {
		return fmt.Errorf("%d backend(s) failed the check: %s", len(others), strings.Join(others, ", "))
	}
	return nil
}

func listBackends(m config.Models) []*backendRow {
	var rows []*backendRow
	for _, name := range m.Names() {
		row := &backendRow{Name: name, Provider: config.Builtin, Model: config.Builtin, Default: name == m.Default}
		if b, ok := m.Backends[name]; ok {
			r := b.Resolved()
			row.Provider, row.BaseURL, row.Model, row.KeyEnv = r.Provider, r.BaseURL, r.Model, r.APIKeyEnv
		}
		if i := slices.Index(m.Fallback, name); i >= 0 {
			row.Fallback = i + 1
		}
		rows = append(rows, row)
	}
	return rows
}

// checkBackends pings every model backend at once, each bounded by checkTimeout.
func checkBackends(ctx context.Context, m config.Models, rows []*backendRow, getenv func(string) string) {
	var wg sync.WaitGroup
	for _, row := range rows {
		b, ok := m.Backends[row.Name]
		if !ok {
			row.Check = &checkResult{OK: true, HasModel: true}
			continue
		}
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(ctx, checkTimeout)
			defer cancel()
			row.Check = checkBackend(ctx, row, b, getenv)
		})
	}
	wg.Wait()
}

func checkBackend(ctx context.Context, row *backendRow, b config.Backend, getenv func(string) string) *checkResult {
	res := &checkResult{}
	model, keyErr, err := buildClient(row.Name, b, getenv)
	if keyErr != nil {
		res.Problems = append(res.Problems, "missing key: "+keyErr.Error())
	}
	if err != nil {
		res.Problems = append(res.Problems, err.Error())
		return res
	}
	lister, ok := model.(llm.Lister)
	if !ok {
		res.Problems = append(res.Problems, "the provider cannot list models")
		return res
	}
	start := time.Now()
	models, err := lister.ListModels(ctx)
	res.LatencyMS = float64(time.Since(start).Microseconds()) / 1000
	if err != nil {
		res.Problems = append(res.Problems, "unreachable: "+oneLineErr(err))
		return res
	}
	res.Models = models
	res.HasModel = hasModel(models, row.Model)
	if !res.HasModel {
		res.Problems = append(res.Problems, fmt.Sprintf("the server does not report model %q (it has %d: %s)", row.Model, len(models), short(models, 5)))
	}
	res.OK = len(res.Problems) == 0
	return res
}

// hasModel matches Ollama's implicit ":latest" tag both ways.
func hasModel(models []string, want string) bool {
	for _, m := range models {
		if m == want || strings.TrimSuffix(m, ":latest") == strings.TrimSuffix(want, ":latest") {
			return true
		}
	}
	return false
}

func short(list []string, n int) string {
	if len(list) <= n {
		return strings.Join(list, ", ")
	}
	return strings.Join(list[:n], ", ") + ", ..."
}

// oneLineErr keeps the innermost useful part of a network error on one line.
func oneLineErr(err error) string {
	var se *llm.StatusError
	if errors.As(err, &se) {
		return se.Error()
	}
	return strings.Join(strings.Fields(err.Error()), " ")
}

func printBackends(w io.Writer, rows []*backendRow, checked bool) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	head := "NAME\tPROVIDER\tBASE URL\tMODEL\tROLE"
	if checked {
		head += "\tCHECK"
	}
	fmt.Fprintln(tw, head)
	for _, r := range rows {
		var role []string
		if r.Default {
			role = append(role, "default")
		}
		if r.Fallback > 0 {
			role = append(role, fmt.Sprintf("fallback %d", r.Fallback))
		}
		if r.Name == config.Builtin {
			role = append(role, "last resort")
		}
		line := fmt.Sprintf("%s\t%s\t%s\t%s\t%s", r.Name, r.Provider, dash(r.BaseURL), r.Model, dash(strings.Join(role, ", ")))
		if checked {
			line += "\t" + checkSummary(r)
		}
		fmt.Fprintln(tw, line)
	}
	tw.Flush()
}

func checkSummary(r *backendRow) string {
	c := r.Check
	switch {
	case c == nil:
		return "-"
	case r.Name == config.Builtin:
		return "ok"
	case c.OK:
		return fmt.Sprintf("ok %.0f ms, %d models", c.LatencyMS, len(c.Models))
	}
	return "FAIL " + strings.Join(c.Problems, "; ")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
