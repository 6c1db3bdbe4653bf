package advisor

import (
	"strings"
	"unicode"
)

// Checks after generation. A model's reply goes through, in order:
//  1. stripThink: <think> blocks and stray think tags go;
//  2. filterCitations: `id` / [id] citations of entries the advisor did not
//     give are removed and counted (Checks.DroppedCitations), and the
//     brackets or separators left around them are tidied;
//  3. markFigures: figures absent from the entries cited up to the end of
//     their sentence (all given entries when none is cited yet) and from
//     the founder's words are marked and listed (Checks.FlaggedFigures);
//  4. a reply citing nothing valid gets a short "Sources" line naming the
//     retrieved risks, so every answer with risks cites them.
//
// The same steps run on the text so far while streaming (view with final
// false). What more text could still change is held back, never shown and
// taken back: an open think block or a partial tag, an unclosed citation
// span with what it might make untidy, the text after a figure whose
// sentence has not ended, trailing space. So every streamed view is a
// prefix of the next and of the final answer, and a terminal can print the
// stream once, as it comes.

// grounds is what the checks compare a reply with.
type grounds struct {
	lang    string
	ids     []string          // the risk IDs given to the model, most relevant first
	allowed map[string]bool   // the same, as a set
	corpus  map[string]string // per ID: the entry's title, summary, quotes and figures
	user    string            // the question and history: figures the founder gave

	norm map[string]string // normalized figure corpus per cited-ID list, built lazily
}

// view is the checked text of a reply, so far or finished.
type view struct {
	text    string
	valid   []string // cited IDs that were given, first citation first
	dropped []string // cited IDs that were not given
	flagged []string // figures the cited entries do not hold
	held    bool     // streaming: something at the end is held back
}

// view checks raw. final says raw is the whole reply.
func (gr *grounds) view(raw string, final bool) view {
	s := stripThink(raw, final)
	held := !final && (len(s) != len(stripThink(raw, true)) || strings.LastIndex(raw, thinkOpen) > strings.LastIndex(raw, thinkClose))
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	cr := filterCitations(s, gr.allowed, final)
	text, flagged, figHeld := markFigures(cr.text, final, gr.lang, func(end int) string { return gr.figureCorpus(cr.citedBefore(end)) })
	v := view{text: text, valid: cr.valid, dropped: cr.dropped, flagged: flagged, held: held || cr.held || figHeld}
	if t := strings.TrimRightFunc(v.text, unicode.IsSpace); len(t) != len(v.text) {
		v.text, v.held = t, v.held || !final
	}
	return v
}

// checkCited runs every check on a finished reply. usable is false when
// nothing is left to show. cited lists the valid IDs the reply itself cited.
func (gr *grounds) checkCited(raw string) (text string, c Checks, cited []string, usable bool) {
	v := gr.view(raw, true)
	c = Checks{DroppedCitations: v.dropped, FlaggedFigures: v.flagged}
	if v.text == "" {
		return "", c, nil, false
	}
	text = v.text
	if len(v.valid) == 0 && len(gr.ids) > 0 {
		text += sourcesLine(gr.lang, gr.ids)
	}
	return text, c, v.valid, true
}

// figureCorpus is what a figure is checked against when the entries in
// cited were cited up to its sentence's end: the founder's words and those
// entries, or every given entry when none was cited yet. Normalized once
// per list.
func (gr *grounds) figureCorpus(cited []string) string {
	key := strings.Join(cited, ",")
	if n, ok := gr.norm[key]; ok {
		return n
	}
	if len(cited) == 0 {
		cited = gr.ids
	}
	var b strings.Builder
	b.WriteString(gr.user)
	for _, id := range cited {
		b.WriteString("\n")
		b.WriteString(gr.corpus[id])
	}
	if gr.norm == nil {
		gr.norm = map[string]string{}
	}
	n := normFigure(b.String())
	gr.norm[key] = n
	return n
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
