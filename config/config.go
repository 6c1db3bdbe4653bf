// Package config reads premortem's one YAML file, applies environment
// overrides and validates everything at start, one clear line per problem.
// Secrets are never in the file: it names the environment variables that
// hold them.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Config is the whole configuration. Sections live beside their owners'
// concerns: models.go, discord.go, storage.go.
type Config struct {
	Discord   Discord   `yaml:"discord"`
	Storage   Storage   `yaml:"storage"`
	Models    Models    `yaml:"models"`
	Knowledge Knowledge `yaml:"knowledge"`
	Log       Log       `yaml:"log"`
}

// Knowledge names operator-supplied knowledge packs.
type Knowledge struct {
	Packs []string `yaml:"packs"` // folders of YAML files in the knowledge schema
}

// Log configures structured logging.
type Log struct {
	Level  string `yaml:"level"`  // debug | info | warn | error
	Format string `yaml:"format"` // text | json
}

// Default returns the built-in defaults: the builtin composer, SQLite in the
// working folder.
func Default() Config {
	c := Config{
		Storage: Storage{Driver: "sqlite", DSN: "premortem.db"},
		Models:  Models{Default: "builtin"},
		Log:     Log{Level: "info", Format: "text"},
	}
	c.Discord.defaults()
	return c
}

// Load reads the file at path ("" for built-in defaults only), applies
// environment overrides from getenv and validates the result.
func Load(path string, getenv func(string) string) (Config, error) {
	c := Default()
	var problems []error
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return c, fmt.Errorf("read config: %w", err)
		}
		var root yaml.Node
		if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil && !errors.Is(err, io.EOF) {
			return c, fmt.Errorf("config %s: not valid YAML: %s", path, oneLine(err))
		}
		problems = decode(&root, &c)
	}
	problems = append(problems, c.applyEnv(getenv)...)
	if err := c.Validate(); err != nil {
		problems = append(problems, err)
	}
	if len(problems) == 0 {
		return c, nil
	}
	// One line per problem, each naming the file, so that every line stands alone.
	where := "config"
	if path != "" {
		where = "config " + path
	}
	var lines []error
	for _, e := range problems {
		for _, l := range strings.Split(e.Error(), "\n") {
			lines = append(lines, fmt.Errorf("%s: %s", where, l))
		}
	}
	return c, errors.Join(lines...)
}

func oneLine(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "yaml: ", "")), " ")
}

// applyEnv applies the environment overrides and returns those that do
// not parse.
func (c *Config) applyEnv(getenv func(string) string) []error {
	if getenv == nil {
		getenv = os.Getenv
	}
	c.Models.applyEnv(getenv)
	errs := c.Discord.applyEnv(getenv)
	c.Storage.applyEnv(getenv)
	if v := getenv("PREMORTEM_LOG_LEVEL"); v != "" {
		c.Log.Level = v
	}
	return errs
}

// Validate checks every section and joins the problems, one per line.
func (c *Config) Validate() error {
	var errs []error
	errs = append(errs, c.Models.validate()...)
	errs = append(errs, c.Discord.validate()...)
	errs = append(errs, c.Storage.validate()...)
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("log.level %q: want debug, info, warn or error", c.Log.Level))
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		errs = append(errs, fmt.Errorf("log.format %q: want text or json", c.Log.Format))
	}
	return errors.Join(errs...)
}

// checkURL reports a value that is not an http(s) URL with a host, and
// one that carries credentials; key names the setting.
func checkURL(key, v string) error {
	u, err := url.Parse(v)
	switch {
	case err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https"):
		hint := ""
		if !strings.Contains(v, "://") && v != "" {
			scheme := "https"
			if strings.HasPrefix(v, "localhost") || strings.HasPrefix(v, "127.") || strings.HasPrefix(v, "[::1]") {
				scheme = "http"
			}
			hint = fmt.Sprintf(" (did you mean %s://%s?)", scheme, v)
		}
		return fmt.Errorf("%s %q: want an http:// or https:// URL%s", key, v, hint)
	case u.User != nil:
		return errors.New(key + " holds credentials: put the key in the variable api_key_env names")
	}
	return nil
}
