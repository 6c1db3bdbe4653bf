// Package answer is the answer flow: a founder's question, from any way in
// (/ask, a mention, a reply, a thread message, a DM: one Handler), through
// the daily caps and the guild's chosen model to the advisor, and back as
// rendered messages, streamed while the model writes.
//
// A message question brings its conversation as context: the reply chain,
// the thread (and the message it started from) or the DM channel, capped
// at history_turns messages and history_chars characters, with a visible
// notice when older messages were left out. The bot's earlier answers are
// read back as what they show (fields included, so the risks they cited as
// `id` are found again by a follow-up), and what they said is not said
// again. The buttons under an answer (ToDo, More, Sources, Feedback) are
// answered here too, privately.
package answer
