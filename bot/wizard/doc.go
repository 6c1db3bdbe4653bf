// Package wizard is the /assess wizard on Discord: a short series of
// choices and numbers (the questions of knowledge.Questions, the state
// machine of assess.Wizard) ending in a risk report with a chart, the
// Markdown export and a share button, narrated by the active model when
// one is configured.
//
// Its handlers are ordinary router handlers (Start, Click, Forget) that
// return responses and never talk to Discord. Every component carries
// "assess:<session>:<step>:<action>" in its custom_id (id.go): the session
// finds the stored state, so a click works after a restart, days later;
// the step detects stale and double clicks, and the store's
// compare-and-swap makes a double click apply once. The wizard's words,
// clipping and embed fitting are render's, shared with the rest of the
// bot.
package wizard
