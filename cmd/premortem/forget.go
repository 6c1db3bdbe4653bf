package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/premortem/premortem/config"
)

// runForget deletes everything stored about one user (assessments,
// feedback, usage counters): `premortem forget --user ID`.
func runForget(ctx context.Context, env *cli, args []string) error {
	fs, cfgPath := newFlags(env, "forget")
	user := fs.String("user", "", "Discord user ID whose stored data to delete")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: premortem forget [--config FILE] --user ID")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q; usage: premortem forget --user ID", fs.Arg(0))
	}
	id := strings.TrimSpace(*user)
	if id == "" {
		return errors.New("--user is required: the Discord user ID whose data to delete")
	}
	if *cfgPath == "" {
		*cfgPath = env.getenv("PREMORTEM_CONFIG")
	}
	cfg, err := config.Load(*cfgPath, env.getenv)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg.Storage, newLogger(env.stderr, cfg.Log))
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.DeleteUser(ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "deleted %d stored records of user %s\n", n, id)
	return nil
}
