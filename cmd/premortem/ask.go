package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/premortem/premortem/advisor"
)

// runAsk answers one question: `premortem ask [--model NAME] [--json] QUESTION...`.
func runAsk(ctx context.Context, env *cli, args []string) error {
	fs, cfgPath := newFlags(env, "ask", "Usage: premortem ask [--config FILE] [--model NAME] [--json] QUESTION...")
	model := fs.String("model", "", "backend to answer with (default: the configured default)")
	asJSON := fs.Bool("json", false, "print the answer as one JSON object")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	text := joinArgs(rest)
	if text == "" || text == "-" {
		// `echo "..." | premortem ask` or `premortem ask - < question.txt`.
		if text, err = readQuestion(env.stdin); err != nil {
			return err
		}
	}
	q, err := advisor.CleanQuestion(text)
	if err != nil {
		return questionError(err)
	}
	a, err := loadApp(env, *cfgPath)
	if err != nil {
		return err
	}
	// OnDelta carries the whole checked text so far, each text continuing
	// the last: the terminal prints what is new, once, and starts over only
	// when a fallback replaced the text. Notices (a slow backend, a
	// fallback and why) go to stderr, one line each.
	shown := ""
	req := advisor.Request{Question: q, Model: *model}
	req.OnNotice = func(n advisor.Notice) {
		if shown != "" && !strings.HasSuffix(shown, "\n") {
			io.WriteString(env.stderr, "\n")
		}
		fmt.Fprintln(env.stderr, n.String())
	}
	if !*asJSON {
		req.OnDelta = func(s string) { shown = printDelta(env.stdout, shown, s) }
	}
	ans, err := a.adv.Ask(ctx, req)
	if err != nil {
		if errors.Is(err, advisor.ErrEmptyQuestion) || errors.Is(err, advisor.ErrQuestionTooLong) {
			return questionError(err)
		}
		return fmt.Errorf("answer: %w", err)
	}
	if ans.Risks == nil {
		ans.Risks = []advisor.Risk{}
	}
	if ans.Benchmarks == nil {
		ans.Benchmarks = []advisor.BenchmarkRef{}
	}
	if *asJSON {
		return writeJSON(env.stdout, ans)
	}
	printDelta(env.stdout, shown, ans.Text)
	if ans.Model.Backend != advisor.Builtin {
		io.WriteString(env.stdout, quotes(ans))
	}
	fmt.Fprintf(env.stdout, "\n\n%s\n", footer(ans))
	return nil
}

// printDelta prints the part of text not yet shown, or all of it after a
// blank line when it does not continue what was shown; it returns text.
func printDelta(w io.Writer, shown, text string) string {
	switch {
	case text == shown:
	case strings.HasPrefix(text, shown):
		io.WriteString(w, text[len(shown):])
	default:
		io.WriteString(w, "\n\n"+text)
	}
	return text
}

// footer names the model that wrote the answer, and what it stood in for.
func footer(ans *advisor.Answer) string {
	name := ans.Model.Backend
	if ans.Model.Name != "" && ans.Model.Name != ans.Model.Backend {
		name += " (" + ans.Model.Name + ")"
	}
	if ans.Lang == "zh" {
		s := "—— 回答来自 " + name
		if ans.Model.FallbackFrom != "" {
			s += ",因 " + ans.Model.FallbackFrom + " 不可用而接替"
		}
		return s
	}
	s := "— answered by " + name
	if ans.Model.FallbackFrom != "" {
		s += ", standing in for " + ans.Model.FallbackFrom
	}
	return s
}

// readQuestion reads a question piped on stdin; a terminal is not read (a
// question missing from the arguments is a usage error there).
func readQuestion(r io.Reader) (string, error) {
	if r == nil || isTerminal(r) {
		return "", nil
	}
	b, err := io.ReadAll(io.LimitReader(r, 4*advisor.MaxQuestionChars+1))
	if err != nil {
		return "", fmt.Errorf("read the question from stdin: %w", err)
	}
	return string(b), nil
}

// questionError words a refused question for the terminal.
func questionError(err error) error {
	switch {
	case errors.Is(err, advisor.ErrEmptyQuestion):
		return errors.New("the question is empty; usage: premortem ask [--json] QUESTION")
	case errors.Is(err, advisor.ErrQuestionTooLong):
		return fmt.Errorf("the question is longer than %d characters; please shorten it", advisor.MaxQuestionChars)
	}
	return err
}

// parseInterleaved parses flags wherever they sit among the arguments, so
// `premortem ask "question" --json` works as well as `ask --json "question"`.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}
