package config

// Models configures the model backends and the fallback chain.
type Models struct {
	Default  string             `yaml:"default"`
	Fallback []string           `yaml:"fallback"`
	Backends map[string]Backend `yaml:"backends"`
}

// Backend is one named model backend.
type Backend struct {
	Provider  string `yaml:"provider"` // openai | ollama
	BaseURL   string `yaml:"base_url"`
	Model     string `yaml:"model"`
	APIKeyEnv string `yaml:"api_key_env"`
}

func (m *Models) defaults() {}

func (m *Models) applyEnv(getenv func(string) string) {
	if v := getenv("PREMORTEM_MODEL"); v != "" {
		m.Default = v
	}
}

func (m *Models) validate() []error { return nil }
