package assess

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMarkdownGolden(t *testing.T) {
	kb := testKB(t)
	for _, tt := range []struct{ name, profile, lang string }{
		{"stability.zh", "../examples/stability.yaml", "zh"},
		{"code-assistant.en", "../examples/code-assistant.yaml", "en"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := Score(kb, loadProfile(t, tt.profile)).Markdown(tt.lang)
			for _, id := range []string{"`market`", "`capital`", "`on-device`"} {
				if !strings.Contains(got, id) {
					t.Errorf("markdown lacks %s", id)
				}
			}
			golden := filepath.Join("testdata", tt.name+".md.golden")
			if *update {
				os.WriteFile(golden, []byte(got), 0o644)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if d := cmp.Diff(string(want), got); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}
