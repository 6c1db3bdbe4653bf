package main

import (
	"bytes"
	"context"
	"fmt"
	"os"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/knowledge"
)

// assessUsage is the synopsis `premortem assess -h` and the README show.
const assessUsage = `Usage: premortem assess --profile FILE [--json] [--chart FILE.png|.jpg] [--markdown FILE.md] [--lang zh|en]
       premortem assess [--resume FILE] [--save FILE] [--json] [--chart FILE] [--markdown FILE] [--lang zh|en]
         (the wizard, in this terminal: skip, back, clear, quit; a review to edit before the report)`

// assessFlags are the parsed options of one `premortem assess`.
type assessFlags struct {
	cfgPath, profile, resume, save, chart, markdown, lang string
	json                                                  bool
}

// runAssess prints a risk report for a profile file, or runs the wizard in
// the terminal when no profile is given.
func runAssess(ctx context.Context, env *cli, args []string) error {
	fs, cfgPath := newFlags(env, "assess", assessUsage)
	var o assessFlags
	fs.StringVar(&o.profile, "profile", "", "profile file (YAML or JSON); without it the wizard asks the questions")
	fs.StringVar(&o.resume, "resume", "", "wizard: go on from the answers saved in this file (and save back to it)")
	fs.StringVar(&o.save, "save", "", "wizard: write the answers to this profile file (also when stopped early)")
	fs.BoolVar(&o.json, "json", false, "print the report as one JSON object")
	fs.StringVar(&o.chart, "chart", "", "also write the scores as a chart image (.png or .jpg) to this file")
	fs.StringVar(&o.markdown, "markdown", "", "also write the report as Markdown to this file")
	fs.StringVar(&o.lang, "lang", "", "zh or en (default: from $LANG, else en)")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	o.cfgPath = *cfgPath
	if len(rest) > 0 {
		return fmt.Errorf("unexpected argument %q (did you mean --profile %s?)", rest[0], rest[0])
	}
	lang, err := outputLang(o.lang, env.getenv)
	if err != nil {
		return err
	}
	if o.profile != "" && (o.resume != "" || o.save != "") {
		return fmt.Errorf("--profile scores a file; --resume and --save are for the wizard")
	}
	if o.chart != "" {
		if _, err := assess.ChartFormatFor(o.chart); err != nil {
			return err
		}
	}
	if o.profile != "" {
		profile, err := readProfile(o.profile)
		if err != nil {
			return err
		}
		kb, err := loadKnowledge(env, o.cfgPath)
		if err != nil {
			return err
		}
		return printAssessment(env, assess.Score(kb, profile), lang, o)
	}
	return assessWizard(ctx, env, lang, o)
}

// assessWizard runs the wizard, from a saved file with --resume, and
// prints the report when the founder finishes the review.
func assessWizard(ctx context.Context, env *cli, lang string, o assessFlags) error {
	kb, err := loadKnowledge(env, o.cfgPath)
	if err != nil {
		return err
	}
	qs, err := knowledge.Questions()
	if err != nil {
		return err
	}
	w := assess.NewWizard(qs)
	st := w.Start(lang)
	if o.resume != "" {
		data, err := os.ReadFile(o.resume)
		if err != nil {
			return fmt.Errorf("resume: %w", err)
		}
		p, seen, err := assess.ParseAnswers(data)
		if err != nil {
			return fmt.Errorf("resume %s: %w", o.resume, err)
		}
		st = w.Resume(p, seen, lang)
		if o.save == "" {
			o.save = o.resume
		}
	}
	s, done, err := runWizard(ctx, env, w, st, wizardOptions{lang: lang, save: o.save, quietOut: o.json})
	if err != nil || !done {
		return err
	}
	return printAssessment(env, assess.Score(kb, s.Profile), lang, o)
}

func readProfile(path string) (assess.Profile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return assess.Profile{}, fmt.Errorf("read profile: %w", err)
	}
	p, err := assess.ParseProfile(data)
	if err != nil {
		return p, fmt.Errorf("%s: %w", path, err)
	}
	return p, nil
}

// printAssessment renders everything in memory first, so a failure leaves
// no half-written file, then says where each file went.
func printAssessment(env *cli, as *assess.Assessment, lang string, o assessFlags) error {
	type file struct {
		path, what string
		data       []byte
	}
	var files []file
	if o.chart != "" {
		format, err := assess.ChartFormatFor(o.chart)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := as.WriteChartAs(&b, lang, format); err != nil {
			return err
		}
		files = append(files, file{o.chart, pick(lang, "图表已写入", "chart written to"), b.Bytes()})
	}
	if o.markdown != "" {
		md := as.MarkdownWith(lang, assess.MarkdownOptions{Chart: relativeTo(o.markdown, o.chart)})
		files = append(files, file{o.markdown, pick(lang, "Markdown 报告已写入", "Markdown report written to"), []byte(md)})
	}
	for _, f := range files {
		if err := writeFileAtomic(f.path, f.data); err != nil {
			return err
		}
	}
	if o.json {
		if err := writeJSON(env.stdout, as.Report(lang)); err != nil {
			return err
		}
	} else if err := as.WriteText(env.stdout, lang); err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintf(env.stderr, "%s %s\n", f.what, f.path)
	}
	return nil
}

func pick(lang, zh, en string) string {
	if lang == "zh" {
		return zh
	}
	return en
}
