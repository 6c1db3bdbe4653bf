package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/premortem/premortem/advisor"
)

// runChat is a conversation in the terminal: `premortem chat [--model
// NAME]`. Each line is a question; earlier questions and answers are
// context under the same rules as a Discord thread (discord.history_turns
// and history_chars), so "具体该怎么做?" follows on from the answer before.
// An empty line is skipped; "exit", "quit" or end of input ends it.
func runChat(ctx context.Context, env *cli, args []string) error {
	fs, cfgPath := newFlags(env, "chat", "Usage: premortem chat [--config FILE] [--model NAME]   (one question per line; exit or Ctrl-D ends)")
	model := fs.String("model", "", "backend to answer with (default: the configured default)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (questions are read line by line)", fs.Arg(0))
	}
	a, err := loadApp(env, *cfgPath)
	if err != nil {
		return err
	}
	rd := newPlainReader(env.stdin, env.stdout)
	defer rd.Close()
	prompt := ""
	if isTerminal(env.stdin) {
		prompt = "> "
	}
	var newestFirst []advisor.Turn
	for {
		line, err := rd.ReadLine(ctx, prompt, nil)
		switch {
		case errors.Is(err, errInterrupted), errors.Is(err, io.EOF):
			return nil
		case err != nil:
			return fmt.Errorf("read the question: %w", err)
		}
		line = strings.TrimSpace(line)
		switch strings.ToLower(line) {
		case "":
			continue
		case "exit", "quit", "/exit", "/quit", "退出":
			return nil
		}
		history, _ := advisor.CapHistory(newestFirst, a.cfg.Discord.HistoryTurns, a.cfg.Discord.HistoryChars, false)
		ans, err := a.adv.Ask(ctx, advisor.Request{Question: line, Model: *model, History: history})
		switch {
		case errors.Is(err, advisor.ErrEmptyQuestion), errors.Is(err, advisor.ErrQuestionTooLong):
			fmt.Fprintln(env.stderr, questionError(err))
			continue
		case ctx.Err() != nil:
			return nil
		case err != nil:
			return fmt.Errorf("answer: %w", err)
		}
		fmt.Fprintf(env.stdout, "%s\n\n%s\n\n", ans.Text, footer(ans))
		newestFirst = append([]advisor.Turn{{FromBot: true, Text: ans.Text}, {Text: line}}, newestFirst...)
	}
}
