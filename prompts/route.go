package prompts

// RouteData is what the route template shows: the failure modes a
// model-backed router chooses among, and the question. The router's
// instructions are in English whatever the question's language; its reply
// is JSON.
type RouteData struct {
	Question string
	Modes    []RouteMode // in the knowledge's order
}

// RouteMode is one failure mode as the router sees it.
type RouteMode struct {
	ID      string
	Title   string
	Summary string
}

// Route returns the one user message asking which failure modes a question
// concerns.
func (t *Templates) Route(d RouteData) (string, error) { return t.exec("route", "en", d) }
