package config

import (
	"strings"
	"testing"
)

func TestStorageValidation(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, env, want string
		driverEnv             string
		wantDriver, wantDSN   string
	}{
		{name: "defaults", wantDriver: "sqlite", wantDSN: "premortem.db"},
		{name: "postgres url", yaml: "storage:\n  driver: postgres\n  dsn: postgres://bot@db:5432/premortem\n", wantDriver: "postgres", wantDSN: "postgres://bot@db:5432/premortem"},
		{name: "postgres key=value", yaml: "storage:\n  driver: postgres\n  dsn: host=db dbname=premortem\n", wantDriver: "postgres", wantDSN: "host=db dbname=premortem"},
		{name: "dsn from env", yaml: "storage:\n  driver: postgres\n", env: "postgres://bot:secret@db/premortem", wantDriver: "postgres", wantDSN: "postgres://bot:secret@db/premortem"},
		{name: "driver from env", env: "postgres://bot@db/premortem", driverEnv: "postgres", wantDriver: "postgres", wantDSN: "postgres://bot@db/premortem"},
		{name: "postgres without dsn", yaml: "storage:\n  driver: postgres\n", want: "storage.dsn is not a PostgreSQL connection string"},
		{name: "postgres url for sqlite", yaml: "storage:\n  dsn: postgres://bot:secret@db/premortem\n", want: "set storage.driver: postgres"},
		{name: "empty file", yaml: "storage:\n  dsn: \"\"\n", want: "storage.dsn is empty"},
		{name: "typo", yaml: "storage:\n  driver: postgress\n", want: "did you mean postgres?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := loadYAML(t, tc.yaml, map[string]string{"PREMORTEM_STORAGE_DSN": tc.env, "PREMORTEM_STORAGE_DRIVER": tc.driverEnv})
			if tc.want != "" {
				if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") || strings.Contains(err.Error(), "secret") {
					t.Errorf("err %v; want one line mentioning %q, no password", err, tc.want)
				}
				return
			}
			if err != nil || c.Storage.Driver != tc.wantDriver || c.Storage.DSN != tc.wantDSN {
				t.Errorf("got %+v, %v; want %s %s", c.Storage, err, tc.wantDriver, tc.wantDSN)
			}
		})
	}
}
