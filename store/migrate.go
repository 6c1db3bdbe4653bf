package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// migrations is the one set of schema steps both engines run, numbered
// 00001_name.sql, in SQL both accept. Append only: never edit a released
// step. Step 1 creates its tables only if missing, so databases written by
// earlier builds (which counted versions in PRAGMA user_version) adopt the
// numbering without change.
//
//go:embed migrations/*.sql
var migrations embed.FS

// SchemaVersion is the schema version this build migrates to.
func SchemaVersion() int64 {
	files, _ := fs.Glob(migrations, "migrations/*.sql")
	var v int64
	for _, f := range files {
		var n int64
		if _, err := fmt.Sscanf(f, "migrations/%d_", &n); err == nil && n > v {
			v = n
		}
	}
	return v
}

// migrate brings the database to SchemaVersion and refuses one written by a
// newer build. On PostgreSQL a session advisory lock (goose's) makes
// processes starting together migrate one at a time.
func migrate(ctx context.Context, db *sql.DB, d goose.Dialect, log *slog.Logger) error {
	sub, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	opts := []goose.ProviderOption{goose.WithDisableGlobalRegistry(true)}
	if d == goose.DialectPostgres {
		locker, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 300))
		if err != nil {
			return fmt.Errorf("migrate schema: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(d, db, sub, opts...)
	if err != nil {
		return fmt.Errorf("migrate schema: %w", err)
	}
	current, err := p.GetDBVersion(ctx)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if want := SchemaVersion(); current > want {
		return fmt.Errorf("database schema version %d is newer than this build's %d: upgrade premortem", current, want)
	}
	results, err := p.Up(ctx)
	if err != nil {
		return fmt.Errorf("migrate schema from version %d: %w", current, err)
	}
	for _, r := range results {
		log.Info("storage migrated", "version", r.Source.Version, "took", r.Duration)
	}
	return nil
}
