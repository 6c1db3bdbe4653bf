package config

import (
	"os"
	"path/filepath"
	"testing"
)

// loadYAML loads yaml as the config file, with env as the environment.
func loadYAML(t *testing.T, yaml string, env map[string]string) (Config, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "premortem.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	return Load(path, func(k string) string { return env[k] })
}
