package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/knowledge"
)

// app is everything a command needs, built once from the config.
type app struct {
	cfg config.Config
	log *slog.Logger
	kb  *knowledge.Base
	adv *advisor.Advisor
}

// newFlags returns a flag set with the common --config flag, whose -h
// prints usage (the command's synopsis) and then the flags.
func newFlags(env *cli, name, usage string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet("premortem "+name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), usage)
		fs.PrintDefaults()
	}
	cfgPath := fs.String("config", "", "config file (default $PREMORTEM_CONFIG, else built-in defaults)")
	return fs, cfgPath
}

// parseFlags parses args, reporting errors once.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return errUsage
	}
	return nil
}

// loadConfig reads the config named by --config, else $PREMORTEM_CONFIG,
// else the built-in defaults, with the environment's overrides.
func loadConfig(env *cli, cfgPath string) (config.Config, error) {
	if cfgPath == "" {
		cfgPath = env.getenv("PREMORTEM_CONFIG")
	}
	return config.Load(cfgPath, env.getenv)
}

// loadApp reads config, loads knowledge and builds the advisor.
func loadApp(env *cli, cfgPath string) (*app, error) {
	cfg, err := loadConfig(env, cfgPath)
	if err != nil {
		return nil, err
	}
	log := newLogger(env.stderr, cfg.Log)
	kb, err := knowledge.Load(cfg.Knowledge.Packs...)
	if err != nil {
		return nil, err
	}
	backends, err := buildBackends(cfg.Models, env.getenv, log)
	if err != nil {
		return nil, err
	}
	adv := advisor.New(advisor.Options{
		KB:       kb,
		Search:   knowledge.NewIndex(kb),
		Backends: backends,
		Logger:   log,
	})
	return &app{cfg: cfg, log: log, kb: kb, adv: adv}, nil
}

// writeJSON prints v as indented JSON, quotes and "<>&" unescaped, as
// every command's --json does.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func newLogger(w io.Writer, c config.Log) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(c.Level))
	opts := &slog.HandlerOptions{Level: level}
	if c.Format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func sortedCommands() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// joinArgs makes one question from the remaining arguments, so quoting is optional.
func joinArgs(args []string) string { return strings.Join(args, " ") }

// globalFlags are the flags every command takes, so they may also come
// before the command's name: `premortem --config FILE ask ...`.
var globalFlags = []string{"config"}

// hoistGlobal moves global flags given before the command to just after
// its name, where the command's own flag set parses them.
func hoistGlobal(args []string) ([]string, error) {
	var global []string
	for len(args) > 0 && strings.HasPrefix(args[0], "-") && args[0] != "-h" && args[0] != "--help" {
		name, value, hasValue := strings.Cut(strings.TrimLeft(args[0], "-"), "=")
		if !slices.Contains(globalFlags, name) {
			return nil, fmt.Errorf("unknown flag %s before the command (global flags: --%s)", args[0], strings.Join(globalFlags, ", --"))
		}
		if !hasValue {
			if len(args) < 2 {
				return nil, fmt.Errorf("flag --%s needs a value", name)
			}
			value, args = args[1], args[1:]
		}
		global = append(global, "--"+name, value)
		args = args[1:]
	}
	if len(global) == 0 || len(args) == 0 {
		return args, nil
	}
	return append(append([]string{args[0]}, global...), args[1:]...), nil
}
