package advisor

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/premortem/premortem/llm"
	"github.com/premortem/premortem/prompts"
	"github.com/premortem/premortem/provider/catalog"
)

// Builtin is the name of the deterministic composer backend. It is always
// present and always the last resort of every fallback chain.
const Builtin = catalog.Builtin

// BackendSpec describes one named model backend.
type BackendSpec struct {
	Name      string
	Provider  string // "openai", "ollama", ... for display
	ModelName string // the model the backend asks for
	Model     llm.Model
	Timeout   time.Duration // for the whole call, retries included; 0: 60s
	// FirstTokenTimeout bounds the wait for the first piece of the reply,
	// per attempt; 0: only Timeout applies. A server that has not started
	// answering by then is treated as down and the chain moves on.
	FirstTokenTimeout time.Duration
	// Route also asks this backend, when it is the one asked, which failure
	// modes a question concerns (route.go), under RouteTimeout (0: the
	// first-token timeout, else Timeout).
	Route          bool
	RouteTimeout   time.Duration
	MaxTokens      int // 0: 800
	Temperature    float64
	MaxConcurrency int // calls in flight at once; 0: 4
	Retries        int // extra attempts on 429, 5xx and connection errors; negative: none
}

// BackendsConfig configures a backend set.
type BackendsConfig struct {
	Backends []BackendSpec
	Default  string        // "": builtin
	Fallback []string      // tried in order after the chosen backend; builtin is appended
	Cooldown time.Duration // how long a failed backend is skipped; 0: 30s
	// NoticeAfter is how long a backend may stay silent before the asker
	// is told it is being waited for (Notice); 0: 2s.
	NoticeAfter time.Duration
}

// Defaults for BackendSpec and BackendsConfig zero values: a backend's own
// settings have their one home in provider/catalog; the chain's are here.
const (
	defaultTimeout     = catalog.DefaultTimeout
	defaultMaxTokens   = catalog.DefaultMaxTokens
	defaultConcurrency = catalog.DefaultConcurrency
	defaultCooldown    = 30 * time.Second
	defaultNoticeAfter = 2 * time.Second
)

// backend is one usable backend: its spec and its concurrency semaphore.
type backend struct {
	BackendSpec
	sem chan struct{}
}

// Backends is the set of named model backends, the default and the
// fallback chain. It is safe for concurrent use; the default can change at
// runtime (SetDefault), and each request may name another (Request.Model).
type Backends struct {
	byName   map[string]*backend
	fallback []string
	cooldown time.Duration
	notice   time.Duration
	prompts  *prompts.Templates // nil when there is no model backend
	now      func() time.Time
	sleep    func(time.Duration) <-chan time.Time

	mu        sync.Mutex
	def       string
	downUntil map[string]time.Time
}

// BuiltinOnly returns a set with the builtin composer alone.
func BuiltinOnly() *Backends {
	b, _ := NewBackends(BackendsConfig{})
	return b
}

// NewBackends checks c and returns the set. Unknown default or fallback
// names are errors naming the valid ones.
func NewBackends(c BackendsConfig) (*Backends, error) {
	b := &Backends{
		byName:    map[string]*backend{Builtin: {BackendSpec: BackendSpec{Name: Builtin, Provider: Builtin, ModelName: Builtin}}},
		cooldown:  c.Cooldown,
		notice:    cmp.Or(c.NoticeAfter, defaultNoticeAfter),
		now:       time.Now,
		sleep:     time.After,
		downUntil: map[string]time.Time{},
	}
	if b.cooldown <= 0 {
		b.cooldown = defaultCooldown
	}
	for _, s := range c.Backends {
		switch {
		case s.Name == "" || s.Name == Builtin:
			return nil, fmt.Errorf("backend name %q is reserved or empty", s.Name)
		case b.byName[s.Name] != nil:
			return nil, fmt.Errorf("backend %q is defined twice", s.Name)
		case s.Model == nil:
			return nil, fmt.Errorf("backend %q has no model", s.Name)
		}
		if s.Timeout <= 0 {
			s.Timeout = defaultTimeout
		}
		if s.MaxTokens <= 0 {
			s.MaxTokens = defaultMaxTokens
		}
		if s.MaxConcurrency <= 0 {
			s.MaxConcurrency = defaultConcurrency
		}
		if s.RouteTimeout <= 0 {
			s.RouteTimeout = cmp.Or(s.FirstTokenTimeout, s.Timeout)
		}
		b.byName[s.Name] = &backend{BackendSpec: s, sem: make(chan struct{}, s.MaxConcurrency)}
	}
	if len(c.Backends) > 0 {
		t, err := prompts.New()
		if err != nil {
			return nil, err
		}
		b.prompts = t
	}
	b.def = c.Default
	if b.def == "" {
		b.def = Builtin
	}
	if err := b.known(b.def); err != nil {
		return nil, fmt.Errorf("default: %w", err)
	}
	for _, n := range c.Fallback {
		if err := b.known(n); err != nil {
			return nil, fmt.Errorf("fallback: %w", err)
		}
		if n != Builtin && !slices.Contains(b.fallback, n) {
			b.fallback = append(b.fallback, n)
		}
	}
	return b, nil
}

// known returns ErrUnknownBackend, naming the valid backends, unless name is one.
func (b *Backends) known(name string) error {
	if b.Has(name) {
		return nil
	}
	return fmt.Errorf("%w %q: want one of %s", ErrUnknownBackend, name, strings.Join(b.Names(), ", "))
}

// Names returns the backend names, sorted, builtin included.
func (b *Backends) Names() []string {
	names := make([]string, 0, len(b.byName))
	for n := range b.byName {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Has reports whether name is a backend.
func (b *Backends) Has(name string) bool { _, ok := b.byName[name]; return ok }

// Spec returns the named backend's description.
func (b *Backends) Spec(name string) (BackendSpec, bool) {
	be, ok := b.byName[name]
	if !ok {
		return BackendSpec{}, false
	}
	return be.BackendSpec, true
}

// Default returns the default backend's name.
func (b *Backends) Default() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.def
}

// SetDefault makes name the default for requests that name none.
func (b *Backends) SetDefault(name string) error {
	if err := b.known(name); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.def = name
	return nil
}

// Fallback returns the configured fallback chain, builtin last.
func (b *Backends) Fallback() []string { return append(slices.Clone(b.fallback), Builtin) }

// chain returns the backends to try for a request naming first, in order:
// first, the fallback chain, builtin. Backends cooling down are skipped.
func (b *Backends) chain(first string) []*backend {
	now := b.now()
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []*backend
	seen := map[string]bool{}
	for _, n := range append(append([]string{first}, b.fallback...), Builtin) {
		if seen[n] {
			continue
		}
		seen[n] = true
		if until, ok := b.downUntil[n]; ok && now.Before(until) {
			continue
		}
		out = append(out, b.byName[n])
	}
	return out
}

// isDown reports whether name is cooling down.
func (b *Backends) isDown(name string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	until, ok := b.downUntil[name]
	return ok && b.now().Before(until)
}

// markDown skips name for the cooldown, or for retryAfter when longer.
func (b *Backends) markDown(name string, retryAfter time.Duration) {
	d := max(b.cooldown, retryAfter)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.downUntil[name] = b.now().Add(d)
}

// markUp ends name's cooldown after a success.
func (b *Backends) markUp(name string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.downUntil, name)
}
