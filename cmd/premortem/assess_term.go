package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/peterh/liner"
)

// errInterrupted is Ctrl-C (or a signal) during the wizard: the command
// stops at once, quietly, with exit code 130.
var errInterrupted = errors.New("interrupted")

// lineReader reads one answer; complete offers Tab completions.
type lineReader interface {
	ReadLine(ctx context.Context, prompt string, complete []string) (string, error)
	Close() error
}

// newLineReader returns a line editor (github.com/peterh/liner: history,
// editing, Tab completion, CJK display widths) when standard input and
// output are this process's terminal, else a plain line reader.
func newLineReader(env *cli, out io.Writer) lineReader {
	if env.stdin == os.Stdin && env.stdout == os.Stdout && isTerminal(os.Stdin) && isTerminal(os.Stdout) && liner.TerminalSupported() {
		l := liner.NewLiner()
		l.SetCtrlCAborts(true)
		l.SetTabCompletionStyle(liner.TabPrints)
		return &termReader{l: l}
	}
	return newPlainReader(env.stdin, out)
}

// termReader is the line editor on a real terminal. The terminal is in raw
// mode while it reads, so Ctrl-C arrives as a key and aborts the prompt.
type termReader struct {
	l        *liner.State
	complete []string
}

func (t *termReader) ReadLine(ctx context.Context, prompt string, complete []string) (string, error) {
	t.l.SetCompleter(func(line string) []string {
		var out []string
		for _, c := range complete {
			if strings.HasPrefix(strings.ToLower(c), strings.ToLower(line)) {
				out = append(out, c)
			}
		}
		return out
	})
	type result struct {
		line string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		line, err := t.l.Prompt(prompt)
		done <- result{line, err}
	}()
	select {
	case <-ctx.Done():
		return "", errInterrupted
	case r := <-done:
		switch {
		case errors.Is(r.err, liner.ErrPromptAborted):
			return "", errInterrupted
		case r.err != nil:
			return "", r.err
		}
		if strings.TrimSpace(r.line) != "" {
			t.l.AppendHistory(r.line)
		}
		return r.line, nil
	}
}

func (t *termReader) Close() error { return t.l.Close() }

// plainReader reads lines from a pipe or file (and chat's terminal). A goroutine reads ahead so
// that a cancelled context (Ctrl-C is a signal here) ends the wait at once;
// it ends at the end of input or, blocked on a line nobody reads, at Close.
type plainReader struct {
	out   io.Writer
	lines chan string
	stop  chan struct{}
	err   error // after lines is closed: why input ended
}

func newPlainReader(in io.Reader, out io.Writer) *plainReader {
	p := &plainReader{out: out, lines: make(chan string), stop: make(chan struct{})}
	go func() {
		defer close(p.lines)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64*1024), 1<<20) // a pasted paragraph is one line
		for sc.Scan() {
			select {
			case p.lines <- sc.Text():
			case <-p.stop:
				return
			}
		}
		p.err = sc.Err()
	}()
	return p
}

func (p *plainReader) ReadLine(ctx context.Context, prompt string, _ []string) (string, error) {
	fmt.Fprint(p.out, prompt)
	select {
	case <-ctx.Done():
		return "", errInterrupted
	case line, ok := <-p.lines:
		if !ok {
			if p.err != nil {
				return "", p.err
			}
			return "", io.EOF
		}
		return line, nil
	}
}

func (p *plainReader) Close() error {
	close(p.stop)
	return nil
}
