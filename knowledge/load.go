package knowledge

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed data/article.zh.txt
var articleText string

//go:embed data/modes.yaml
var modesYAML []byte

//go:embed data/cases.yaml
var casesYAML []byte

//go:embed data/benchmarks.yaml
var benchmarksYAML []byte

// packKeys are the top-level keys of a knowledge file, as error lines name them.
const packKeys = "modes, benchmarks, cases or stances"

// ArticleText returns the embedded article, exactly as shipped.
func ArticleText() string { return articleText }

// packFile is the schema of every knowledge file, embedded or operator's:
// any of the four lists, nothing else.
type packFile struct {
	Modes      []Mode      `yaml:"modes"`
	Benchmarks []Benchmark `yaml:"benchmarks"`
	Cases      []Case      `yaml:"cases"`
	Stances    []Stance    `yaml:"stances"`
}

// source is one knowledge file: where it came from (for error lines) and
// its bytes.
type source struct {
	name string
	data []byte
}

// Load parses the embedded article and knowledge, adds each operator pack
// (a folder of .yaml files, or one file) and validates the lot. Any
// problem is one error line naming the file and the entry.
func Load(packs ...string) (*Base, error) {
	art, err := ParseArticle(articleText)
	if err != nil {
		return nil, fmt.Errorf("knowledge embedded article: %w", err)
	}
	srcs := []source{
		{"embedded data/modes.yaml", modesYAML},
		{"embedded data/cases.yaml", casesYAML},
		{"embedded data/benchmarks.yaml", benchmarksYAML},
		{"embedded data/stances.yaml", stancesYAML},
	}
	for _, p := range packs {
		more, err := readPack(p)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, more...)
	}
	return build(art, srcs)
}

// readPack lists a pack's files in name order: every .yaml or .yml file in
// the folder (not its subfolders), or the file itself.
func readPack(path string) ([]source, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("knowledge pack %s: %w", path, unwrapPath(err))
	}
	names := []string{path}
	if fi.IsDir() {
		entries, err := os.ReadDir(path)
		if err != nil {
			return nil, fmt.Errorf("knowledge pack %s: %w", path, unwrapPath(err))
		}
		names = names[:0]
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
				names = append(names, filepath.Join(path, e.Name()))
			}
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("knowledge pack %s: no .yaml files in the folder", path)
		}
		slices.Sort(names)
	}
	srcs := make([]source, 0, len(names))
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("knowledge pack %s: %w", n, unwrapPath(err))
		}
		srcs = append(srcs, source{name: "pack " + n, data: data})
	}
	return srcs, nil
}

// unwrapPath drops the path an *os.PathError repeats, since the error line
// already names the file.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// build decodes every source, validates the whole and indexes it.
func build(art *Article, srcs []source) (*Base, error) {
	ds := make([]decoded, len(srcs))
	for i, s := range srcs {
		d, err := decode(s)
		if err != nil {
			return nil, err
		}
		ds[i] = d
	}
	return assemble(art, ds)
}

// decoded is one source's entries.
type decoded struct {
	source
	f packFile
}

func decode(s source) (decoded, error) {
	var f packFile
	if err := decodeStrict(s.data, &f); err != nil {
		return decoded{}, fmt.Errorf("knowledge %s: %w", s.name, err)
	}
	if len(f.Modes)+len(f.Benchmarks)+len(f.Cases)+len(f.Stances) == 0 {
		return decoded{}, fmt.Errorf("knowledge %s: no %s", s.name, packKeys)
	}
	return decoded{s, f}, nil
}

// assemble validates decoded sources as one base; its version hashes the
// article and every file's bytes, so it changes exactly when they do.
func assemble(art *Article, ds []decoded) (*Base, error) {
	b := &Base{Article: art}
	v := newValidator(b)
	h := sha256.New()
	io.WriteString(h, articleText)
	for _, d := range ds {
		v.add(d.name, d.f)
		h.Write(d.data)
	}
	b.index() // lookups for the checks; duplicates are already refused
	if err := v.check(); err != nil {
		return nil, err
	}
	b.Version = "kb-" + hex.EncodeToString(h.Sum(nil))[:8]
	b.names = newNameMatcher(b.Cases)
	return b, nil
}

// decodeStrict decodes one YAML document; unknown fields are errors, and
// a YAML error becomes one line.
func decodeStrict(data []byte, f *packFile) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(f); err != nil {
		if errors.Is(err, io.EOF) {
			return errors.New("empty file")
		}
		return errors.New(yamlLine(err))
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return errors.New("more than one YAML document")
	}
	return nil
}

// yamlLine makes one line of a YAML error: the first problem, and how
// many more there were.
func yamlLine(err error) string {
	var te *yaml.TypeError
	msg := err.Error()
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = te.Errors[0]
		if n := len(te.Errors) - 1; n > 0 {
			msg += fmt.Sprintf(" (and %d more)", n)
		}
	}
	msg = strings.TrimPrefix(msg, "yaml: ")
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	if m := unknownField.FindStringSubmatch(msg); m != nil {
		if m[3] == "packFile" {
			return fmt.Sprintf("%sunknown top-level key %q (want %s)", m[1], m[2], packKeys)
		}
		return fmt.Sprintf("%sunknown field %q in %s", m[1], m[2], strings.ToLower(m[3]))
	}
	return "invalid YAML: " + msg
}

// unknownField matches the YAML decoder's message for a strict-mode miss,
// to say it in the schema's words instead of Go's.
var unknownField = regexp.MustCompile(`^(line \d+: )field (\S+) not found in type knowledge\.(\w+)`)

// index builds the lookup maps over the final slices.
func (b *Base) index() {
	b.modes = make(map[string]*Mode, len(b.Modes))
	for i := range b.Modes {
		b.modes[b.Modes[i].ID] = &b.Modes[i]
	}
	b.benchmarks = make(map[string]*Benchmark, len(b.Benchmarks))
	for i := range b.Benchmarks {
		b.benchmarks[b.Benchmarks[i].ID] = &b.Benchmarks[i]
	}
	b.cases = make(map[string]*Case, len(b.Cases))
	for i := range b.Cases {
		b.cases[b.Cases[i].ID] = &b.Cases[i]
	}
	b.stances = make(map[string]*Stance, len(b.Stances))
	for i := range b.Stances {
		b.stances[b.Stances[i].Mode] = &b.Stances[i]
	}
}
