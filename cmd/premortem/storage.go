package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/store"
)

// openStoreFunc opens one storage engine.
type openStoreFunc func(ctx context.Context, dsn string, opts store.Options) (*store.Store, error)

// storeDrivers is the explicit driver name-to-constructor table; the config
// validates driver names against config.Drivers, which lists the same.
func storeDrivers() map[string]openStoreFunc {
	return map[string]openStoreFunc{
		"sqlite":   store.OpenSQLite,
		"postgres": store.OpenPostgres,
	}
}

// openStore opens the configured storage and migrates it.
func openStore(ctx context.Context, c config.Storage, log *slog.Logger) (*store.Store, error) {
	open, ok := storeDrivers()[c.Driver]
	if !ok {
		return nil, fmt.Errorf("storage.driver %q has no constructor", c.Driver)
	}
	return open(ctx, c.DSN, store.Options{Logger: log})
}
