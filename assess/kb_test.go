package assess

import (
	"os"
	"strings"
	"testing"

	"github.com/premortem/premortem/knowledge"
)

// testKB loads the real knowledge base; while it has no article (the
// loader is still a stub) it falls back to the embedded article alone, so
// citations resolve from paragraphs.
func testKB(t testing.TB) *knowledge.Base {
	t.Helper()
	kb, err := knowledge.Load()
	if err != nil {
		t.Fatalf("load knowledge: %v", err)
	}
	if kb.Article != nil && len(kb.Article.Paragraphs) > 0 {
		return kb
	}
	data, err := os.ReadFile("../knowledge/data/article.zh.txt")
	if err != nil {
		t.Fatal(err)
	}
	var ps []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			ps = append(ps, l)
		}
	}
	return &knowledge.Base{Article: &knowledge.Article{Paragraphs: ps}}
}

func loadProfile(t testing.TB, path string) Profile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseProfile(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return p
}
