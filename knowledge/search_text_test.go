package knowledge

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAnalyze(t *testing.T) {
	v := newVocab()
	tests := []struct {
		name string
		text string
		want []string // the units as written
	}{
		{"chinese", "账上只剩半年现金", []string{"账", "上", "只", "剩", "半", "年", "现", "金"}},
		{"english", "We're Fundraising, ARR 1M.", []string{"we're", "fundraising", "arr", "1m"}},
		{"mixed", "做B端还是To C?", []string{"做", "b", "端", "还", "是", "to", "c"}},
		{"full width", "ＡＩ ＰＣ", []string{"ai", "pc"}},
		{"decimal", "1.53亿美元", []string{"1.53", "亿", "美", "元"}},
		{"empty", "  ,, ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			us, _ := analyze(nil, nil, tc.text, v, true)
			var got []string
			for _, u := range us {
				s := tc.text[u.start:u.end]
				if !u.han {
					s = string(foldString(s))
				}
				got = append(got, s)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("units (-want +got):\n%s", diff)
			}
		})
	}
}

func foldString(s string) []rune {
	var out []rune
	for _, r := range s {
		out = append(out, fold(r))
	}
	return out
}

func TestStemmedLookup(t *testing.T) {
	v := newVocab()
	id := v.add("fundraise")
	if got, _ := v.lookup([]byte("fundraising")); got != id {
		t.Errorf("lookup(fundraising) = %d, want %d (the id of fundraise)", got, id)
	}
	if got, _ := v.lookup([]byte("weather")); got != 0 {
		t.Errorf("lookup(weather) = %d, want 0", got)
	}
}

// TestTypoLookup: after freeze, a word one edit from exactly one known
// word of fuzzyMin letters or more is read as it.
func TestTypoLookup(t *testing.T) {
	v := newVocab()
	traffic, enterprise := v.add("traffic"), v.add("enterprise")
	v.add("plant")
	v.add("plans")
	v.add("leases")
	v.add("snow")
	v.freeze()
	tests := []struct {
		w    string
		want uint32
	}{
		{"tarffic", traffic},       // two letters swapped
		{"trafic", traffic},        // a letter dropped
		{"trafficc", traffic},      // a letter added
		{"trathic", 0},             // two edits
		{"enterprize", enterprise}, // a letter changed
		{"plane", 0},               // one edit from two known words
		{"plnt", 0},                // too short to read typos in
		{"traffic2", 0},            // not letters only
		{"please", 0},              // shares a deletion with "leases", but two edits away
		{"snowy", 0},               // one edit from a word shorter than fuzzyMin
	}
	for _, tt := range tests {
		got, typo := v.lookup([]byte(tt.w))
		if got != tt.want || typo != (tt.want != 0) {
			t.Errorf("lookup(%q) = %d, %v; want %d", tt.w, got, typo, tt.want)
		}
	}
}

func TestConceptsParse(t *testing.T) {
	defs, err := Concepts()
	if err != nil {
		t.Fatal(err)
	}
	if len(defs) < 20 {
		t.Errorf("only %d concepts", len(defs))
	}
	ids := map[string]bool{"market": true, "open-source": true, "scenario": true, "generality": true, "segment": true, "capital": true, "on-device": true}
	for _, d := range defs {
		for m := range d.Modes {
			if !ids[m] {
				t.Errorf("concept %s points at unknown mode %q", d.ID, m)
			}
		}
	}
}

// TestModelSize: a number ending in B after a model's name or before a
// model word counts parameters; after a period, a year or nothing, dollars.
func TestModelSize(t *testing.T) {
	tests := []struct {
		before, after string
		want          bool
	}{
		{"serve a ", " model on two A100s", true},
		{"部署 ", " 模型", true},
		{"serve Llama 3 ", " at 100 rps", true},
		{"serve Qwen2.5 ", " on a laptop", true},
		{"ARR ", " next year", false},
		{"Q3 ", " revenue", false},
		{"in 2024 ", " raised", false},
		{"我们2024年ARR做到", "", false},
		{"raised $", "", false},
	}
	for _, tt := range tests {
		if got := modelSize(tt.before, tt.after); got != tt.want {
			t.Errorf("modelSize(%q, %q) = %v, want %v", tt.before, tt.after, got, tt.want)
		}
	}
}
