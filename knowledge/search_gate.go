package knowledge

import (
	"slices"
	"strings"
)

// The on-topic gate decides whether a question is about what the article
// covers at all; an off-topic question cites nothing.
//
// A question is on-topic through any of these paths:
//   - a domain concept of the lexicon ("烧钱", "to B", "open weights"), or
//     one of the article's figures ("1.53亿");
//   - everyday words that add up, each from words of their own: an AI word
//     and a business-risk word ("AI" and "风险", not "AI" and "startup",
//     which is also "the ML engineer at an AI startup"); an AI word and a commerce word ("customers",
//     "产品"); a company the article discusses beside an AI word ("美图做大模型
//     的思路"); a weak lexicon word beside an AI or business word; two weak
//     words whose concepts share a mode ("agents" and "office work", not
//     "apple" and "cost");
//   - a strong match against the mode documents' words, or a moderate one
//     beside an AI word;
//   - the sentence path: the question matches one of the article's or the
//     claims' sentences well, in words the sentence shares (see below).
//
// Whatever the path, a question that names an out-of-scope concept
// (kind: out in concepts.yaml: AI engineering how-tos, how-tos about using
// a tool, careers, office and legal admin, licence choice, vendor shopping)
// is off-topic unless it also names a business-risk concept (risk: true:
// money, revenue, cost, survival, making money) in words of its own: "What
// LoRA rank should I use?", "开源协议选Apache 2.0还是MIT?" and "our office
// lease ends, should we go remote?" cite nothing; "LoRA or not, our runway
// is six months" is about runway, "we open-sourced under Apache 2.0, how do
// we make money?" about open source. An out concept may say what lifts
// it instead (lift: topic, any business topic as for ask forms below, for
// licence choice and tool how-tos; never, for daily life: "要不要带伞去见
// 投资人" is about the weather). An out concept may need company
// (beside: names of a tag concept): price words rule a question out only
// beside vendors, two for a comparison ("AWS和CoreWeave哪个更便宜"), one
// for a superlative ("哪家GPU云最便宜"); "租卡还是买卡,哪个更便宜?" is the
// article's own dilemma.
//
// The form of the ask counts too (kind: ask): how to set a tool up, what
// value to set, who made what when ("how do I...", "设多少", "谁提出") rule
// a question out unless a business topic is named apart from the form: a
// risk concept's strong form, any form of a money concept (money: true:
// revenue, cost, cash, making money), a commerce word or a money figure.
// Ask forms are a closed class, unlike the tools and errors they ask
// about, so they reach questions no out-of-scope list foresaw: "how do I
// make money from our open-source model?" stays, "how do I set up
// autoscaling on EKS?" goes.

// gate collects what the question names, and where.
type gate struct {
	domain, figure bool
	strong         float32 // the best word-and-bigram BM25 over mode documents

	ai, business, trade, weak spans
	alarm                     spans // business words of risk concepts ("风险", "die"; not "startup")
	named                     spans // names of the article's cases ("美图", "Apple")
	out, risk                 spans // out-of-scope words; strong forms of risk concepts
	ask, topic                spans // out-of-scope ask forms; words of a business topic (risk, trade, money)
	context                   bool  // the question asks in some sentences, about a domain concept, and gives context in others (markAsked)
	jargon                    bool  // most of its Latin words are unknown to the knowledge (jargon)
	tag                       spans // names of tag concepts (vendors), for the beside rules
}

// spans holds up to four question spans, each with the concept that
// matched there (where it matters: weak, out and tag spans); more add
// nothing to the gate.
type spans struct {
	n  int
	at [4][2]int32
	c  [4]int32
}

// add adds a span of concept c.
func (ss *spans) add(from, to, c int32) {
	if ss.n < len(ss.at) {
		ss.at[ss.n], ss.c[ss.n] = [2]int32{from, to}, c
		ss.n++
	}
}

// apart reports whether some span of a and some span of b do not overlap.
func apart(a, b *spans) bool {
	for i := 0; i < a.n; i++ {
		for j := 0; j < b.n; j++ {
			if a.at[i][1] <= b.at[j][0] || b.at[j][1] <= a.at[i][0] {
				return true
			}
		}
	}
	return false
}

func overlap(a, b [2]int32) bool { return a[0] < b[1] && b[0] < a[1] }

// vetoed reports whether the question is out of scope: an out-of-scope
// word whose beside rules hold and that nothing lifts (by its lift: a risk
// concept's strong form apart from it, a business topic, or nothing); an
// ask form with no business topic apart from it; or jargon with no risk
// concept's strong form.
func (g *gate) vetoed(cs []concept) bool {
	var active, topical spans // out words a risk word lifts; those a business topic does
	for i := 0; i < g.out.n; i++ {
		c, at := &cs[g.out.c[i]], g.out.at[i]
		if !g.besideHolds(c.beside, at) {
			continue
		}
		switch c.lift {
		case liftNever:
			return true
		case liftTopic:
			topical.add(at[0], at[1], g.out.c[i])
		default:
			active.add(at[0], at[1], g.out.c[i])
		}
	}
	return active.n > 0 && !apart(&g.risk, &active) || topical.n > 0 && !apart(&g.topic, &topical) ||
		g.ask.n > 0 && !apart(&g.topic, &g.ask) || g.jargon && g.risk.n == 0
}

// besideHolds reports whether each rule finds its count of tag names that
// overlap neither the out word at nor one another.
func (g *gate) besideHolds(rules []besideRule, at [2]int32) bool {
	for _, r := range rules {
		var got spans
		for i := 0; i < g.tag.n; i++ {
			sp := g.tag.at[i]
			if g.tag.c[i] != r.tag || overlap(sp, at) {
				continue
			}
			free := true
			for j := 0; j < got.n; j++ {
				free = free && !overlap(sp, got.at[j])
			}
			if free {
				got.add(sp[0], sp[1], r.tag)
			}
		}
		if int32(got.n) < r.n {
			return false
		}
	}
	return true
}

// cue reports whether the question has an everyday word of the domain:
// an AI, business, commerce or weak lexicon word.
func (g *gate) cue() bool { return g.ai.n+g.business.n+g.trade.n+g.weak.n > 0 }

// lexical reports whether the lexicon and the mode documents alone make
// the question on-topic.
func (g *gate) lexical(cs []concept) bool {
	return g.domain || g.figure || g.strong >= strongBM25 || g.ai.n > 0 && g.strong >= aiCueBM25 || g.generic(cs)
}

// generic: everyday words that add up. Two weak words count only when
// their concepts bear on a common failure mode.
func (g *gate) generic(cs []concept) bool {
	if apart(&g.ai, &g.alarm) || apart(&g.ai, &g.trade) || apart(&g.ai, &g.named) || apart(&g.weak, &g.ai) || apart(&g.weak, &g.business) {
		return true
	}
	for i := 0; i < g.weak.n; i++ {
		for j := i + 1; j < g.weak.n; j++ {
			a, b := g.weak.at[i], g.weak.at[j]
			if (a[1] <= b[0] || b[1] <= a[0]) && shareMode(cs[g.weak.c[i]], cs[g.weak.c[j]]) {
				return true
			}
		}
	}
	return false
}

// shareMode reports whether two concepts point at a common mode.
func shareMode(a, b concept) bool {
	for _, x := range a.modes {
		for _, y := range b.modes {
			if x.idx == y.idx {
				return true
			}
		}
	}
	return false
}

// productFillers are the characters that may stand between an out-of-scope
// word and the product it describes ("面试官产品", "远程办公场景的AI助手").
const productFillers = "的场景官类型版"

// dropDescriptions removes the out-of-scope words that describe the
// company rather than what is asked: a word followed by a product noun
// (the products tag), with only an AI word or fillers between ("我们的AI面
// 试官产品,客户都不续费", "our vector database startup is getting
// crushed"); one right after a maker's words (the makers tag: "我们是开源
// 的向量数据库"); one in a sentence of context when the asked sentence is
// about the domain ("我们用大模型排查 Kubernetes 故障。阿里云也送类似功能,
// 我们会不会被挤死?"). "our office lease ends" and "报销用什么 tool 比较好"
// keep their veto, and so do words that say who asks (asker: "我手机上找不
// 到这个按钮") wherever they stand.
func (ix *Index) dropDescriptions(s *scratch, q string) {
	g := &s.g
	var kept spans
	for i := 0; i < g.out.n; i++ {
		at, c := g.out.at[i], g.out.c[i]
		context := g.context && s.marks[at[0]]&markAsked == 0
		if ix.lex.concepts[c].asker || !context && !(ours(s, q, at[0]) && ix.describes(s, q, at[1])) && !ix.madeBy(s, q, at[0]) {
			kept.add(at[0], at[1], c)
		}
	}
	g.out = kept
}

// describes reports whether a product noun starts at unit from, past
// fillers, AI words and at most two other Han characters ("简历优化的AI助手"),
// with no punctuation on the way.
func (ix *Index) describes(s *scratch, q string, from int32) bool {
	g := &s.g
	if ix.products < 0 {
		return false
	}
	free := 2
	for u := from; u < int32(len(s.units)) && !punctBefore(s, q, u); {
		if g.tag.startsAt(u, ix.products) {
			return true
		}
		next := u
		for i := 0; i < g.ai.n; i++ {
			if g.ai.at[i][0] == u {
				next = g.ai.at[i][1]
			}
		}
		if next == u {
			un := s.units[u]
			if !un.han {
				return false
			}
			if !strings.ContainsRune(productFillers, rune(un.key&^keyHan)) {
				if free == 0 {
					return false
				}
				free--
			}
			next = u + 1
		}
		u = next
	}
	return false
}

// madeBy reports whether a maker's words ("我们是", "we're an") end at most
// three units before unit to ("我们是开源的向量数据库", "we're an
// open-source vector database"), with no punctuation between.
func (ix *Index) madeBy(s *scratch, q string, to int32) bool {
	g := &s.g
	if ix.makers < 0 {
		return false
	}
	for i := 0; i < g.tag.n; i++ {
		at := g.tag.at[i]
		if g.tag.c[i] != ix.makers || at[1] > to || to-at[1] > 3 {
			continue
		}
		joined := true
		for u := at[1]; u <= to && joined; u++ {
			joined = !punctBefore(s, q, u)
		}
		if joined {
			return true
		}
	}
	return false
}

// ours reports whether the founder speaks as a company before unit to
// ("我们", "our", "we"), or the question opens with the product's name
// ("AI简历优化工具,C端一个月19块..."): a product noun after an out-of-scope
// word describes their product only then ("我们的AI面试官产品", not "35岁
// 程序员转行做大模型应用开发").
func ours(s *scratch, q string, to int32) bool {
	opens := true
	for u := int32(0); u < to && opens; u++ {
		opens = slices.ContainsFunc(s.g.ai.at[:s.g.ai.n], func(sp [2]int32) bool { return sp[0] <= u && u < sp[1] })
	}
	if opens {
		return true
	}
	for u := int32(0); u < to && int(u) < len(s.units); u++ {
		un := s.units[u]
		w := q[un.start:un.end]
		if un.han {
			if int(u+1) < len(s.units) && s.units[u+1].start == un.end && (w == "我" || w == "咱") && q[un.end:s.units[u+1].end] == "们" {
				return true
			}
			continue
		}
		switch strings.ToLower(w) {
		case "we", "our", "ours", "we're", "us":
			return true
		}
	}
	return false
}

// startsAt reports whether a span of concept c starts at unit u.
func (ss *spans) startsAt(u int32, c int32) bool {
	for i := 0; i < ss.n; i++ {
		if ss.c[i] == c && ss.at[i][0] == u {
			return true
		}
	}
	return false
}

// punctBefore reports whether punctuation stands between unit u and the
// one before it: a description does not run across it ("下周面试,公司会问什么").
func punctBefore(s *scratch, q string, u int32) bool {
	if u <= 0 || int(u) >= len(s.units) {
		return false
	}
	return strings.ContainsAny(q[s.units[u-1].end:s.units[u].start], descriptionBreaks)
}

// descriptionBreaks: a description does not run across the end of a
// sentence or clause (search_split.go), a full stop, a colon or a bracket.
const descriptionBreaks = sentenceEnds + clauseEnds + ".:()\uff1a\uff08\uff09"

// Jargon: when most of a question's Latin words are unknown to the
// knowledge (the article's glosses, the claims, the lexicon), it asks about
// something else, in words of a field the article never uses: "kubectl get
// pods shows CrashLoopBackOff for my fastapi inference pod", "Triton dynamic
// batching: what max_queue_delay_microseconds is sane?". A founder's
// question about their company, even in slang or with a product's jargon,
// keeps most of its words in the article's field. Calibrated on the
// development sets (the highest on-topic share there is 0.50); a risk
// concept's strong form lifts it, as it lifts an out-of-scope word.
const (
	jargonMinWords = 4    // Latin content words a question needs before its share counts
	jargonShare    = 0.55 // the share of them unknown to the knowledge that rules it out
)

// jargon reports whether the question's Latin words are mostly unknown.
func jargon(s *scratch) bool {
	var n, unknown int
	for i, u := range s.units {
		if u.han || u.stop || u.num {
			continue
		}
		n++
		if (u.key == keyWord || u.typo) && s.marks[i]&markIn == 0 {
			unknown++
		}
	}
	return n >= jargonMinWords && float64(unknown) >= jargonShare*float64(n)
}
