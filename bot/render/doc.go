// Package render is how everything the bot sends looks, and the one place
// that knows Discord's limits: the text table in both languages (T), the
// clipping rule in UTF-16 units as Discord counts them (Units, Clip), the
// splitter that never cuts a risk card or a code block (Split), the embed
// packers (Pack for answers over several messages, Fit for one message),
// allowed mentions that ping nobody (NoPings, ReplyPing), and the layouts
// of an answer, its buttons, the failure modes and their sources.
//
// Handlers build their responses from these functions and never count
// characters themselves, so a layout change lands here and a limit is
// enforced once.
package render
