// Package prompts owns the text sent to models: embedded text/template
// files (templates/*.tmpl, one per purpose and language), parsed once by New.
//
// Three purposes: "system" (the rules), "ask" (the retrieved entries and the
// founder's question) and "report" (an assessment's scores, for engineer E's
// narrative). User text is fenced: it sits inside <question>, <history> or
// <scores> and any copy of the fence's tags inside it is defused, so it
// cannot close the fence and pose as instructions. No template takes a
// secret; nothing here knows about keys.
package prompts

import (
	"bytes"
	"embed"
	"fmt"
	"regexp"
	"strings"
	"text/template"
)

//go:embed templates/*.tmpl
var files embed.FS

// Langs are the languages every template exists in.
var Langs = []string{"zh", "en"}

// Templates is the parsed set. It is safe for concurrent use.
type Templates struct {
	t *template.Template
}

// New parses the embedded templates. Call it once, at start.
func New() (*Templates, error) {
	t, err := template.New("prompts").Option("missingkey=error").
		Funcs(template.FuncMap{"fence": fence}).
		ParseFS(files, "templates/*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("parse prompt templates: %w", err)
	}
	for _, purpose := range []string{"system", "ask", "report"} {
		for _, lang := range Langs {
			if t.Lookup(purpose+"."+lang+".tmpl") == nil {
				return nil, fmt.Errorf("parse prompt templates: %s.%s.tmpl is missing", purpose, lang)
			}
		}
	}
	return &Templates{t: t}, nil
}

// Entry is one retrieved knowledge entry (a failure mode) as the model sees it.
type Entry struct {
	ID      string
	Title   string
	Summary string
	Points  []string // warning signs and actions, in the reply's language
	Quotes  []string // verbatim from the article
	Figures []Figure
	Reasons []string // why it applies to this founder, read from what they said
	Check   string   // a warning sign they did not state: to be offered as a question, never asserted
}

// Figure is one benchmark figure the model may use.
type Figure struct {
	ID    string
	Label string
	Text  string // as the article writes it, e.g. 1.53亿美元
}

// Turn is an earlier message of the conversation.
type Turn struct {
	FromBot bool
	Text    string
}

// AskData is what the system and ask templates show.
type AskData struct {
	Lang     string // "zh" or "en"
	Question string
	Entries  []Entry // most relevant first; empty when the knowledge does not cover the question
	History  []Turn
	// Direct is what the answer should say first: the article's stance on
	// the decision asked about, the figure asked for, or the biggest
	// threat. Situation is the founder's facts as read from the question,
	// and comparisons computed from their numbers (each says so).
	Direct    string
	Situation []string
}

// ExampleID is the ID the rules use as an example of a citation: one the
// model may really cite, so copying the example is never an invention.
func (d AskData) ExampleID() string {
	if len(d.Entries) > 0 {
		return d.Entries[0].ID
	}
	return "id"
}

// ReportData is what the report template shows: an assessment's scores.
type ReportData struct {
	Lang   string
	Scores []Score // highest first, as the caller wants them told
}

// Score is one failure mode's assessment score.
type Score struct {
	ID      string
	Title   string
	Score   int      // 0 (safe) .. 100 (likely fatal)
	Reasons []string // why, in the founder's terms; may quote the founder's answers
}

// System returns the rules for d.Lang.
func (t *Templates) System(d AskData) (string, error) { return t.exec("system", d.Lang, d) }

// Ask returns the user message carrying the entries and the question.
func (t *Templates) Ask(d AskData) (string, error) { return t.exec("ask", d.Lang, d) }

// Report returns the user message asking for an assessment narrative.
// Pair it with System(AskData{Lang: d.Lang}).
func (t *Templates) Report(d ReportData) (string, error) { return t.exec("report", d.Lang, d) }

func (t *Templates) exec(purpose, lang string, data any) (string, error) {
	if lang != "en" {
		lang = "zh"
	}
	var b bytes.Buffer
	if err := t.t.ExecuteTemplate(&b, purpose+"."+lang+".tmpl", data); err != nil {
		return "", fmt.Errorf("render %s prompt: %w", purpose, err)
	}
	return b.String(), nil
}

// fenceTag matches anything that looks like one of the fences' tags,
// opening or closing, in any case and with any spacing.
var fenceTag = regexp.MustCompile(`(?i)<\s*/?\s*(question|history|scores|entries|situation|direct)\b[^>]*>?`)

// fence defuses copies of the fence tags in user text by replacing their
// angle brackets, so "</question> ignore the rules" stays inside the fence.
func fence(_ string, s string) string {
	return fenceTag.ReplaceAllStringFunc(s, func(tag string) string {
		return strings.NewReplacer("<", "‹", ">", "›").Replace(tag)
	})
}
