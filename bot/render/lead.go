package render

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/situation"
)

// Bounds of the lead, in units.
const (
	maxBold      = 120 // the direct answer's first sentence, bold when this short
	maxSituation = 320 // the founder's situation: one or two lines
)

// leadText is what the answer's embed opens with: a model's narrative as
// it wrote it, or the builtin composer's direct answer and the founder's
// situation as understood (its terminal text, risk by risk, is what the
// fields and buttons show here); an answer without risks (out of scope)
// is its text. A direct answer the conversation already gave keeps only
// its first clause, as the heading of what is new.
func leadText(ans *advisor.Answer, said string) string {
	builtin := ans.Model.Backend == advisor.Builtin
	switch {
	case !builtin || len(ans.Risks) == 0:
		return narrative(ans.Text)
	case ans.Direct == "":
		first, _, _ := strings.Cut(strings.TrimSpace(ans.Text), "\n\n")
		return narrative(first)
	}
	lead := directLines(ans.Direct, ans.Lang, said)
	if sit := situationLines(ans.Situation, ans.Risks, ans.Lang); sit != "" {
		lead += "\n\n" + sit
	}
	return lead
}

var (
	// sourcesTail is the line the advisor adds under a model reply that
	// cited nothing; the fields name those risks already.
	sourcesTail = regexp.MustCompile("\\s*(?:Sources: |来源:)`[a-z0-9-]+`(?:(?:, |、)`[a-z0-9-]+`)*\\s*$")
	// terminalCommand is a hint to run the terminal's `premortem risks`.
	terminalCommand = regexp.MustCompile("(运行 |[Rr]un )?`premortem (risks[^`]*)`")
)

// narrative is a text as chat shows it: trimmed, without the sources line
// the fields repeat, with terminal commands as the slash commands they are
// on Discord.
func narrative(text string) string {
	text = sourcesTail.ReplaceAllString(strings.TrimSpace(text), "")
	return terminalCommand.ReplaceAllStringFunc(text, func(m string) string {
		sub := terminalCommand.FindStringSubmatch(m)
		verb := ""
		switch {
		case strings.HasPrefix(sub[1], "运行"):
			verb = "用 "
		case sub[1] != "":
			verb = "use "
		}
		return verb + "`/" + sub[2] + "`"
	})
}

// directLines is the direct answer, its first sentence in bold when that
// is short enough to stand out; the rest is left out when it was said.
func directLines(direct, lang, said string) string {
	direct = upperFirst(strings.TrimSpace(direct))
	head, rest := firstClause(direct)
	if head == "" || Units(head) > maxBold {
		return direct
	}
	if rest == "" || strings.Contains(said, rest) {
		return "**" + head + "**"
	}
	sep := ""
	if lang == "en" {
		sep = " "
	}
	return "**" + head + "**" + sep + rest
}

// clauseEnds end a direct answer's first clause: a sentence, the dilemma's
// question, the label before a first step.
var clauseEnds = []string{"。", "?", ":", ". "}

// minClause is the shortest first clause worth setting apart.
const minClause = 8

// firstClause splits s after its first clause; head is "" when s has none.
func firstClause(s string) (head, rest string) {
	best := -1
	for _, e := range clauseEnds {
		for from := 0; ; {
			i := strings.Index(s[from:], e)
			if i < 0 {
				break
			}
			end := from + i + len(strings.TrimRight(e, " "))
			if utf8.RuneCountInString(s[:end]) >= minClause {
				if best < 0 || end < best {
					best = end
				}
				break
			}
			from = end
		}
	}
	if best < 0 {
		return "", s
	}
	return s[:best], strings.TrimSpace(s[best:])
}

// situationLines are the founder's facts as read, on one line, and the
// first comparison computed from them that no risk's why already says;
// nothing when every fact was read from an earlier message (a follow-up
// was told them).
func situationLines(v situation.View, risks []advisor.Risk, lang string) string {
	var facts []string
	for _, f := range v.Facts {
		if !f.Earlier {
			facts = append(facts, advisor.FactText(f, lang))
		}
	}
	if len(facts) == 0 {
		return ""
	}
	lines := T(lang, "situation") + strings.Join(facts, " · ")
	for _, c := range v.Comparisons {
		if !inWhy(c.Text, risks) {
			lines += "\n" + c.Text
			break
		}
	}
	return Clip(lines, maxSituation)
}

// inWhy reports whether a risk's why already says the comparison text
// (whys quote comparisons without their "computed from" label).
func inWhy(text string, risks []advisor.Risk) bool {
	core := strings.TrimRight(strings.TrimSpace(text), "。.")
	if _, after, ok := strings.Cut(core, ":"); ok {
		core = strings.TrimSpace(after)
	}
	for _, r := range risks {
		if core != "" && strings.Contains(r.Why, core) {
			return true
		}
	}
	return false
}

// sentences returns s up to the end of its n-th sentence.
func sentences(s string, n int) string {
	parts := splitSentences(s)
	return strings.Join(parts[:min(n, len(parts))], " ")
}

// splitSentences cuts s after each sentence's stop (a "." only before a
// space or the end: not in 1.53亿 or e.g), trimming each.
func splitSentences(s string) []string {
	var out []string
	s = strings.TrimSpace(s)
	from := 0
	for i, r := range s {
		if r != '。' && r != '.' && r != '?' && r != '!' {
			continue
		}
		next := i + utf8.RuneLen(r)
		if r == '.' && next < len(s) && s[next] != ' ' {
			continue
		}
		if x := strings.TrimSpace(s[from:next]); x != "" {
			out = append(out, x)
		}
		from = next
	}
	if x := strings.TrimSpace(s[from:]); x != "" {
		out = append(out, x)
	}
	return out
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r >= 'a' && r <= 'z' {
		return string(unicode.ToUpper(r)) + s[size:]
	}
	return s
}
