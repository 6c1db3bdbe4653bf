package knowledge

import (
	"strings"
	"testing"
)

// FuzzParseArticle: any text parses or fails cleanly, and paragraphs are
// always trimmed and non-empty.
func FuzzParseArticle(f *testing.F) {
	f.Add(ArticleText())
	f.Add("打开APP\n大模型创业:必须跨过的七个宿命\n\n相关资讯")
	f.Add("\r\n\t")
	f.Fuzz(func(t *testing.T, text string) {
		a, err := ParseArticle(text)
		if err != nil {
			return
		}
		for _, p := range a.Paragraphs {
			if p == "" || p != strings.TrimSpace(p) || p == articleEnd {
				t.Fatalf("bad paragraph %q", p)
			}
		}
	})
}

// FuzzPackFile: whatever an operator's file holds, loading it beside the
// embedded data never panics and fails with one line.
func FuzzPackFile(f *testing.F) {
	f.Add([]byte(goodCase))
	f.Add([]byte(goodBench))
	f.Add([]byte("benchmarks:\n  - id: x\n    value: .nan\n    unit: percent\n"))
	f.Add([]byte("modes:\n  - id: new-mode\n    heading: {paragraph: -1}\n"))
	f.Add([]byte("cases: &a [*a]\n"))
	art, err := ParseArticle(articleText)
	if err != nil {
		f.Fatal(err)
	}
	var embedded []decoded
	for _, s := range []source{
		{"embedded data/modes.yaml", modesYAML},
		{"embedded data/cases.yaml", casesYAML},
		{"embedded data/benchmarks.yaml", benchmarksYAML},
	} {
		d, err := decode(s)
		if err != nil {
			f.Fatal(err)
		}
		embedded = append(embedded, d)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := decode(source{"pack fuzz.yaml", data})
		if err == nil {
			_, err = assemble(art, append(embedded[:len(embedded):len(embedded)], d))
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("error is more than one line: %q", err)
		}
	})
}
