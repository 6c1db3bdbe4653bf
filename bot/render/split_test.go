package render

import (
	"strings"
	"testing"
)

func TestSplit(t *testing.T) {
	card := "`market` · 市场\n> 「这是一段引用」 (¶12)\n> 1.53亿美元"
	code := "```\nline one\nline two\n```"
	for _, tc := range []struct {
		name string
		in   string
		max  int
		want []string
	}{
		{"fits", "short", 10, []string{"short"}},
		{"paragraphs", "aaaa\n\nbbbb\n\ncccc", 12, []string{"aaaa\n\nbbbb\n\n", "cccc"}},
		{"lines", "aaaa\nbbbb\ncccc", 10, []string{"aaaa\nbbbb\n", "cccc"}},
		{"words", "aaa bbb ccc", 8, []string{"aaa bbb ", "ccc"}},
		{"runes", "一二三四五六", 4, []string{"一二三四", "五六"}},
		{"emoji stays whole", "a😀b", 2, []string{"a", "😀", "b"}},
		{"card kept whole", "intro\n\n" + card + "\n\nend", 40, []string{"intro\n\n", card, "\n\nend"}},
		{"code kept whole", "x y\n" + code + "\nz", 30, []string{"x y\n" + code + "\n", "z"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Split(tc.in, tc.max)
			if strings.Join(got, "") != tc.in {
				t.Fatalf("pieces %q do not join back", got)
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("split(%q, %d) = %q; want %q", tc.in, tc.max, got, tc.want)
			}
		})
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("intro\n\n`market` · 市场\n> 「引用」\n\n```go\nx := 1\n```\nend", 20)
	f.Add(strings.Repeat("一二三 ", 50), 7)
	f.Add("a\xffb\n\n\n", 2)
	f.Fuzz(func(t *testing.T, s string, limit int) {
		if limit < 0 {
			limit = -limit
		}
		limit = limit%300 + 2
		pieces := Split(s, limit)
		if strings.Join(pieces, "") != s {
			t.Fatalf("pieces %q do not join back to %q", pieces, s)
		}
		spans := protected(s)
		longest := 0
		for _, sp := range spans {
			longest = max(longest, Units(s[sp[0]:sp[1]]))
		}
		off := 0
		for i, p := range pieces {
			if p == "" && s != "" {
				t.Fatalf("empty piece %d", i)
			}
			if Units(p) > limit {
				t.Fatalf("piece %q is %d units, max %d", p, Units(p), limit)
			}
			off += len(p)
			if longest <= limit && off < len(s) {
				for _, sp := range spans {
					if off > sp[0] && off < sp[1] {
						t.Fatalf("cut at %d inside protected %v of %q (max %d)", off, sp, s, limit)
					}
				}
			}
		}
	})
}
