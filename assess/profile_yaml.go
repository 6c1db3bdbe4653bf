package assess

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/agnivade/levenshtein"
	"go.yaml.in/yaml/v3"
)

// ParseProfile reads a profile from YAML or JSON (JSON is YAML). Unknown
// fields, wrong types and values outside an enum are errors naming the
// field, one line each; the first is returned.
func ParseProfile(data []byte) (Profile, error) {
	p, _, err := ParseAnswers(data)
	return p, err
}

// ParseAnswers is ParseProfile that also returns the fields the file
// names, in file order, explicit nulls included: a saved wizard marks the
// questions a founder skipped with null, so that a resumed wizard does not
// ask them again.
func ParseAnswers(data []byte) (Profile, []string, error) {
	var p Profile
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return p, nil, errors.New("profile is empty")
		}
		return p, nil, fmt.Errorf("profile is not valid YAML or JSON: %s", oneLine(err))
	}
	root := &doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		return p, nil, fmt.Errorf("profile: want a mapping of field: value (line %d)", root.Line)
	}
	var seen []string
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if slices.Contains(seen, k.Value) {
			return p, nil, fmt.Errorf("profile line %d: field %q is given twice", k.Line, k.Value)
		}
		if _, ok := FieldByName(k.Value); !ok {
			return p, nil, fmt.Errorf("profile line %d: unknown field %q%s", k.Line, k.Value, nearestField(k.Value))
		}
		seen = append(seen, k.Value)
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue // an explicit null is "unknown"
		}
		if err := p.set(k.Value, v); err != nil {
			return p, nil, fmt.Errorf("profile line %d: %w", k.Line, err)
		}
	}
	if err := p.Validate(); err != nil {
		return p, nil, err
	}
	return p, seen, nil
}

// set assigns one field from a YAML node.
func (p *Profile) set(name string, v *yaml.Node) error {
	f, _ := FieldByName(name)
	if v.Kind != yaml.ScalarNode {
		return fmt.Errorf("%s: want a single value, got a list or mapping", name)
	}
	return p.SetAnswer(f, v.Value, v.Tag)
}

// nearestField suggests the schema field closest to a misspelt one.
func nearestField(name string) string {
	best, bestD := "", 4
	for _, f := range Fields {
		if d := levenshtein.ComputeDistance(strings.ToLower(name), f.Name); d < bestD {
			best, bestD = f.Name, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

// YAML returns the profile as YAML, the form `--save` writes.
func (p Profile) YAML() ([]byte, error) { return EncodeProfile(p, nil) }

// EncodeProfile writes p as YAML in the schema's order: numbers as written
// by people (10000000, not 1e+07), and each field in skipped that p leaves
// unanswered as an explicit null. The result ends in a newline and reads
// back with ParseAnswers.
func EncodeProfile(p Profile, skipped []string) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	for _, f := range Fields {
		v := p.value(f.Name)
		if v == "" && !slices.Contains(skipped, f.Name) {
			continue
		}
		val := &yaml.Node{Kind: yaml.ScalarNode, Value: v}
		switch {
		case v == "":
			val.Tag, val.Value = "!!null", "null"
		case f.Kind == KindBool:
			val.Tag = "!!bool"
		case f.Kind == KindChoice:
			val.Tag = "!!str"
			if slices.Contains([]string{"yes", "no"}, v) {
				val.Style = yaml.DoubleQuotedStyle // YAML 1.1 readers take a bare yes for true
			}
		default:
			val.Tag = "!!float"
			if x, err := strconv.ParseFloat(v, 64); err == nil && x == float64(int64(x)) {
				val.Tag = "!!int"
			}
		}
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: f.Name}, val)
	}
	if len(root.Content) == 0 {
		return []byte("{}\n"), nil
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, fmt.Errorf("encode profile: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode profile: %w", err)
	}
	return b.Bytes(), nil
}

func oneLine(err error) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(err.Error(), "yaml: ", "")), " ")
}
