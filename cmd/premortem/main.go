// Command premortem advises AI founders on how their company could die,
// before it does: in a terminal (ask, assess, risks, eval, models) and on
// Discord (bot). It wires the packages together and parses config once.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/term"
)

// command is one subcommand; run gets the arguments after its name.
type command struct {
	summary string
	run     func(ctx context.Context, env *cli, args []string) error
}

// cli carries the process's streams and environment, so commands test
// without a real terminal.
type cli struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
}

// isTerminal reports whether stream (one of cli's) is an interactive
// terminal; a pipe, a file or /dev/null is not.
func isTerminal(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// errUsage marks an error already explained to the user.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	env := &cli{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	code := run(ctx, env, os.Args[1:])
	stop()
	os.Exit(code)
}

// run executes one command line and returns the exit code.
func run(ctx context.Context, env *cli, args []string) int {
	args, err := hoistGlobal(args)
	if err != nil {
		fmt.Fprintf(env.stderr, "premortem: %v (run `premortem help`)\n", err)
		return 2
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(env.stderr, "premortem: unknown command %q (run `premortem help`)\n", args[0])
		return 2
	}
	if err := cmd.run(ctx, env, args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		if errors.Is(err, errInterrupted) {
			return 130 // stopped by Ctrl-C, already said so
		}
		if !errors.Is(err, errUsage) {
			fmt.Fprintf(env.stderr, "premortem %s: %v\n", args[0], err)
		}
		return 1
	}
	return 0
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "premortem: how your AI start-up could die, before it does")
	fmt.Fprintln(w, "\nUsage: premortem [--config FILE] COMMAND [flags] [args]\n\nCommands:")
	for _, name := range sortedCommands() {
		fmt.Fprintf(w, "  %-8s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w, "\nEvery command takes --config FILE (or PREMORTEM_CONFIG); with none, built-in defaults apply.")
}
