package config

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// decode reads the YAML document root into c in the user's terms: every
// unknown key and every value of the wrong kind is one problem naming the
// key path and line, what was expected and, for a misspelt key, the nearest
// valid one. Bad entries are dropped so that the rest still decodes and can
// be validated, and all problems are reported at once.
func decode(root *yaml.Node, c *Config) []error {
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil
		}
		root = root.Content[0]
	}
	if root.Kind == 0 || (root.Kind == yaml.ScalarNode && root.Tag == "!!null") {
		return nil // an empty file: the defaults
	}
	var errs []error
	check(root, reflect.TypeOf(*c), "", &errs)
	if err := root.Decode(c); err != nil {
		errs = append(errs, fmt.Errorf("%s", oneLine(err)))
	}
	return errs
}

var (
	durationType   = reflect.TypeOf(time.Duration(0))
	shardCountType = reflect.TypeOf(ShardCount(0))
)

// check walks node against the type t, removing what does not fit.
// It reports false when the node itself is of the wrong kind.
func check(node *yaml.Node, t reflect.Type, path string, errs *[]error) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if node.Kind == yaml.AliasNode {
		node = node.Alias
	}
	if node.Kind == yaml.ScalarNode && node.Tag == "!!null" {
		return true
	}
	bad := func(want string) bool {
		*errs = append(*errs, fmt.Errorf("line %d: %s: want %s, got %s", node.Line, at(path), want, shown(node)))
		return false
	}
	switch {
	case t == shardCountType:
		if _, err := parseShardCount(node.Value); err != nil || node.Kind != yaml.ScalarNode {
			return bad("a whole number or auto")
		}
		return true
	case t == durationType:
		if _, err := time.ParseDuration(node.Value); err != nil || node.Kind != yaml.ScalarNode {
			return bad("a duration such as 30s or 2m")
		}
		return true
	case t.Kind() == reflect.Struct:
		if node.Kind != yaml.MappingNode {
			return bad("a mapping of keys (" + strings.Join(keysOf(t), ", ") + ")")
		}
		keepPairs(node, func(k, v *yaml.Node) bool {
			f, ok := fieldFor(t, k.Value)
			if !ok {
				*errs = append(*errs, fmt.Errorf("line %d: %s: unknown key%s", k.Line, join(path, k.Value), didYouMean(k.Value, keysOf(t))))
				return false
			}
			return check(v, f.Type, join(path, k.Value), errs)
		})
		return true
	case t.Kind() == reflect.Map:
		if node.Kind != yaml.MappingNode {
			return bad("a mapping of names")
		}
		keepPairs(node, func(k, v *yaml.Node) bool { return check(v, t.Elem(), join(path, k.Value), errs) })
		return true
	case t.Kind() == reflect.Slice:
		if node.Kind != yaml.SequenceNode {
			return bad("a list such as [a, b]")
		}
		keep := node.Content[:0]
		for i, v := range node.Content {
			if check(v, t.Elem(), fmt.Sprintf("%s[%d]", path, i), errs) {
				keep = append(keep, v)
			}
		}
		node.Content = keep
		return true
	}
	if node.Kind != yaml.ScalarNode {
		return bad("a single value")
	}
	switch t.Kind() {
	case reflect.Bool:
		if _, err := strconv.ParseBool(node.Value); err != nil || node.Tag != "!!bool" {
			return bad("true or false")
		}
	case reflect.Int, reflect.Int64, reflect.Int32:
		if _, err := strconv.Atoi(node.Value); err != nil {
			return bad("a whole number")
		}
	case reflect.Float64, reflect.Float32:
		if _, err := strconv.ParseFloat(node.Value, 64); err != nil {
			return bad("a number")
		}
	}
	return true
}

// keepPairs keeps the key-value pairs of the mapping node that keep
// accepts, in order, and drops the others.
func keepPairs(node *yaml.Node, keep func(k, v *yaml.Node) bool) {
	kept := node.Content[:0]
	for i := 0; i+1 < len(node.Content); i += 2 {
		if k, v := node.Content[i], node.Content[i+1]; keep(k, v) {
			kept = append(kept, k, v)
		}
	}
	node.Content = kept
}

// fieldFor finds the struct field a YAML key names.
func fieldFor(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("yaml"), ","); name == key && name != "-" {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// keysOf lists the YAML keys a struct accepts.
func keysOf(t reflect.Type) []string {
	var keys []string
	for i := range t.NumField() {
		if name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return keys
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func at(path string) string {
	if path == "" {
		return "the file"
	}
	return path
}

// shown describes a node for an error: a scalar quoted, else its kind.
func shown(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return strconv.Quote(n.Value)
}
