package config

import (
	"fmt"
	"strings"
)

// Drivers are the storage engines; cmd/premortem maps each name to its
// constructor.
var Drivers = []string{"sqlite", "postgres"}

// Storage selects where state (feedback, model choices, quotas, wizard
// sessions, shard leases) lives. SQLite serves one process; PostgreSQL is
// the one engine several processes share. The DSN may hold a password: put
// it in PREMORTEM_STORAGE_DSN (or PGPASSWORD, ~/.pgpass) rather than the
// file.
type Storage struct {
	Driver string `yaml:"driver"` // sqlite (default, embedded) | postgres
	DSN    string `yaml:"dsn"`    // a file for sqlite; postgres://user@host:5432/dbname for postgres
}

func (s *Storage) applyEnv(getenv func(string) string) {
	if v := getenv("PREMORTEM_STORAGE_DRIVER"); v != "" {
		s.Driver = v
	}
	if v := getenv("PREMORTEM_STORAGE_DSN"); v != "" {
		s.DSN = v
	}
}

// isPostgresURL tells a postgres:// or postgresql:// URL.
func isPostgresURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// isPostgresDSN tells a PostgreSQL URL or key=value string from a file.
func isPostgresDSN(dsn string) bool {
	return isPostgresURL(dsn) || strings.Contains(dsn, "=") && !strings.Contains(dsn, "?")
}

// Messages never quote the DSN: it may hold a password.
func (s *Storage) validate() []error {
	switch s.Driver {
	case "sqlite":
		switch {
		case strings.TrimSpace(s.DSN) == "":
			return []error{fmt.Errorf("storage.dsn is empty: name a database file")}
		case isPostgresURL(s.DSN):
			return []error{fmt.Errorf("storage.dsn is a PostgreSQL URL but storage.driver is sqlite: set storage.driver: postgres")}
		}
	case "postgres":
		if !isPostgresDSN(strings.TrimSpace(s.DSN)) {
			return []error{fmt.Errorf("storage.dsn is not a PostgreSQL connection string: set it (or PREMORTEM_STORAGE_DSN) to postgres://user@host:5432/dbname")}
		}
	default:
		return []error{fmt.Errorf("storage.driver %q: want %s%s", s.Driver, strings.Join(Drivers, " or "), didYouMean(s.Driver, Drivers))}
	}
	return nil
}
