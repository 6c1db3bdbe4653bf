package fakellm

import (
	"regexp"
	"strings"
)

// Dynamic replies, read from the ask prompt the advisor sends: its entries
// are lines "- id: `capital`", each followed by its "figure: 1.53亿美元
// (label)" lines.

var (
	entryRe  = regexp.MustCompile("(?m)^- id: `([a-z][a-z0-9-]*)`")
	figureRe = regexp.MustCompile(`(?m)^\s+figure: (\S+)`)
)

// Given returns the entry IDs the prompt offered, in order, and each
// entry's first figure ("" when it has none).
func Given(prompt string) (ids, figures []string) {
	locs := entryRe.FindAllStringSubmatchIndex(prompt, -1)
	for i, l := range locs {
		ids = append(ids, prompt[l[2]:l[3]])
		end := len(prompt)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		fig := ""
		if m := figureRe.FindStringSubmatch(prompt[l[1]:end]); m != nil {
			fig = m[1]
		}
		figures = append(figures, fig)
	}
	return ids, figures
}

// CiteGiven replies citing the first n entries the prompt offered (all of
// them when n <= 0), each with its first figure, in a few chunks.
func CiteGiven(n int) Step {
	return Step{Respond: func(r Request) Step {
		ids, figs := Given(r.LastUser())
		if n > 0 && len(ids) > n {
			ids, figs = ids[:n], figs[:n]
		}
		if len(ids) == 0 {
			return Reply("The entries do not cover this question.")
		}
		chunks := []string{"The risks, most relevant first:"}
		for i, id := range ids {
			c := " `" + id + "`"
			if figs[i] != "" {
				c += " (" + figs[i] + ")"
			}
			chunks = append(chunks, c+";")
		}
		chunks[len(chunks)-1] = strings.TrimSuffix(chunks[len(chunks)-1], ";") + "."
		return Reply(chunks...)
	}}
}

// CiteNothing replies with advice that cites no entry at all.
func CiteNothing() Step {
	return Reply("Watch your costs ", "and talk to customers ", "before you raise again.")
}
