package situation

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// FuzzRead: whatever a founder pastes, Read does not panic, every fact
// quotes the question, every number is finite and in range, the profile
// validates, and every comparison's figures are in its text.
func FuzzRead(f *testing.F) {
	for _, q := range benchQuestions {
		f.Add(q, "")
	}
	for _, g := range goldenQuestions {
		f.Add(g.q, strings.Join(g.history, ""))
	}
	for _, q := range []string{
		"burn -2M 每月, ARR 3000000000000000 USD", "runway 6-9 个月", "1亿5000万", "负500万", "$-3m", "一年半年半", "十多万块",
		"３０００万，每月烧５００万", "100多万", "2,000,000 paying users", "$ 20 / month", "99999999999999999999999999个月",
		"还剩 0 个月", "每月烧0", "账上还有3000万, 每月烧0元", "半", "第3", "H100 64 张", "还是", "64 x H100s", "1M ARR 2M burn 3M cash",
	} {
		f.Add(q, "")
	}
	r := testReader(f)
	f.Fuzz(func(t *testing.T, q, history string) {
		s := r.Read(q, history)
		for _, fc := range s.Facts {
			if fc.Field == "" || fc.Text == "" {
				t.Fatalf("empty fact %+v", fc)
			}
			switch v := fc.Value.(type) {
			case float64:
				if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > 1e13 {
					t.Fatalf("fact %+v out of range", fc)
				}
			case string, bool:
			default:
				t.Fatalf("fact %+v has a %T value", fc, v)
			}
			if !fc.Earlier {
				for _, part := range strings.Split(fc.Text, " / ") {
					if !strings.Contains(q, part) {
						t.Fatalf("fact text %q is not in the question %q", part, q)
					}
				}
			}
		}
		if err := s.Profile.Validate(); err != nil {
			t.Fatalf("profile does not validate: %v", err)
		}
		for _, c := range s.Comparisons {
			if math.IsNaN(c.Theirs) || math.IsInf(c.Theirs, 0) || math.IsNaN(c.Article) {
				t.Fatalf("comparison %+v is not finite", c)
			}
			for _, fig := range c.Figures {
				if !strings.Contains(c.Text.ZH, fig) && !strings.Contains(c.Text.EN, fig) {
					t.Fatalf("figure %q not in comparison %+v", fig, c.Text)
				}
			}
		}
		if len(s.Unread) > maxNotes+1 {
			t.Fatalf("%d notes", len(s.Unread))
		}
		if _, err := json.Marshal(s); err != nil {
			t.Fatalf("marshal: %v", err)
		}
	})
}
