package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/knowledge"
)

// runAssess prints a risk report for a profile file, or runs the wizard in
// the terminal when no profile is given:
//
//	premortem assess --profile FILE [--json] [--chart FILE.png] [--markdown FILE.md] [--lang zh|en]
//	premortem assess [--save FILE] [--lang zh|en]
func runAssess(ctx context.Context, env *cli, args []string) error {
	fs, cfgPath := newFlags(env, "assess")
	profilePath := fs.String("profile", "", "profile file (YAML or JSON); without it the wizard asks the questions")
	asJSON := fs.Bool("json", false, "print the report as one JSON object")
	chartPath := fs.String("chart", "", "also write the scores as a PNG bar chart to this file")
	mdPath := fs.String("markdown", "", "also write the report as Markdown to this file")
	savePath := fs.String("save", "", "wizard: write the answers as a profile YAML file")
	lang := fs.String("lang", "zh", "report language: zh or en")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: premortem assess --profile FILE [--json] [--chart FILE.png] [--markdown FILE.md] [--lang zh|en]")
		fmt.Fprintln(fs.Output(), "       premortem assess [--save FILE] [--lang zh|en]   (the wizard, in this terminal)")
		fs.PrintDefaults()
	}
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return fmt.Errorf("unexpected argument %q (did you mean --profile %s?)", rest[0], rest[0])
	}
	if *lang != "zh" && *lang != "en" {
		return fmt.Errorf("--lang %q: want zh or en", *lang)
	}
	var profile assess.Profile
	if *profilePath != "" {
		data, err := os.ReadFile(*profilePath)
		if err != nil {
			return fmt.Errorf("read profile: %w", err)
		}
		if profile, err = assess.ParseProfile(data); err != nil {
			return fmt.Errorf("%s: %w", *profilePath, err)
		}
	}
	a, err := loadApp(env, *cfgPath)
	if err != nil {
		return err
	}
	if *profilePath == "" {
		qs, err := knowledge.Questions()
		if err != nil {
			return err
		}
		p, done, err := runWizard(ctx, env, assess.NewWizard(qs), *lang)
		if err != nil {
			return err
		}
		if *savePath != "" {
			if err := saveProfile(*savePath, p); err != nil {
				return err
			}
			fmt.Fprintf(env.stderr, "%s %s\n", pick(*lang, "回答已保存到", "answers saved to"), *savePath)
		}
		if !done {
			return nil
		}
		profile = p
	}
	return printAssessment(env, assess.Score(a.kb, profile), *lang, *asJSON, *chartPath, *mdPath)
}

// printAssessment renders everything in memory first, so a failure leaves
// no half-written file.
func printAssessment(env *cli, as *assess.Assessment, lang string, asJSON bool, chartPath, mdPath string) error {
	var chart bytes.Buffer
	if chartPath != "" {
		if err := as.WriteChart(&chart, lang); err != nil {
			return err
		}
	}
	if chartPath != "" {
		if err := writeFileAtomic(chartPath, chart.Bytes()); err != nil {
			return err
		}
	}
	if mdPath != "" {
		if err := writeFileAtomic(mdPath, []byte(as.Markdown(lang))); err != nil {
			return err
		}
	}
	rep := as.Report(lang)
	if asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	printReport(env.stdout, as, rep, lang)
	return nil
}

func printReport(w io.Writer, as *assess.Assessment, rep assess.Report, lang string) {
	fmt.Fprintf(w, "%s\n\n", rep.Summary)
	for _, r := range rep.Risks {
		bar := strings.Repeat("█", r.Score/10) + strings.Repeat("░", 10-r.Score/10)
		fmt.Fprintf(w, "  %-12s %s %3d  %-8s %s %.0f%%\n", r.ID, bar, r.Score, assess.LevelName(r.Level, lang),
			pick(lang, "置信度", "confidence"), 100*r.Confidence)
	}
	for _, m := range as.Top(3) {
		if m.Score == 0 {
			continue
		}
		fmt.Fprintf(w, "\n`%s` %s: %d (%s)\n", m.ID, m.Title.In(lang), m.Score, assess.LevelName(m.Level, lang))
		for _, r := range m.Reasons {
			fmt.Fprintf(w, "  - %s\n", r.Text.In(lang))
			for _, c := range r.Citations {
				fmt.Fprintf(w, "      「%s」(%s %d)\n", c.Quote, pick(lang, "段", "para."), c.Paragraph)
			}
		}
		for i, act := range m.Actions {
			if i == 0 {
				fmt.Fprintf(w, "  %s\n", pick(lang, "先做什么:", "First actions:"))
			}
			fmt.Fprintf(w, "    %d. %s\n", i+1, act.Text.In(lang))
		}
	}
}

func saveProfile(path string, p assess.Profile) error {
	y, err := p.YAML()
	if err != nil {
		return fmt.Errorf("save profile: %w", err)
	}
	return writeFileAtomic(path, y)
}

// writeFileAtomic writes through a temporary file in the same folder, so
// readers never see half a file.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".premortem-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, werr := f.Write(data)
	cerr := f.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func pick(lang, zh, en string) string {
	if lang == "zh" {
		return zh
	}
	return en
}
