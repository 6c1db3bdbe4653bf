package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/store"
)

// runForget deletes everything stored about one user (assessments,
// feedback, usage counters): `premortem forget --user ID`.
func runForget(ctx context.Context, env *cli, args []string) error {
	fs, cfgPath := newFlags(env, "forget", "Usage: premortem forget [--config FILE] --user ID")
	user := fs.String("user", "", "Discord user ID whose stored data to delete")
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
	if !config.IsSnowflake(id) {
		return fmt.Errorf("--user %q: want a numeric Discord user ID (Developer Mode, right-click the user, Copy User ID)", id)
	}
	cfg, err := loadConfig(env, *cfgPath)
	if err != nil {
		return err
	}
	if cfg.Storage.Driver == "sqlite" {
		if path, ok := store.SQLiteFile(cfg.Storage.DSN); !ok || !fileExists(path) {
			// Opening would create an empty database just to find nothing in it.
			fmt.Fprintf(env.stdout, "nothing stored for user %s: no database at %s\n", id, cfg.Storage.DSN)
			return nil
		}
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

func fileExists(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}
