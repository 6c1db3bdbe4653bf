package main

import (
	"context"
	"fmt"
	"log/slog"
	"slices"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/config"
	"github.com/premortem/premortem/llm"
	"github.com/premortem/premortem/provider/ollama"
	"github.com/premortem/premortem/provider/openai"
)

// newModel builds one provider's client for a resolved backend.
type newModel func(b config.Backend, key config.Secret) (llm.Model, error)

// providers is the explicit provider name-to-constructor table; the config
// validates provider names against config.Providers, which lists the same.
func providers() map[string]newModel {
	return map[string]newModel{
		"openai": func(b config.Backend, key config.Secret) (llm.Model, error) {
			return openai.New(openai.Config{BaseURL: b.BaseURL, Model: b.Model, APIKey: key.Reveal()})
		},
		"ollama": func(b config.Backend, _ config.Secret) (llm.Model, error) {
			return ollama.New(ollama.Config{BaseURL: b.BaseURL, Model: b.Model})
		},
	}
}

// buildClient returns the client for the backend called name and its key,
// with the key's problem (if any) for the caller to judge.
func buildClient(name string, b config.Backend, getenv func(string) string) (llm.Model, error, error) {
	r := b.Resolved()
	key, keyErr := r.APIKey(getenv)
	mk, ok := providers()[r.Provider]
	if !ok {
		return nil, keyErr, fmt.Errorf("backend %s: provider %q has no constructor", name, r.Provider)
	}
	m, err := mk(r, key)
	if err != nil {
		return nil, keyErr, fmt.Errorf("backend %s: %w", name, err)
	}
	return m, keyErr, nil
}

// buildBackends turns the validated config into the advisor's backend set.
// A missing key is an error for the default backend (each answer would
// silently come from the fallback), a warning for the fallback chain, and
// a debug line for backends only an admin's /model would pick.
func buildBackends(m config.Models, getenv func(string) string, log *slog.Logger) (*advisor.Backends, error) {
	c := advisor.BackendsConfig{Default: m.Default, Fallback: m.Fallback, Cooldown: m.Cooldown}
	for _, name := range m.Names() {
		b, ok := m.Backends[name]
		if !ok {
			continue // builtin
		}
		model, keyErr, err := buildClient(name, b, getenv)
		if err != nil {
			return nil, err
		}
		if keyErr != nil {
			if name == m.Default {
				return nil, fmt.Errorf("backend %s is the default but %v; set it, or choose another default with PREMORTEM_MODEL", name, keyErr)
			}
			// Only a backend in the fallback chain is used without an admin
			// choosing it; warning about the others on every command is noise.
			level := slog.LevelDebug
			if slices.Contains(m.Fallback, name) {
				level = slog.LevelWarn
			}
			log.Log(context.Background(), level, "model backend has no key; its calls will fail and fall back", "backend", name, "problem", keyErr.Error())
		}
		r := b.Resolved()
		c.Backends = append(c.Backends, advisor.BackendSpec{
			Name:              name,
			Provider:          r.Provider,
			ModelName:         r.Model,
			Model:             model,
			Timeout:           r.Timeout,
			MaxTokens:         r.MaxTokens,
			Temperature:       *r.Temperature,
			MaxConcurrency:    r.MaxConcurrency,
			Retries:           *r.Retries,
			FirstTokenTimeout: r.FirstTokenTimeout,
			Route:             r.Route,
			RouteTimeout:      r.RouteTimeout,
		})
	}
	bs, err := advisor.NewBackends(c)
	if err != nil {
		return nil, fmt.Errorf("model backends: %w", err)
	}
	return bs, nil
}
