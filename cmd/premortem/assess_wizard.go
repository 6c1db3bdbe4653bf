package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/knowledge"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// wizardOptions steer one terminal wizard.
type wizardOptions struct {
	lang     string
	save     string // write the answers here when finishing or stopping; "" saves nothing
	quietOut bool   // the report goes to stdout as JSON: talk on stderr
}

// Words the founder may type instead of an answer, in either language.
var wizardCommands = map[string][]string{
	"skip":  {"skip", "s", "跳过"},
	"back":  {"back", "b", "返回", "上一题"},
	"clear": {"clear", "清除", "清空"},
	"quit":  {"quit", "exit", "q", "退出"},
	"help":  {"help", "?", "？", "帮助"},
	"done":  {"done", "ok", "report", "好", "完成", "报告"},
}

func wizardCommand(line string) string {
	l := strings.ToLower(strings.TrimSpace(line))
	for name, words := range wizardCommands {
		if slices.Contains(words, l) {
			return name
		}
	}
	return ""
}

// runWizard asks the questions in the terminal, then shows every answer
// for review and edit. It returns the final state and whether the founder
// asked for the report. Ctrl-C stops at once with errInterrupted; quit and
// the end of input stop without a report. Either way the answers so far
// are saved only when o.save names a file.
func runWizard(ctx context.Context, env *cli, w *assess.Wizard, s assess.State, o wizardOptions) (assess.State, bool, error) {
	out := env.stdout
	if o.quietOut {
		out = env.stderr
	}
	rd := newLineReader(env, out)
	defer rd.Close()
	lang := o.lang
	fmt.Fprintln(out, pick(lang,
		"大模型创业风险评估:回答几个问题,得到七种宿命的风险报告。不知道就输入 skip 跳过;back 返回上一题;quit 退出;回车保留已有的回答。",
		"AI start-up pre-mortem: answer a few questions for a report on the seven fates. Type skip if you do not know, back for the previous question, quit to stop; Enter keeps an answer you gave."))
	reviewed := false // the review is on screen and unchanged
	for {
		var line string
		var err error
		if w.Done(s) {
			if !reviewed {
				showReview(out, w, s, lang)
				reviewed = true
			}
			line, err = rd.ReadLine(ctx, "> ", nil)
		} else {
			q, _ := w.Current(s)
			n, total := w.Progress(s)
			fmt.Fprintf(out, "\n[%d/%d] %s\n", n, total, q.Prompt.In(lang))
			for i, c := range q.Choices {
				fmt.Fprintf(out, "  %d) %s\n", i+1, c.Label.In(lang))
			}
			if current := assess.AnswerText(q, s.Profile, lang); current != "" {
				fmt.Fprintf(out, "  (%s %s; %s)\n", pick(lang, "当前回答:", "current answer:"), current, pick(lang, "回车保留", "Enter keeps it"))
			}
			line, err = rd.ReadLine(ctx, "> ", completions(q, lang))
		}
		if err != nil {
			return s, false, stopWizard(env, w, s, o, err)
		}
		next, finished, err := step(w, s, line, lang)
		switch {
		case errors.Is(err, errQuit):
			return s, false, stopWizard(env, w, s, o, err)
		case err != nil:
			fmt.Fprintf(out, "  %s\n", answerMessage(err, lang))
			continue
		}
		s = next
		reviewed = reviewed && w.Done(s)
		if finished {
			if o.save != "" {
				if err := saveAnswers(o.save, s.Profile, skipped(w, s)); err != nil {
					return s, false, err
				}
				fmt.Fprintf(env.stderr, "%s %s\n", pick(lang, "回答已保存到", "answers saved to"), o.save)
			}
			fmt.Fprintln(out)
			return s, true, nil
		}
	}
}

// errQuit is the quit command.
var errQuit = errors.New("quit")

// step applies one typed line: a command, an edit in the review, or an answer.
func step(w *assess.Wizard, s assess.State, line, lang string) (assess.State, bool, error) {
	cmd := wizardCommand(line)
	switch cmd {
	case "quit":
		return s, false, errQuit
	case "help":
		return s, false, &assess.AnswerError{
			ZH: "可以输入:编号或答案;skip 跳过;back 上一题;clear 清除这一题的回答;quit 退出;回车保留当前回答。",
			EN: "Type a number or an answer; skip; back; clear to remove this answer; quit; Enter keeps the current answer."}
	case "back":
		return w.Back(s), false, nil
	}
	if w.Done(s) {
		rows := w.Applicable(s)
		if strings.TrimSpace(line) == "" || cmd == "done" {
			return s, true, nil
		}
		if n, err := strconv.Atoi(strings.TrimSpace(line)); err == nil && n >= 1 && n <= len(rows) {
			return w.Edit(s, rows[n-1]), false, nil
		}
		return s, false, &assess.AnswerError{
			ZH: fmt.Sprintf("请输入 1-%d 的编号修改那一题,或直接回车生成报告", len(rows)),
			EN: fmt.Sprintf("type a number from 1 to %d to change that answer, or Enter for the report", len(rows))}
	}
	switch cmd {
	case "skip":
		return w.Skip(s), false, nil
	case "clear":
		return w.Clear(s), false, nil
	}
	next, err := w.Answer(s, line)
	return next, false, err
}

// showReview lists every applicable question with its answer, numbered for
// editing.
func showReview(out io.Writer, w *assess.Wizard, s assess.State, lang string) {
	fmt.Fprintf(out, "\n%s\n", pick(lang,
		"你的回答:输入编号修改,直接回车生成报告,back 返回上一题。",
		"Your answers: type a number to change one, Enter for the report, back for the last question."))
	var rows [][]string
	for i, step := range w.Applicable(s) {
		q := w.Questions()[step]
		a := assess.AnswerText(q, s.Profile, lang)
		if a == "" {
			a = pick(lang, "(跳过)", "(skipped)")
		}
		rows = append(rows, []string{strconv.Itoa(i + 1), assess.FieldLabel(q.Field, lang), a})
	}
	writeColumns(out, rows)
}

// stopWizard ends the wizard early: Ctrl-C, quit or the end of input. It
// saves the answers so far when asked to and says so in one line.
func stopWizard(env *cli, w *assess.Wizard, s assess.State, o wizardOptions, why error) error {
	lang := o.lang
	interrupted := errors.Is(why, errInterrupted)
	if !interrupted && !errors.Is(why, errQuit) && !errors.Is(why, io.EOF) {
		return why
	}
	saved := ""
	if o.save != "" {
		if err := saveAnswers(o.save, s.Profile, skipped(w, s)); err != nil {
			return err
		}
		saved = o.save
	}
	msg := pick(lang, "已退出,未生成报告", "Stopped; no report")
	if interrupted {
		msg = pick(lang, "已中断", "Interrupted")
	} else if errors.Is(why, io.EOF) {
		msg = pick(lang, "输入结束,评估已停止", "End of input: assessment stopped")
	}
	if saved != "" {
		msg += pick(lang, fmt.Sprintf(";回答已保存到 %s,用 premortem assess --resume %s 继续。", saved, saved),
			fmt.Sprintf("; answers saved to %s; go on with premortem assess --resume %s", saved, saved))
	} else {
		msg += pick(lang, ";没有保存回答(用 --save FILE 保存)。", "; nothing saved (--save FILE keeps the answers).")
	}
	fmt.Fprintln(env.stderr, "\n"+msg)
	if interrupted {
		return errInterrupted
	}
	return nil
}

// skipped are the questions shown and left unanswered, saved as nulls so
// that a resumed wizard does not ask them again.
func skipped(w *assess.Wizard, s assess.State) []string {
	var out []string
	for _, i := range s.History {
		if i < 0 || i >= len(w.Questions()) {
			continue // the review, where an edit started
		}
		f := w.Questions()[i].Field
		if !s.Profile.Answered(f) && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// completions are what Tab offers: the choices' labels and the commands.
func completions(q knowledge.Question, lang string) []string {
	var out []string
	for _, c := range q.Choices {
		out = append(out, c.Label.In(lang))
	}
	if lang == "zh" {
		return append(out, "跳过", "返回", "退出")
	}
	return append(out, "skip", "back", "quit")
}

func answerMessage(err error, lang string) string {
	var ae *assess.AnswerError
	if errors.As(err, &ae) {
		return ae.Message(lang)
	}
	return err.Error()
}

// writeColumns prints rows as aligned columns, measuring display width so
// Chinese lines up (github.com/olekukonko/tablewriter).
func writeColumns(w io.Writer, rows [][]string) {
	t := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Borders:  tw.BorderNone,
			Symbols:  tw.NewSymbols(tw.StyleNone),
			Settings: tw.Settings{Separators: tw.Separators{BetweenColumns: tw.Off, BetweenRows: tw.Off}},
		})),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: []tw.Align{tw.AlignRight, tw.AlignLeft, tw.AlignLeft}}),
	)
	_ = t.Bulk(rows)
	_ = t.Render()
}
