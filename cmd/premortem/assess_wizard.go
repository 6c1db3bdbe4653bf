package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"github.com/premortem/premortem/assess"
)

// runWizard asks the assessment's questions on the terminal, one line per
// answer. "skip", "back" and "quit" (or 跳过, 返回, 退出) steer; end of input
// is a quit. It returns the profile and whether every question was seen.
func runWizard(ctx context.Context, env *cli, w *assess.Wizard, lang string) (assess.Profile, bool, error) {
	in := bufio.NewScanner(env.stdin)
	s := w.Start(lang)
	out := env.stdout
	fmt.Fprintln(out, pick(lang,
		"大模型创业风险评估:回答几个问题,得到七种宿命的风险报告。输入 skip 跳过,back 返回上一题,quit 退出。",
		"AI start-up pre-mortem: answer a few questions to get a report on the seven fates. Type skip, back or quit at any time."))
	for !w.Done(s) {
		if err := ctx.Err(); err != nil {
			return s.Profile, false, err
		}
		q, _ := w.Current(s)
		n, total := w.Progress(s)
		fmt.Fprintf(out, "\n[%d/%d] %s\n", n, total, q.Prompt.In(lang))
		for i, c := range q.Choices {
			fmt.Fprintf(out, "  %d) %s\n", i+1, c.Label.In(lang))
		}
		if v := assess.AnswerText(q, s.Profile, lang); v != "" {
			fmt.Fprintf(out, "  (%s %s)\n", pick(lang, "当前回答:", "current answer:"), v)
		}
		fmt.Fprint(out, "> ")
		if !in.Scan() {
			fmt.Fprintln(out, "\n"+pick(lang, "输入结束,评估已停止。", "End of input: assessment stopped."))
			return s.Profile, false, in.Err()
		}
		line := strings.TrimSpace(in.Text())
		switch strings.ToLower(line) {
		case "quit", "exit", "q", "退出":
			fmt.Fprintln(out, pick(lang, "已退出,未生成报告。", "Stopped; no report."))
			return s.Profile, false, nil
		case "skip", "s", "跳过":
			s = w.Skip(s)
			continue
		case "back", "b", "返回", "上一题":
			s = w.Back(s)
			continue
		}
		next, err := w.Answer(s, line)
		if err != nil {
			fmt.Fprintf(out, "  %s\n", answerMessage(err, lang))
			continue
		}
		s = next
	}
	fmt.Fprintln(out)
	return s.Profile, true, nil
}

func answerMessage(err error, lang string) string {
	if ae, ok := err.(*assess.AnswerError); ok {
		return ae.Message(lang)
	}
	return err.Error()
}
