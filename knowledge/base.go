package knowledge

// Base is the loaded, validated knowledge: the embedded article data plus
// any operator packs. It is read-only after Load and safe to share.
type Base struct {
	Version    string
	Article    *Article
	Modes      []Mode
	Benchmarks []Benchmark
	Cases      []Case
	Stances    []Stance // one per mode at most; see Stance

	modes      map[string]*Mode
	benchmarks map[string]*Benchmark
	cases      map[string]*Case
	stances    map[string]*Stance // by mode ID
	names      *nameMatcher       // every case name, for CasesNamed
}

// Mode returns the failure mode with id.
func (b *Base) Mode(id string) (*Mode, bool) { m, ok := b.modes[id]; return m, ok }

// Benchmark returns the benchmark with id.
func (b *Base) Benchmark(id string) (*Benchmark, bool) { x, ok := b.benchmarks[id]; return x, ok }

// Case returns the case with id.
func (b *Base) Case(id string) (*Case, bool) { c, ok := b.cases[id]; return c, ok }

// Article is the source text split into paragraphs.
type Article struct {
	Paragraphs []string
}
