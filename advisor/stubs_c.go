package advisor

import "context"

// TEMPORARY stubs, replaced by backends.go and chain.go.

// Backends is the set of named model backends and the fallback chain.
type Backends struct{}

// BuiltinOnly returns a set with the builtin composer alone.
func BuiltinOnly() *Backends { return &Backends{} }

func (a *Advisor) write(ctx context.Context, req Request, g Grounding, ans *Answer) error {
	g.Question = req.Question
	ans.Text = a.Compose(g)
	ans.Model = ModelInfo{Backend: "builtin", Name: "builtin"}
	return nil
}
