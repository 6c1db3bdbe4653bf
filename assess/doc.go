// Package assess turns a founder's answers into a pre-mortem: how exposed the
// company is to each of the article's seven failure modes, why, and what to do
// first.
//
// Data flows one way:
//
//	answers (wizard, file) -> Profile -> Score(kb, Profile) -> Assessment -> Report (JSON), text, Markdown, chart
//
// A Profile is the contract schema in PRODUCT.md; ParseProfile (and
// ParseAnswers, which also says which fields a file names) reads it from
// YAML or JSON and refuses unknown fields, wrong types and values outside an
// enum with one line naming the field; EncodeProfile writes it back, skipped
// questions as nulls. ParseAmount, ParseMonths and ParseCount read numbers
// the way people write them ("1.5亿", "$2.3m", "一年半", "a year and a half").
//
// Scoring is a set of explicit rules (score_*.go), one small function per
// signal, each adding points to one failure mode and giving a reason in both
// languages that cites knowledge entries: benchmark figures and mode evidence
// whose quotes are verbatim in the article. Points grow with the distance
// from the article's figures. A finding in the founder's favour adds no
// points and is listed apart (Favours); a risk names the mode action it
// calls for, so first actions follow the reasons. An unanswered question
// never adds or removes points; it lowers the mode's confidence instead,
// and only while the question can still apply. With fewer than
// MinScoredModes modes informed, the assessment is not Enough to score and
// says what to answer first (Missing). Every mode at ExplainLevel or above
// is Explained by every rendering. The same profile always yields the same
// report.
//
// Wizard is the chat-agnostic question flow shared by the terminal
// (`premortem assess`) and Discord (/assess): it holds no I/O, only the
// current step and the answers so far, and serialises to JSON for storage.
// After the last question it is at the review, from which Edit returns to
// one question; Resume starts it from a saved file.
package assess
