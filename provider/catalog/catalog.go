// Package catalog names what a model backend can be, without any SDK: the
// provider names, the built-in composer's name, the presets of known
// OpenAI-compatible servers and the defaults of a backend's settings.
// config validates and resolves backends with it, so neither config nor
// the bot compiles a provider's client; cmd/premortem maps the same
// provider names to their constructors (provider/openai, provider/ollama).
package catalog

import (
	"slices"
	"time"
)

// Provider names, as a backend's "provider" in the config.
const (
	OpenAI = "openai" // any OpenAI-compatible API (provider/openai)
	Ollama = "ollama" // Ollama's own API (provider/ollama)
)

// Builtin is the name of the always-present built-in composer backend.
const Builtin = "builtin"

// providers lists every provider name, in the order messages show them.
var providers = []string{OpenAI, Ollama}

// Providers returns the provider names a backend may use.
func Providers() []string { return slices.Clone(providers) }

// Defaults of a backend's settings, applied where the config leaves them
// out.
const (
	DefaultTimeout     = 60 * time.Second // whole call, retries included
	DefaultMaxTokens   = 800
	DefaultTemperature = 0.3
	DefaultRetries     = 2 // extra attempts on 429, 5xx and connection errors
	DefaultConcurrency = 4 // calls in flight per backend
	// A hosted API sends its first token within a few seconds and answers
	// a router's few tokens in one or two.
	DefaultFirstTokenTimeout = 15 * time.Second // silence before falling back, per attempt
	DefaultRouteTimeout      = 5 * time.Second
)
