package knowledge

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
)

// Units a benchmark may use. Money units start with their currency, which
// the benchmark's Currency must repeat; other units take no currency.
var benchmarkUnits = []string{
	"USD", "CNY", "CNY-per-year", "CNY-per-month", "CNY-per-1k-tokens",
	"percent", "ratio", "count", "params", "MWh", "km", "years", "months",
	"date", // value YYYYMM
}

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// validator gathers entries from every file, remembering where each came
// from, then checks the whole: an entry's references may point into any file.
type validator struct {
	b      *Base
	origin map[string]string // entry key ("mode market") -> file
	kind   map[string]string // id -> kind, for duplicate and reference checks
	err    error             // the first duplicate found while adding

	stanceAt map[string]string // mode ID -> file of its stance (stances.go)
}

func newValidator(b *Base) *validator {
	return &validator{b: b, origin: map[string]string{}, kind: map[string]string{}, stanceAt: map[string]string{}}
}

func (v *validator) add(src string, f packFile) {
	for _, m := range f.Modes {
		v.claim(src, "mode", m.ID)
		v.b.Modes = append(v.b.Modes, m)
	}
	for _, c := range f.Cases {
		v.claim(src, "case", c.ID)
		v.b.Cases = append(v.b.Cases, c)
	}
	for _, x := range f.Benchmarks {
		v.claim(src, "benchmark", x.ID)
		v.b.Benchmarks = append(v.b.Benchmarks, x)
	}
	v.addStances(src, f.Stances)
}

// claim records that src defines kind id; the first clash is an error.
func (v *validator) claim(src, kind, id string) {
	if v.err != nil {
		return
	}
	switch {
	case !idPattern.MatchString(id):
		v.err = fmt.Errorf("knowledge %s: %s %q: id must be lower-case kebab-case (like stability-cost-2023)", src, kind, id)
	case v.kind[id] != "":
		prev := v.kind[id]
		v.err = fmt.Errorf("knowledge %s: %s %q: duplicate id (already a %s in %s)", src, kind, id, prev, v.origin[prev+" "+id])
	default:
		v.kind[id] = kind
		v.origin[kind+" "+id] = src
	}
}

// check validates every entry; the first problem is the error.
func (v *validator) check() error {
	if v.err != nil {
		return v.err
	}
	for _, id := range ModeIDs {
		if v.kind[id] != "mode" {
			return fmt.Errorf("knowledge: the fixed failure mode %q is missing", id)
		}
	}
	for i := range v.b.Modes {
		m := &v.b.Modes[i]
		if err := v.mode(m); err != nil {
			return v.wrap("mode", m.ID, err)
		}
	}
	for i := range v.b.Cases {
		c := &v.b.Cases[i]
		if err := v.caseEntry(c); err != nil {
			return v.wrap("case", c.ID, err)
		}
	}
	for i := range v.b.Benchmarks {
		x := &v.b.Benchmarks[i]
		if err := v.benchmark(x); err != nil {
			return v.wrap("benchmark", x.ID, err)
		}
	}
	return v.checkStances()
}

func (v *validator) wrap(kind, id string, err error) error {
	return fmt.Errorf("knowledge %s: %s %q: %w", v.origin[kind+" "+id], kind, id, err)
}

func (v *validator) mode(m *Mode) error {
	if err := v.b.Article.Verify(m.Heading); err != nil {
		return fmt.Errorf("heading: %w", err)
	}
	if err := errors.Join(both("title", m.Title), both("summary", m.Summary)); err != nil {
		return firstErr(err)
	}
	for _, g := range []struct {
		name   string
		claims []Claim
	}{{"signals", m.Signals}, {"actions", m.Actions}, {"evidence", m.Evidence}} {
		if len(g.claims) == 0 && g.name != "evidence" {
			return fmt.Errorf("%s: none given", g.name)
		}
		for i, c := range g.claims {
			if err := v.claimOK(c); err != nil {
				return fmt.Errorf("%s[%d]: %w", g.name, i, err)
			}
		}
	}
	if err := v.refs("cases", "case", m.Cases); err != nil {
		return err
	}
	if err := v.refs("benchmarks", "benchmark", m.Benchmarks); err != nil {
		return err
	}
	if err := v.backRefs(m); err != nil {
		return err
	}
	if len(m.Keywords.ZH) == 0 || len(m.Keywords.EN) == 0 {
		return errors.New("keywords: need both zh and en")
	}
	return words("keywords", m.Keywords)
}

func (v *validator) claimOK(c Claim) error {
	if err := both("text", c.Text); err != nil {
		return err
	}
	return v.cites(c.Citations)
}

func (v *validator) cites(cs []Citation) error {
	if len(cs) == 0 {
		return errors.New("citations: none given")
	}
	for _, c := range cs {
		if err := v.b.Article.Verify(c); err != nil {
			return err
		}
	}
	return nil
}

func (v *validator) caseEntry(c *Case) error {
	if err := errors.Join(both("name", c.Name), both("summary", c.Summary)); err != nil {
		return firstErr(err)
	}
	if len(c.Modes) == 0 {
		return errors.New("modes: none given")
	}
	if err := v.refs("modes", "mode", c.Modes); err != nil {
		return err
	}
	for _, a := range c.Aliases {
		if strings.TrimSpace(a) == "" {
			return errors.New("aliases: empty alias")
		}
	}
	if err := caseNamesOK(c); err != nil {
		return err
	}
	for i, cl := range c.Claims {
		if err := v.claimOK(cl); err != nil {
			return fmt.Errorf("claims[%d]: %w", i, err)
		}
	}
	return v.cites(c.Citations)
}

func (v *validator) benchmark(x *Benchmark) error {
	if len(x.Modes) == 0 {
		return errors.New("modes: none given")
	}
	if err := v.refs("modes", "mode", x.Modes); err != nil {
		return err
	}
	if err := both("label", x.Label); err != nil {
		return err
	}
	if err := v.b.Article.Verify(x.Citation); err != nil {
		return err
	}
	switch {
	case strings.TrimSpace(x.Text) == "":
		return errors.New("text: the figure as the article writes it is missing")
	case !strings.Contains(x.Citation.Quote, x.Text):
		return fmt.Errorf("text %q is not inside its quote %s", x.Text, short(x.Citation.Quote))
	case strings.TrimSpace(x.Entity) == "":
		return errors.New("entity: missing")
	case idPattern.MatchString(x.Entity) && v.kind[x.Entity] != "case":
		return fmt.Errorf("entity: unknown case %q (an entity that is not a case needs a free name, like \"Tesla\")", x.Entity)
	}
	return benchValue(x)
}

// benchValue checks value, unit and currency agree.
func benchValue(x *Benchmark) error {
	if !slices.Contains(benchmarkUnits, x.Unit) {
		return fmt.Errorf("unit %q unknown (want one of %s)", x.Unit, strings.Join(benchmarkUnits, ", "))
	}
	cur := ""
	if strings.HasPrefix(x.Unit, "USD") || strings.HasPrefix(x.Unit, "CNY") {
		cur = x.Unit[:3]
	}
	switch {
	case x.Currency != cur && cur != "":
		return fmt.Errorf("currency %q does not match unit %s (want %s)", x.Currency, x.Unit, cur)
	case x.Currency != cur:
		return fmt.Errorf("currency %q given for unit %s, which is not money", x.Currency, x.Unit)
	case math.IsNaN(x.Value) || math.IsInf(x.Value, 0) || x.Value <= 0:
		return fmt.Errorf("value %v must be a positive number", x.Value)
	case x.Unit == "percent" && x.Value > 100:
		return fmt.Errorf("value %v is over 100 percent", x.Value)
	}
	return nil
}

// backRefs checks that what a mode lists points back at it: a benchmark or
// case the mode names must name the mode too, or the data contradicts itself.
// It runs after refs, so every ID resolves in the base's index.
func (v *validator) backRefs(m *Mode) error {
	for _, id := range m.Benchmarks {
		if x, _ := v.b.Benchmark(id); !slices.Contains(x.Modes, m.ID) {
			return fmt.Errorf("benchmarks: %q does not list mode %q among its modes", id, m.ID)
		}
	}
	for _, id := range m.Cases {
		if c, _ := v.b.Case(id); !slices.Contains(c.Modes, m.ID) {
			return fmt.Errorf("cases: %q does not list mode %q among its modes", id, m.ID)
		}
	}
	return nil
}

// refs checks every id in list names an entry of kind, once.
func (v *validator) refs(field, kind string, ids []string) error {
	for i, id := range ids {
		if got := v.kind[id]; got != kind {
			if got != "" {
				return fmt.Errorf("%s: %q is a %s, not a %s", field, id, got, kind)
			}
			return fmt.Errorf("%s: unknown %s %q", field, kind, id)
		}
		if slices.Contains(ids[:i], id) {
			return fmt.Errorf("%s: %q listed twice", field, id)
		}
	}
	return nil
}

// both checks t has both languages.
func both(field string, t Text) error {
	if strings.TrimSpace(t.ZH) == "" {
		return fmt.Errorf("%s: missing zh", field)
	}
	if strings.TrimSpace(t.EN) == "" {
		return fmt.Errorf("%s: missing en", field)
	}
	return nil
}

func words(field string, k Keywords) error {
	for _, w := range append(slices.Clone(k.ZH), k.EN...) {
		if strings.TrimSpace(w) == "" {
			return fmt.Errorf("%s: empty word", field)
		}
	}
	return nil
}

// firstErr keeps the first of joined errors, so a message stays one line.
func firstErr(err error) error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()[0]
	}
	return err
}
