// Package assess turns a founder's answers into a pre-mortem: how exposed the
// company is to each of the article's seven failure modes, why, and what to do
// first.
//
// Data flows one way:
//
//	answers (wizard, file) -> Profile -> Score(kb, Profile) -> Report -> JSON, text, Markdown, chart
//
// A Profile is the contract schema in PRODUCT.md; ParseProfile reads it from
// YAML or JSON and refuses unknown fields, wrong types and values outside an
// enum with one line naming the field. ParseAmount, ParseMonths and ParseCount
// read numbers the way people write them ("1.5亿", "$2.3m", "一年半").
//
// Scoring is a set of explicit rules (score_*.go), one small function per
// signal, each adding points to one failure mode and giving a reason in both
// languages that cites knowledge entries: benchmark figures and mode evidence
// whose quotes are verbatim in the article. An unanswered question never adds
// or removes points; it lowers the mode's confidence instead. The same
// profile always yields the same report.
//
// Wizard is the chat-agnostic question flow shared by the terminal
// (`premortem assess`) and Discord (/assess): it holds no I/O, only the
// current step and the answers so far, and serialises to JSON for storage.
package assess
