// Package wizard is the /assess wizard on Discord: a short series of
// choices and numbers (the questions of knowledge.Questions, the state
// machine of assess.Wizard), a review of every answer where any one can
// be changed, and a risk report with a chart, the Markdown export and a
// share button, narrated by the active model when one is configured.
//
// Its handlers are ordinary router handlers (Start, Click, Forget) that
// return responses and never talk to Discord. Every component carries
// "assess:<session>:<step>:<action>" in its custom_id (id.go): the session
// finds the stored state, so a click works after a restart, days later;
// the step detects stale and double clicks, and the store's
// compare-and-swap makes a double click apply once.
//
// A question shows Back, Skip and Cancel, and Keep and Clear in place of
// Skip once answered (view.go). After the last question comes the review
// (review.go): a select menu returns to one question, whose answer (or
// Keep, Clear, Back) comes back to the review. The review and the report
// are two views of the same finished state; the stored state remembers
// which was shown last, so /assess offers to resume a review but not a
// report already seen. The report (report.go, embeds.go) is an overview
// (the verdict, or that there are too few answers to score and which to
// give first; the seven scores, unscored ones marked), one embed per fate
// at medium or above with its reasons, quotes, figures and first action,
// and one of what works in the founder's favour, inside one message:
// quotes give way from the bottom when it would not fit. The wizard's
// words, clipping and embed fitting are render's, shared with the rest of
// the bot.
package wizard
