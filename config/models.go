package config

import (
	"cmp"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/agnivade/levenshtein"

	"github.com/premortem/premortem/provider/catalog"
)

// Models configures the model backends and the fallback chain.
//
//	models:
//	  default: hosted          # PREMORTEM_MODEL overrides; "builtin" always exists
//	  fallback: [local, builtin]
//	  cooldown: 30s            # how long a failed backend is skipped
//	  backends:
//	    hosted:
//	      provider: openai     # openai (any OpenAI-compatible API) | ollama (Ollama's own API)
//	      preset: deepseek     # fills base_url, model and api_key_env (provider openai only)
//	      api_key_env: DEEPSEEK_API_KEY
//	      timeout: 60s          # the whole answer, retries included
//	      first_token_timeout: 15s  # silence before falling back, per attempt
//	      route: true           # also ask this model which failure modes a question concerns
//	      route_timeout: 5s
//	      max_tokens: 800
//	      temperature: 0.3
//	      max_concurrency: 4
//	      retries: 2
//	    local:
//	      provider: ollama
//	      base_url: http://127.0.0.1:11434
//	      model: qwen2.5:7b
//
// A key is never in the file: api_key_env names the variable holding it.
// A missing variable is an error at start for the default backend (every
// answer would otherwise fall back silently), a warning for the others,
// and one line per backend at `premortem models --check`.
type Models struct {
	Default  string             `yaml:"default"`
	Fallback []string           `yaml:"fallback"`
	Cooldown time.Duration      `yaml:"cooldown"`
	Backends map[string]Backend `yaml:"backends"`
}

// Backend is one named model backend.
type Backend struct {
	Provider       string        `yaml:"provider"` // openai | ollama
	Preset         string        `yaml:"preset"`   // provider openai: a name from provider/catalog's presets
	BaseURL        string        `yaml:"base_url"`
	Model          string        `yaml:"model"`
	APIKeyEnv      string        `yaml:"api_key_env"`
	Timeout        time.Duration `yaml:"timeout"`         // whole call, retries included; default 60s
	MaxTokens      int           `yaml:"max_tokens"`      // default 800
	Temperature    *float64      `yaml:"temperature"`     // default 0.3
	MaxConcurrency int           `yaml:"max_concurrency"` // calls in flight; default 4
	Retries        *int          `yaml:"retries"`         // extra attempts on 429/5xx/connection errors; default 2
	// FirstTokenTimeout: how long the server may stay silent before the
	// chain moves on, per attempt; default 15s.
	FirstTokenTimeout time.Duration `yaml:"first_token_timeout"`
	Route             bool          `yaml:"route"`         // ask this model which failure modes a question concerns (structured output)
	RouteTimeout      time.Duration `yaml:"route_timeout"` // for that call; default 5s, then retrieval decides alone
}

// Builtin is the name of the always-present builtin composer backend
// (catalog.Builtin, named here for config's readers).
const Builtin = catalog.Builtin

func (m *Models) applyEnv(getenv func(string) string) {
	if v := getenv("PREMORTEM_MODEL"); v != "" {
		m.Default = v
	}
}

// Names returns the backend names, sorted, builtin included.
func (m *Models) Names() []string {
	names := []string{Builtin}
	for n := range m.Backends {
		if n != Builtin {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	return names
}

// Resolved returns b with its preset and defaults applied.
func (b Backend) Resolved() Backend {
	if b.Preset != "" {
		if p, err := catalog.LookupPreset(b.Preset); err == nil {
			b.BaseURL = cmp.Or(b.BaseURL, p.BaseURL)
			b.Model = cmp.Or(b.Model, p.Model)
			b.APIKeyEnv = cmp.Or(b.APIKeyEnv, p.APIKeyEnv)
		}
	}
	b.Timeout = cmp.Or(b.Timeout, catalog.DefaultTimeout)
	b.MaxTokens = cmp.Or(b.MaxTokens, catalog.DefaultMaxTokens)
	b.MaxConcurrency = cmp.Or(b.MaxConcurrency, catalog.DefaultConcurrency)
	if b.Temperature == nil {
		t := catalog.DefaultTemperature
		b.Temperature = &t
	}
	if b.Retries == nil {
		r := catalog.DefaultRetries
		b.Retries = &r
	}
	b.FirstTokenTimeout = cmp.Or(b.FirstTokenTimeout, min(catalog.DefaultFirstTokenTimeout, b.Timeout))
	b.RouteTimeout = cmp.Or(b.RouteTimeout, catalog.DefaultRouteTimeout)
	return b
}

var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func (m *Models) validate() []error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	known := func(n string) bool { _, ok := m.Backends[n]; return n == Builtin || ok }
	names := m.Names()
	valid := strings.Join(names, ", ")
	if m.Default == "" {
		m.Default = Builtin
	}
	if !known(m.Default) {
		bad("models.default %q: no such backend; want one of %s", m.Default, valid)
	}
	for _, n := range m.Fallback {
		if !known(n) {
			bad("models.fallback %q: no such backend; want one of %s", n, valid)
		}
	}
	if m.Cooldown < 0 {
		bad("models.cooldown %v: want a positive duration such as 30s", m.Cooldown)
	}
	providers := catalog.Providers()
	for _, name := range names {
		b, ok := m.Backends[name]
		if !ok {
			continue
		}
		at := "models.backends." + name
		if name == Builtin {
			bad("%s: the name builtin is reserved for the built-in composer", at)
			continue
		}
		switch {
		case b.Provider == "":
			bad("%s.provider is empty: want %s", at, strings.Join(providers, " or "))
			continue
		case !slices.Contains(providers, b.Provider):
			bad("%s.provider %q: want %s%s", at, b.Provider, strings.Join(providers, " or "), didYouMean(b.Provider, providers))
			continue
		}
		if b.Preset != "" {
			if b.Provider != catalog.OpenAI {
				bad("%s.preset: presets are for provider openai; give base_url and model instead", at)
			} else if _, err := catalog.LookupPreset(b.Preset); err != nil {
				var presets []string
				for _, p := range catalog.Presets() {
					presets = append(presets, p.Name)
				}
				bad("%s.preset %q: want one of %s%s", at, b.Preset, strings.Join(presets, ", "), didYouMean(b.Preset, presets))
			}
		}
		r := b.Resolved()
		if r.BaseURL == "" {
			bad("%s.base_url is empty: give the server's URL (or a preset)", at)
		} else if err := checkURL(at+".base_url", r.BaseURL); err != nil {
			errs = append(errs, err)
		}
		if r.Model == "" {
			bad("%s.model is empty: name the model the server should run", at)
		}
		if r.APIKeyEnv != "" && !envName.MatchString(r.APIKeyEnv) {
			// Never echo the value: it may be the key itself, pasted by mistake.
			bad("%s.api_key_env must name an environment variable (like DEEPSEEK_API_KEY), not hold the key", at)
		}
		if b.Timeout < 0 {
			bad("%s.timeout %v: want a positive duration such as 60s", at, b.Timeout)
		}
		if b.FirstTokenTimeout < 0 || b.FirstTokenTimeout > r.Timeout {
			bad("%s.first_token_timeout %v: want a positive duration no longer than timeout (%v)", at, b.FirstTokenTimeout, r.Timeout)
		}
		if b.RouteTimeout < 0 {
			bad("%s.route_timeout %v: want a positive duration such as 5s", at, b.RouteTimeout)
		}
		if b.MaxTokens < 0 {
			bad("%s.max_tokens %d: want a positive number", at, b.MaxTokens)
		}
		if t := *r.Temperature; t < 0 || t > 2 {
			bad("%s.temperature %g: want 0 to 2", at, t)
		}
		if b.MaxConcurrency < 0 {
			bad("%s.max_concurrency %d: want a positive number", at, b.MaxConcurrency)
		}
		if n := *r.Retries; n < 0 || n > 10 {
			bad("%s.retries %d: want 0 to 10", at, n)
		}
	}
	return errs
}

// didYouMean suggests the closest of options to s, when close enough.
func didYouMean(s string, options []string) string {
	best, bestD := "", 3
	for _, o := range options {
		if d := levenshtein.ComputeDistance(strings.ToLower(s), o); d < bestD {
			best, bestD = o, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

// Secret is a key read from the environment. Printing or logging it shows
// "[redacted]"; only Reveal gives the value, for the provider client.
type Secret struct{ v string }

// String redacts.
func (s Secret) String() string {
	if s.v == "" {
		return ""
	}
	return "[redacted]"
}

// LogValue redacts in slog output.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// GoString redacts in %#v.
func (s Secret) GoString() string { return "config.Secret{[redacted]}" }

// MarshalText redacts in JSON, YAML and any other text encoding.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Reveal returns the key. Pass it to a provider client and nowhere else.
func (s Secret) Reveal() string { return s.v }

// Empty reports whether no key was found.
func (s Secret) Empty() bool { return s.v == "" }

// APIKey reads the backend's key from its variable. The error, when the
// variable is named but unset, says so in one line, without any value.
func (b Backend) APIKey(getenv func(string) string) (Secret, error) {
	r := b.Resolved()
	if r.APIKeyEnv == "" {
		return Secret{}, nil
	}
	v := strings.TrimSpace(getenv(r.APIKeyEnv))
	if v == "" {
		return Secret{}, fmt.Errorf("the key variable %s is not set", r.APIKeyEnv)
	}
	return Secret{v: v}, nil
}
