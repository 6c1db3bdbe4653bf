package knowledge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A valid pack entry to break in each case: a case and a benchmark of it.
const goodCase = `
cases:
  - id: acme
    name: {zh: 样例公司, en: Acme}
    modes: [capital]
    summary: {zh: 一家样例公司。, en: An example company.}
    citations:
      - {paragraph: 78, quote: "关键是不能缺钱。"}
`

const goodBench = `
benchmarks:
  - id: acme-cost
    modes: [market]
    label: {zh: 样例成本, en: Example cost}
    text: 1.53亿美元
    value: 153000000
    unit: USD
    currency: USD
    period: "2023"
    entity: acme
    citation: {paragraph: 7, quote: "总预计成本为1.53亿美元"}
`

// A pack mode and its stance, to break in each case; the stance is kept
// apart so a replacement can target it alone.
const goodMode = `
modes:
  - id: acme-fate
    heading: {paragraph: 78, quote: "关键是不能缺钱。"}
    title: {zh: 样例宿命, en: Example fate}
    summary: {zh: 一个样例宿命。, en: An example fate.}
    signals:
      - text: {zh: 样例信号。, en: An example signal.}
        citations: [{paragraph: 78, quote: "关键是不能缺钱。"}]
    actions:
      - text: {zh: 样例行动。, en: An example action.}
        citations: [{paragraph: 78, quote: "关键是不能缺钱。"}]
    keywords: {zh: [样例宿命], en: [example fate]}
`

const goodStance = `
stances:
  - mode: acme-fate
    dilemma: {zh: "买卡还是留钱?", en: "GPUs or cash?"}
    answer: {zh: 钱比卡要紧。, en: Money matters more than GPUs.}
    first: {zh: 先保住现金。, en: Keep the cash first.}
    citations:
      - {paragraph: 78, quote: "关键是不能缺钱。"}
`

// withClaim adds a claims list (and any more case lines) to goodCase.
func withClaim(zh, quote, more string) string {
	return goodCase + more + "    claims:\n      - text: {zh: \"" + zh + "\", en: An example claim.}\n" +
		"        citations: [{paragraph: 78, quote: \"" + quote + "\"}]\n"
}

func TestLoadPackStanceAndClaims(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.yaml", goodMode)
	write(t, dir, "b.yaml", goodStance)
	write(t, dir, "c.yaml", withClaim("样例说法。", "关键是不能缺钱。", "    aliases: [Acme]\n    match_case: [Acme]\n    false_friends: [Acme Road]\n"))
	b := mustLoad(t, dir)
	if s, ok := b.Stance("acme-fate"); !ok || s.Answer.EN != "Money matters more than GPUs." {
		t.Errorf("pack stance = %+v, %v", s, ok)
	}
	if c, ok := b.Case("acme"); !ok || len(c.Claims) != 1 {
		t.Errorf("pack case = %+v, %v", c, ok)
	}
	if got := caseIDs(b.CasesNamed("Acme, acme, Acme Road")); len(got) != 1 || got[0] != "acme" {
		t.Errorf("CasesNamed = %v, want [acme] once", got)
	}
	// A pack mode needs no stance.
	only := t.TempDir()
	write(t, only, "a.yaml", goodMode)
	if _, ok := mustLoad(t, only).Stance("acme-fate"); ok {
		t.Error("stance found for a mode without one")
	}
}

func TestLoadPack(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.yaml", goodCase)
	write(t, dir, "b.yml", goodBench)
	write(t, dir, "notes.txt", "not knowledge")
	b := mustLoad(t, dir)
	if _, ok := b.Case("acme"); !ok {
		t.Error("pack case acme missing")
	}
	if x, ok := b.Benchmark("acme-cost"); !ok || x.Entity != "acme" {
		t.Errorf("pack benchmark = %+v, %v", x, ok)
	}
	// One file works as a pack too.
	if _, err := Load(filepath.Join(dir, "a.yaml")); err != nil {
		t.Error(err)
	}
}

// TestBadPacks gives each broken pack its one-line message. DIR stands for
// the pack folder.
func TestBadPacks(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // "" as a name: no files at all
		want  string
	}{
		{"malformed YAML", map[string]string{"x.yaml": "cases: [\n  - id: acme\n"},
			`knowledge pack DIR/x.yaml: invalid YAML: line 1: did not find expected node content`},
		{"tab indentation", map[string]string{"x.yaml": "cases:\n\t- id: acme\n"},
			`knowledge pack DIR/x.yaml: invalid YAML: line 2: found character that cannot start any token`},
		{"unknown top-level key", map[string]string{"x.yaml": "risks: []\n"},
			`knowledge pack DIR/x.yaml: line 1: unknown top-level key "risks" (want modes, benchmarks, cases or stances)`},
		{"unknown field", map[string]string{"x.yaml": strings.Replace(goodBench, "    unit: USD", "    units: USD", 1)},
			`knowledge pack DIR/x.yaml: line 8: unknown field "units" in benchmark`},
		{"wrong type", map[string]string{"x.yaml": strings.Replace(goodBench, "value: 153000000", "value: lots", 1)},
			"knowledge pack DIR/x.yaml: invalid YAML: line 7: cannot unmarshal !!str `lots` into float64"},
		{"empty file", map[string]string{"x.yaml": "# nothing\n"},
			`knowledge pack DIR/x.yaml: empty file`},
		{"nothing in it", map[string]string{"x.yaml": "cases: []\n"},
			`knowledge pack DIR/x.yaml: no modes, benchmarks, cases or stances`},
		{"two documents", map[string]string{"x.yaml": goodCase + "---\n" + goodBench},
			`knowledge pack DIR/x.yaml: more than one YAML document`},
		{"no yaml files", map[string]string{"readme.txt": "hi"},
			`knowledge pack DIR: no .yaml files in the folder`},
		{"duplicate of embedded", map[string]string{"x.yaml": strings.Replace(goodBench, "acme-cost", "stability-cost-2023", 1), "y.yaml": goodCase},
			`knowledge pack DIR/x.yaml: benchmark "stability-cost-2023": duplicate id (already a benchmark in embedded data/benchmarks.yaml)`},
		{"redefines a fixed mode", map[string]string{"x.yaml": "modes:\n  - id: market\n"},
			`knowledge pack DIR/x.yaml: mode "market": duplicate id (already a mode in embedded data/modes.yaml)`},
		{"duplicate across kinds", map[string]string{"x.yaml": strings.Replace(goodCase, "id: acme", "id: capital", 1)},
			`knowledge pack DIR/x.yaml: case "capital": duplicate id (already a mode in embedded data/modes.yaml)`},
		{"duplicate across files", map[string]string{"x.yaml": goodCase, "y.yaml": goodCase},
			`knowledge pack DIR/y.yaml: case "acme": duplicate id (already a case in pack DIR/x.yaml)`},
		{"bad id", map[string]string{"x.yaml": strings.Replace(goodCase, "id: acme", "id: Acme Inc", 1)},
			`knowledge pack DIR/x.yaml: case "Acme Inc": id must be lower-case kebab-case (like stability-cost-2023)`},
		{"unknown mode", map[string]string{"x.yaml": strings.Replace(goodCase, "modes: [capital]", "modes: [money]", 1)},
			`knowledge pack DIR/x.yaml: case "acme": modes: unknown mode "money"`},
		{"reference of the wrong kind", map[string]string{"x.yaml": strings.Replace(goodCase, "modes: [capital]", "modes: [zhipu]", 1)},
			`knowledge pack DIR/x.yaml: case "acme": modes: "zhipu" is a case, not a mode`},
		{"unknown entity", map[string]string{"x.yaml": goodBench},
			`knowledge pack DIR/x.yaml: benchmark "acme-cost": entity: unknown case "acme" (an entity that is not a case needs a free name, like "Tesla")`},
		{"quote not verbatim", map[string]string{"x.yaml": goodCase, "y.yaml": strings.Replace(goodBench, "总预计成本为1.53亿美元", "总成本为1.53亿美元", 1)},
			`knowledge pack DIR/y.yaml: benchmark "acme-cost": quote not found in paragraph 7: "总成本为1.53亿美元"`},
		{"masked character restored", map[string]string{"x.yaml": strings.Replace(goodCase, `{paragraph: 78, quote: "关键是不能缺钱。"}`, `{paragraph: 5, quote: "最的原因"}`, 1)},
			`knowledge pack DIR/x.yaml: case "acme": quote not found in paragraph 5: "最的原因"`},
		{"paragraph out of range", map[string]string{"x.yaml": strings.Replace(goodCase, "paragraph: 78", "paragraph: 120", 1)},
			`knowledge pack DIR/x.yaml: case "acme": paragraph 120 out of range 1-99 for quote "关键是不能缺钱。"`},
		{"no citation", map[string]string{"x.yaml": strings.Split(goodCase, "    citations:")[0]},
			`knowledge pack DIR/x.yaml: case "acme": citations: none given`},
		{"missing English", map[string]string{"x.yaml": strings.Replace(goodCase, "en: An example company.", "en: \"\"", 1)},
			`knowledge pack DIR/x.yaml: case "acme": summary: missing en`},
		{"missing Chinese", map[string]string{"x.yaml": goodCase, "y.yaml": strings.Replace(goodBench, "zh: 样例成本, ", "", 1)},
			`knowledge pack DIR/y.yaml: benchmark "acme-cost": label: missing zh`},
		{"figure outside its quote", map[string]string{"x.yaml": goodCase, "y.yaml": strings.Replace(goodBench, "text: 1.53亿美元", "text: 1100万美元", 1)},
			`knowledge pack DIR/y.yaml: benchmark "acme-cost": text "1100万美元" is not inside its quote "总预计成本为1.53亿美元"`},
		{"unknown unit", map[string]string{"x.yaml": goodCase, "y.yaml": strings.Replace(goodBench, "unit: USD", "unit: dollars", 1)},
			`knowledge pack DIR/y.yaml: benchmark "acme-cost": unit "dollars" unknown (want one of USD, CNY, CNY-per-year, CNY-per-month, CNY-per-1k-tokens, percent, ratio, count, params, MWh, km, years, months, date)`},
		{"currency contradicts unit", map[string]string{"x.yaml": goodCase, "y.yaml": strings.Replace(goodBench, "currency: USD", "currency: CNY", 1)},
			`knowledge pack DIR/y.yaml: benchmark "acme-cost": currency "CNY" does not match unit USD (want USD)`},
		{"negative value", map[string]string{"x.yaml": goodCase, "y.yaml": strings.Replace(goodBench, "value: 153000000", "value: -1", 1)},
			`knowledge pack DIR/y.yaml: benchmark "acme-cost": value -1 must be a positive number`},
		{"percent over 100", map[string]string{"x.yaml": goodCase, "y.yaml": strings.NewReplacer("unit: USD", "unit: percent", "currency: USD", "currency: \"\"").Replace(goodBench)},
			`knowledge pack DIR/y.yaml: benchmark "acme-cost": value 1.53e+08 is over 100 percent`},
		{"second stance for a mode", map[string]string{"x.yaml": strings.Replace(goodStance, "acme-fate", "capital", 1)},
			`knowledge pack DIR/x.yaml: stance "capital": a second stance for the mode (already one in embedded data/stances.yaml)`},
		{"stance for an unknown mode", map[string]string{"x.yaml": strings.Replace(goodStance, "acme-fate", "money", 1)},
			`knowledge pack DIR/x.yaml: stance "money": mode: unknown mode "money"`},
		{"stance for a case", map[string]string{"x.yaml": strings.Replace(goodStance, "acme-fate", "zhipu", 1)},
			`knowledge pack DIR/x.yaml: stance "zhipu": mode: "zhipu" is a case, not a mode`},
		{"stance quote not verbatim", map[string]string{"x.yaml": goodMode, "y.yaml": strings.Replace(goodStance, "关键是不能缺钱", "关键是不缺钱", 1)},
			`knowledge pack DIR/y.yaml: stance "acme-fate": quote not found in paragraph 78: "关键是不缺钱。"`},
		{"stance without citations", map[string]string{"x.yaml": goodMode, "y.yaml": strings.Split(goodStance, "    citations:")[0]},
			`knowledge pack DIR/y.yaml: stance "acme-fate": citations: none given`},
		{"stance with too many citations", map[string]string{"x.yaml": goodMode, "y.yaml": goodStance + strings.Repeat("      - {paragraph: 78, quote: \"关键是不能缺钱。\"}\n", 3)},
			`knowledge pack DIR/y.yaml: stance "acme-fate": citations: 4 given, at most 3`},
		{"stance missing English", map[string]string{"x.yaml": goodMode, "y.yaml": strings.Replace(goodStance, "en: Money matters more than GPUs.", "en: \"\"", 1)},
			`knowledge pack DIR/y.yaml: stance "acme-fate": answer: missing en`},
		{"unknown field in stance", map[string]string{"x.yaml": strings.Replace(goodStance, "    answer:", "    answers:", 1)},
			`knowledge pack DIR/x.yaml: line 5: unknown field "answers" in stance`},
		{"claim quote not verbatim", map[string]string{"x.yaml": withClaim("样例说法。", "关键是不缺钱。", "")},
			`knowledge pack DIR/x.yaml: case "acme": claims[0]: quote not found in paragraph 78: "关键是不缺钱。"`},
		{"claim missing Chinese", map[string]string{"x.yaml": withClaim("", "关键是不能缺钱。", "")},
			`knowledge pack DIR/x.yaml: case "acme": claims[0]: text: missing zh`},
		{"match_case not an alias", map[string]string{"x.yaml": goodCase + "    aliases: [Acme]\n    match_case: [ACME]\n"},
			`knowledge pack DIR/x.yaml: case "acme": match_case: "ACME" is not one of the aliases`},
		{"false friend without a name", map[string]string{"x.yaml": goodCase + "    aliases: [Acme]\n    false_friends: [roadrunner]\n"},
			`knowledge pack DIR/x.yaml: case "acme": false_friends: "roadrunner" contains none of the case's names`},
		{"false friend that is a name", map[string]string{"x.yaml": goodCase + "    aliases: [Acme]\n    false_friends: [acme]\n"},
			`knowledge pack DIR/x.yaml: case "acme": false_friends: "acme" is one of the case's names`},
		{"alias of punctuation only", map[string]string{"x.yaml": goodCase + "    aliases: [\"--\"]\n"},
			`knowledge pack DIR/x.yaml: case "acme": aliases: "--" has no letter, digit or character`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, body := range tc.files {
				write(t, dir, name, body)
			}
			_, err := Load(dir)
			if err == nil {
				t.Fatal("loaded")
			}
			got := strings.ReplaceAll(err.Error(), dir, "DIR")
			if got != tc.want {
				t.Errorf("error\n got: %s\nwant: %s", got, tc.want)
			}
			if strings.Contains(got, "\n") {
				t.Errorf("error is more than one line: %q", got)
			}
		})
	}
}

func TestMissingPack(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "nope")
	_, err := Load(dir)
	if err == nil || err.Error() != "knowledge pack "+dir+": no such file or directory" {
		t.Errorf("err = %v", err)
	}
}

func write(t *testing.T, dir, name, body string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}
