// Package situation is the one understanding of a founder's question that
// the built-in composer, the model prompt, `ask --json` and the bot share:
// what the founder said about their company, what it computes to against
// the article's benchmarks, which of the assessment's rules that makes
// true of them, and what the question asks for.
//
// Data flows one way:
//
//	question (+ earlier messages) -> words and numbers -> facts -> assess.Profile
//	                                                           -> comparisons (computed, labelled)
//	                                                           -> assess.Score -> why, per mode
//
// NewReader indexes every word the reader knows (words.go, the one list,
// plus the knowledge base's case names) once; Read is then a few passes
// over the text and safe for concurrent use.
//
// Reading is by clause. A number's meaning comes from the words nearest to
// it in its clause ("burn 2M 每月", "账上还有3000万", "2000 个付费用户"),
// its value from the assessment's own parsers (assess.ParseAmount,
// ParseMonths, ParseCount). A fact keeps the figure and period the founder
// wrote ("burn $2M a month" is 2000000 "USD/month"); the profile holds it
// in the profile's period. A clause that weighs options ("要不要", "should
// we"), supposes ("如果", but not "if we have"), talks about the market
// ("很火") or about a company the article discusses states no fact; a
// company named as the founder's rival ("和vivo、OPPO竞争") does not make a
// sentence about it; numbers after a need or plan ("need 500 H100s",
// "打算买") are not had. A question states a choice only about the founder
// ("我们做文生图的还有机会吗"). A choice that says more than its word needs
// the evidence for the rest: "开源" is open_weights, and model_strategy
// "open-source" (no paid version) only where the conversation also says
// nothing is paid for ("没有付费版本", "没人买单", "怎么变现"). What cannot be read (a number with no
// unit, a negative or absurd amount, two values for one fact, figures that
// disagree with each other or with the founder's words) becomes a Note in
// both languages, never a guess; no finding in the founder's favour rests
// on a disputed figure.
//
// Every comparison needs all of its inputs from the founder and says that
// it is computed and from what; Computed lists the figures such texts show
// so a figure check can accept them. The rules' findings come from
// assess.Score over the partial profile, kept only for rules the founder
// gave an input for.
package situation
