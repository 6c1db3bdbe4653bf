package advisor

import "slices"

// CitedRisks returns the risks the answer's text cites, in its order, for
// front ends that show each one's quotes: those a model cited itself, or
// every risk when the builtin composer wrote the text or a model cited
// none (its Sources line then names them all).
func (ans *Answer) CitedRisks() []Risk {
	if len(ans.ModelCited) == 0 {
		return ans.Risks
	}
	var out []Risk
	for _, id := range ans.ModelCited {
		if i := slices.IndexFunc(ans.Risks, func(r Risk) bool { return r.ID == id }); i >= 0 {
			out = append(out, ans.Risks[i])
		}
	}
	return out
}
