package advisor

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/premortem/premortem/knowledge"
)

// Conversation. In a thread, a reply chain, a DM or `premortem chat`, a
// follow-up ("具体该怎么做?", "and the second one?") says little on its own:
// retrieval would call it off-topic. When a question finds nothing by
// itself, names no topic of its own and reads as a follow-up (it refers
// back or asks to go on), the risks the earlier answers cited are the
// risks it asks about, in the order they were cited; an ordinal ("the
// second one", "第二个") puts that risk first. The founder's earlier
// messages also feed the situation (their numbers still hold).

// CapHistory keeps the newest turns (given newest first) within maxTurns
// and maxChars runes, returning them oldest first and whether any were
// left out (more: older turns are already known to be missing). Blank
// turns are skipped. The bot and `premortem chat` share it.
func CapHistory(newestFirst []Turn, maxTurns, maxChars int, more bool) ([]Turn, bool) {
	var out []Turn
	chars := 0
	cut := more
	for i, tr := range newestFirst {
		n := utf8.RuneCountInString(tr.Text)
		if len(out) == maxTurns || chars+n > maxChars {
			cut = cut || i < len(newestFirst)
			break
		}
		if strings.TrimSpace(tr.Text) == "" {
			continue
		}
		out = append(out, tr)
		chars += n
	}
	slices.Reverse(out)
	return out, cut
}

// maxFollowUpRunes bounds a follow-up: a long message carries its own topic.
const maxFollowUpRunes = 80

// followUpCues are the words by which a short message refers back to the
// conversation or asks it to go on. They are grammar, not topics: none
// names a failure mode.
var followUpCues = []string{
	// Chinese: referring back, asking to go on or to be concrete.
	"具体", "怎么做", "怎么办", "如何做", "该做", "先做", "下一步", "然后呢", "还有呢", "详细", "展开",
	"举个例", "例子", "为什么", "这个", "那个", "这些", "那些", "第一个", "第二个", "第三个", "第一条", "第二条", "第三条",
	"上面", "刚才", "你说的",
	// English.
	"that", "this", "those", "these", "them", "first one", "second one", "third one", "last one",
	"the first", "the second", "the third", "more", "elaborate", "explain", "example", "specifically",
	"concretely", "next step", "how do we", "how do i", "how should", "what should", "what do we do", "why",
	"go on", "tell me more",
}

// ordinals map an ordinal cue to a position in the earlier answer's risks.
var ordinals = []struct {
	cues []string
	at   int
}{
	{[]string{"第一个", "第一条", "first one", "the first"}, 0},
	{[]string{"第二个", "第二条", "second one", "the second"}, 1},
	{[]string{"第三个", "第三条", "third one", "the third"}, 2},
}

// isFollowUp reports whether q reads as a follow-up to a conversation.
func isFollowUp(q string) bool {
	if utf8.RuneCountInString(q) > maxFollowUpRunes {
		return false
	}
	lq := strings.ToLower(q)
	for _, c := range followUpCues {
		if hasCue(lq, c) {
			return true
		}
	}
	return false
}

// hasCue finds c in lq; Latin cues must stand as whole words.
func hasCue(lq, c string) bool {
	if c[0] >= 0x80 {
		return strings.Contains(lq, c)
	}
	for i := 0; ; {
		j := strings.Index(lq[i:], c)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(c)
		if (j == 0 || !isLatin(lq[j-1])) && (end == len(lq) || !isLatin(lq[end])) {
			return true
		}
		i = j + 1
	}
}

func isLatin(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// citedIDs returns the failure-mode IDs the bot's turns cited as code
// (`market`), newest turn first, each once.
func citedIDs(history []Turn) []string {
	var ids []string
	for i := len(history) - 1; i >= 0; i-- {
		t := history[i]
		if !t.FromBot {
			continue
		}
		for _, id := range knowledge.ModeIDs {
			if at := strings.Index(t.Text, "`"+id+"`"); at >= 0 && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
		if len(ids) > 0 {
			// The newest answer that cited anything is the one asked about;
			// keep its own order of appearance.
			slices.SortStableFunc(ids, func(a, b string) int {
				return strings.Index(t.Text, "`"+a+"`") - strings.Index(t.Text, "`"+b+"`")
			})
			return ids
		}
	}
	return nil
}

// founderTexts returns what the founder said earlier, oldest first.
func founderTexts(history []Turn) []string {
	var out []string
	for _, t := range history {
		if !t.FromBot {
			out = append(out, t.Text)
		}
	}
	return out
}

// followUpResult answers a follow-up with the risks the conversation
// already discussed: a Result ranking them as the earlier answer did, or an
// ordinal's choice first, searched with the founder's earlier words so
// that evidence and figures fit the conversation.
func (a *Advisor) followUpResult(q string, history []Turn) (knowledge.Result, bool) {
	if len(history) == 0 || !isFollowUp(q) {
		return knowledge.Result{}, false
	}
	ids := citedIDs(history)
	if len(ids) == 0 {
		return knowledge.Result{}, false
	}
	lq := strings.ToLower(q)
	for _, o := range ordinals {
		if o.at < len(ids) && slices.ContainsFunc(o.cues, func(c string) bool { return hasCue(lq, c) }) {
			ids = append([]string{ids[o.at]}, slices.Delete(slices.Clone(ids), o.at, o.at+1)...)
			ids = ids[:1] // "the second one": that risk alone
			break
		}
	}
	context := strings.Join(append(founderTexts(history), q), "\n")
	prior := a.search.Search(context)
	res := knowledge.Result{Query: context, Benchmarks: prior.Benchmarks}
	for i, id := range ids {
		h := knowledge.Hit{ID: id, Score: 0.9 - 0.1*float64(i)}
		for _, p := range prior.Modes {
			if p.ID == id {
				h.Terms = p.Terms
			}
		}
		res.Modes = append(res.Modes, h)
	}
	return res, true
}

// Said is everything premortem said in history, a line per turn: what an
// answer does not repeat (quotes, the founder's situation). Front ends that
// lay an answer out leave the same out.
func Said(history []Turn) string {
	var b strings.Builder
	for _, t := range history {
		if t.FromBot {
			b.WriteString(t.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}
