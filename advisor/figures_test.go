package advisor

import (
	"context"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/premortem/premortem/knowledge"
)

// glosses are the knowledge base's English renderings of the article's
// figures ("US$153M" for 1.53亿美元): in its claims, summaries, stances,
// cases, and the composer's money glosses.
func glosses(kb *knowledge.Base) string {
	var b strings.Builder
	claims := func(cs []knowledge.Claim) {
		for _, c := range cs {
			b.WriteString(c.Text.EN + "\n")
		}
	}
	for _, m := range kb.Modes {
		b.WriteString(m.Summary.EN + "\n")
		claims(m.Signals)
		claims(m.Evidence)
		claims(m.Actions)
		if st, ok := kb.Stance(m.ID); ok {
			b.WriteString(st.Answer.EN + "\n" + st.First.EN + "\n")
		}
	}
	for _, c := range kb.Cases {
		b.WriteString(c.Summary.EN + "\n")
		claims(c.Claims)
	}
	for _, x := range kb.Benchmarks {
		b.WriteString(money(&x) + "\n" + x.Label.EN + "\n")
	}
	return b.String()
}

// Every figure a builtin answer shows over the development set is the
// article's, verbatim, or the founder's own, or computed from the
// founder's numbers on a line that says so (a comparison, a reason read
// from their facts, the situation as read).
func TestEveryShownFigureIsGrounded(t *testing.T) {
	data, err := os.ReadFile("../testdata/devset.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var set []struct {
		Q string `yaml:"q"`
	}
	if err := yaml.Unmarshal(data, &set); err != nil {
		t.Fatal(err)
	}
	a := builtinAdvisor(t)
	article := normFigure(knowledge.ArticleText() + "\n" + glosses(a.KB()))
	labels := []string{"按你给的数字计算", "Computed from your numbers", "从你说的看", "From what you said",
		zhWords.situation, enWords.situation, zhWords.favour, enWords.favour}
	checked := 0
	for _, item := range set {
		ans, err := a.Ask(context.Background(), Request{Question: item.Q})
		if err != nil {
			t.Fatalf("%q: %v", item.Q, err)
		}
		q := normFigure(item.Q)
		sit := a.reader.Read(item.Q)
		computed := normFigure(strings.Join(sit.Computed(), "\n"))
		for _, f := range sit.Facts {
			computed += "\n" + normFigure(factText(f, ans.Lang))
		}
		for _, line := range strings.Split(ans.Text, "\n") {
			labelled := false
			for _, l := range labels {
				labelled = labelled || strings.Contains(line, l)
			}
			for _, at := range extractFigures(line) {
				fig := normFigure(line[at[0]:at[1]])
				checked++
				if figureIn(fig, article) || figureIn(fig, q) || labelled && figureIn(fig, computed) {
					continue
				}
				t.Errorf("%q: figure %q is neither the article's, the founder's nor labelled as computed:\n%s", item.Q, fig, line)
			}
		}
	}
	t.Logf("%d figures checked over %d answers", checked, len(set))
}
