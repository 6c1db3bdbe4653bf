package advisor

import (
	"strings"
)

// Checks after generation. A model's reply goes through, in order:
//  1. stripThink: <think> blocks and stray think tags go;
//  2. filterCitations: `id` / [id] citations of entries the advisor did not
//     give are removed and counted (Checks.DroppedCitations);
//  3. checkFigures: figures absent from the cited entries and the
//     founder's words are marked and listed (Checks.FlaggedFigures);
//  4. a reply citing nothing valid gets a short "Sources" line naming the
//     retrieved risks, so every answer with risks cites them.
// The same first two steps run on the text so far while streaming
// (streamView), so an invented citation never reaches Request.OnDelta.

// grounds is what the checks compare a reply with.
type grounds struct {
	lang    string
	ids     []string          // the risk IDs given to the model, most relevant first
	allowed map[string]bool   // the same, as a set
	corpus  map[string]string // per ID: the entry's title, summary, quotes and figures
	user    string            // the question and history: figures the founder gave
}

// streamView is the checked text so far of a reply still streaming.
func (gr *grounds) streamView(raw string) string {
	return filterCitations(stripThink(raw, false), gr.allowed, false).text
}

// settled reports whether nothing at the end of raw is held back or
// hidden: no open think block, no partial tag, no citation span that may
// still grow. Text appended to a settled raw that holds none of < ` [
// shows unchanged, which lets streaming skip recomputing the whole view.
func (gr *grounds) settled(raw string) bool {
	if strings.LastIndex(raw, thinkOpen) > strings.LastIndex(raw, thinkClose) {
		return false
	}
	s := stripThink(raw, false)
	if len(s) != len(stripThink(raw, true)) {
		return false
	}
	return len(filterCitations(s, gr.allowed, false).text) == len(filterCitations(s, gr.allowed, true).text)
}

// check runs every check on a finished reply. usable is false when nothing
// is left to show.
func (gr *grounds) check(raw string) (text string, c Checks, usable bool) {
	s := stripThink(raw, true)
	cr := filterCitations(s, gr.allowed, true)
	s = cr.text
	if len(cr.dropped) > 0 {
		s = tidyDropped(s)
		c.DroppedCitations = cr.dropped
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return "", c, false
	}
	cited := cr.valid
	if len(cited) == 0 {
		cited = gr.ids
	}
	var corpus strings.Builder
	corpus.WriteString(gr.user)
	for _, id := range cited {
		corpus.WriteString("\n")
		corpus.WriteString(gr.corpus[id])
	}
	s, c.FlaggedFigures = checkFigures(s, corpus.String(), gr.lang)
	if len(cr.valid) == 0 && len(gr.ids) > 0 {
		s += sourcesLine(gr.lang, gr.ids)
	}
	return s, c, true
}

// sourcesLine names the retrieved risks under a reply that cited none.
func sourcesLine(lang string, ids []string) string {
	quoted := make([]string, len(ids))
	for i, id := range ids {
		quoted[i] = "`" + id + "`"
	}
	if lang == "en" {
		return "\n\nSources: " + strings.Join(quoted, ", ")
	}
	return "\n\n来源:" + strings.Join(quoted, "、")
}
