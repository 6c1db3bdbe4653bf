package knowledge

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"go.yaml.in/yaml/v3"
)

// GeneratePack writes a synthetic operator pack of n benchmarks and n/10
// (at least one) cases into dir, for load and retrieval benchmarks at
// scale. Entries copy the figures and citations of the embedded ones, so
// every quote is verbatim and the pack loads like a real one; labels and
// names are numbered ("样例公司42号", "Example Co 42") so a test can find
// one entry among thousands.
func GeneratePack(dir string, n int) error {
	if n < 1 {
		return fmt.Errorf("generate pack: n is %d, want at least 1", n)
	}
	kb, err := Load()
	if err != nil {
		return fmt.Errorf("generate pack: %w", err)
	}
	cases := make([]Case, (n+9)/10)
	for i := range cases {
		t := kb.Cases[i%len(kb.Cases)]
		cases[i] = Case{
			ID:        fmt.Sprintf("pack-case-%d", i),
			Name:      Text{ZH: fmt.Sprintf("样例公司%d号", i), EN: fmt.Sprintf("Example Co %d", i)},
			Modes:     t.Modes,
			Summary:   Text{ZH: fmt.Sprintf("样例公司%d号,情形类似%s。", i, t.Name.ZH), EN: fmt.Sprintf("Example Co %d, in a position like %s's.", i, t.Name.EN)},
			Citations: t.Citations,
			Aliases:   []string{fmt.Sprintf("样例%d", i), fmt.Sprintf("example%d", i)},
		}
	}
	benches := make([]Benchmark, n)
	for i := range benches {
		t := kb.Benchmarks[i%len(kb.Benchmarks)]
		c := i / 10
		benches[i] = Benchmark{
			ID:       fmt.Sprintf("pack-bench-%d", i),
			Modes:    t.Modes,
			Label:    Text{ZH: fmt.Sprintf("样例公司%d号的%s", c, t.Label.ZH), EN: fmt.Sprintf("Example Co %d: %s", c, t.Label.EN)},
			Text:     t.Text,
			Value:    t.Value,
			Unit:     t.Unit,
			Currency: t.Currency,
			Period:   t.Period,
			Entity:   fmt.Sprintf("pack-case-%d", c),
			Citation: t.Citation,
			Keywords: Keywords{ZH: []string{fmt.Sprintf("样例%d", c)}, EN: []string{fmt.Sprintf("example%d", c)}},
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("generate pack: %w", err)
	}
	if err := writeYAML(filepath.Join(dir, "cases.yaml"), packFile{Cases: cases}); err != nil {
		return err
	}
	return writeYAML(filepath.Join(dir, "benchmarks.yaml"), packFile{Benchmarks: benches})
}

func writeYAML(path string, f packFile) error {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		return fmt.Errorf("generate pack %s: %w", path, err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("generate pack: %w", err)
	}
	return nil
}
