package knowledge

import (
	"fmt"
	"strings"
)

// Article boilerplate markers. The first line of the copy ("打开APP") and
// everything from "相关资讯" on are page furniture, not content.
const (
	articleTitle = "大模型创业:必须跨过的七个宿命"
	articleEnd   = "相关资讯"
)

// ParseArticle splits the article text into paragraphs, numbered from 1:
// the non-empty trimmed lines from the title line up to, not including,
// the "相关资讯" line. The numbering is a contract: citations use it.
func ParseArticle(text string) (*Article, error) {
	var ps []string
	started := false
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if !started {
			if line != articleTitle {
				continue
			}
			started = true
		}
		if line == articleEnd {
			break
		}
		ps = append(ps, line)
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("parse article: title line %q not found", articleTitle)
	}
	return &Article{Paragraphs: ps}, nil
}

// Paragraph returns paragraph n, counting from 1.
func (a *Article) Paragraph(n int) (string, bool) {
	if a == nil || n < 1 || n > len(a.Paragraphs) {
		return "", false
	}
	return a.Paragraphs[n-1], true
}

// Verify checks that c's quote appears verbatim in paragraph c.Paragraph.
func (a *Article) Verify(c Citation) error {
	if strings.TrimSpace(c.Quote) == "" {
		return fmt.Errorf("empty quote for paragraph %d", c.Paragraph)
	}
	p, ok := a.Paragraph(c.Paragraph)
	if !ok {
		n := 0
		if a != nil {
			n = len(a.Paragraphs)
		}
		return fmt.Errorf("paragraph %d out of range 1-%d for quote %s", c.Paragraph, n, short(c.Quote))
	}
	if !strings.Contains(p, c.Quote) {
		return fmt.Errorf("quote not found in paragraph %d: %s", c.Paragraph, short(c.Quote))
	}
	return nil
}

// short quotes s for an error line, cut to a readable length.
func short(s string) string {
	const max = 40
	r := []rune(s)
	if len(r) > max {
		return fmt.Sprintf("%q...", string(r[:max]))
	}
	return fmt.Sprintf("%q", s)
}
