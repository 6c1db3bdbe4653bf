package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// printEval prints the scores as a table, one column per model, then
// each model's misses.
func printEval(w io.Writer, rep evalReport) {
	fmt.Fprintf(w, "%s: %d questions\n\n", rep.Set, rep.Questions)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(name string, cell func(s evalScores) string) {
		cells := []string{name}
		for _, s := range rep.Models {
			cells = append(cells, cell(s))
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	f3 := func(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }
	row("", func(s evalScores) string { return s.Model })
	row("recall@1", func(s evalScores) string { return f3(s.RecallAt1) })
	row("recall@3", func(s evalScores) string { return f3(s.RecallAt3) })
	row("MRR", func(s evalScores) string { return f3(s.MRR) })
	row("off-topic accuracy", func(s evalScores) string {
		return fmt.Sprintf("%s (%d)", f3(s.OffTopicAccuracy), s.OffTopic)
	})
	row("figure hits", func(s evalScores) string { return fmt.Sprintf("%d/%d", s.FigureHits, s.Figures) })
	row("model recall@3", func(s evalScores) string { return f3(s.ModelRecallAt3) })
	row("answered by model", func(s evalScores) string { return fmt.Sprintf("%d/%d", s.AnsweredByModel, s.Asked) })
	row("model figure hits", func(s evalScores) string { return fmt.Sprintf("%d/%d", s.ModelFigureHits, s.Figures) })
	row("latency p50 ms", func(s evalScores) string { return f3(s.LatencyP50MS) })
	row("latency p95 ms", func(s evalScores) string { return f3(s.LatencyP95MS) })
	row("first token p50/p95 ms", func(s evalScores) string {
		return fmt.Sprintf("%s/%s", f3(s.FirstTokenP50MS), f3(s.FirstTokenP95MS))
	})
	row("invented citations dropped", func(s evalScores) string { return strconv.Itoa(s.DroppedCitations) })
	row("figures flagged", func(s evalScores) string { return strconv.Itoa(s.FlaggedFigures) })
	row("tokens in/out", func(s evalScores) string { return fmt.Sprintf("%d/%d", s.PromptTokens, s.CompletionTokens) })
	row("fallbacks", func(s evalScores) string { return strconv.Itoa(s.Fallbacks) })
	row("errors", func(s evalScores) string { return strconv.Itoa(s.Errors) })
	row("routed / router failed", func(s evalScores) string { return fmt.Sprintf("%d/%d", s.Routed, s.RouteFailures) })
	tw.Flush()
	for _, s := range rep.Models {
		if len(s.Misses) == 0 {
			continue
		}
		fmt.Fprintf(w, "\nmisses (%s):\n", s.Model)
		for _, m := range s.Misses {
			fmt.Fprintf(w, "- %s\n  expected [%s], got [%s]", m.Q, strings.Join(m.Expected, " "), strings.Join(m.Got, " "))
			if len(m.ModelCited) > 0 {
				fmt.Fprintf(w, ", the model cited [%s]", strings.Join(m.ModelCited, " "))
			}
			if len(m.MissingFigures) > 0 {
				fmt.Fprintf(w, ", missing figures [%s]", strings.Join(m.MissingFigures, " "))
			}
			if m.Error != "" {
				fmt.Fprintf(w, ", error: %s", m.Error)
			}
			fmt.Fprintln(w)
		}
	}
}
