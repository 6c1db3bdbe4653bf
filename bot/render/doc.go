// Package render is how everything the bot sends looks, and the one place
// that knows Discord's limits: the text table in both languages (T), the
// clipping rule in UTF-16 units as Discord counts them (Units, Clip), the
// splitter that never cuts a risk card or a code block (Split), the embed
// packers (Pack for answers over several messages, Fit for one message),
// allowed mentions that ping nobody (NoPings, ReplyPing), the check of a
// payload against every limit (Check) and what a reader sees of it
// (Visible), and the layouts of an answer, its buttons, the failure modes
// and their sources.
//
// An answer is laid out for chat (Answer): the direct answer and the
// founder's situation in a few lines (or a model's narrative), one compact
// field per cited risk (its ID as code; why, the one figure, the one
// evidence quote), a footer naming who wrote it once, and buttons that
// disclose the rest on demand: what to do about each risk (ToDo), more on
// each (ModeCard, as /risks ID), every quote (Sources). Nothing is said
// twice, within the answer or after the conversation said it
// (AnswerOptions.Said), and no terminal command reaches Discord.
//
// Handlers build their responses from these functions and never count
// characters themselves, so a layout change lands here and a limit is
// enforced once.
package render
