// Package store keeps premortem's state in SQLite (modernc.org/sqlite, pure
// Go, embedded): each guild's model choice with who changed it, feedback on
// answers, daily usage counters for caps, and assessment wizard sessions.
//
// Open runs the versioned migrations (PRAGMA user_version) before returning,
// in WAL mode with a busy timeout, so several readers and one writer share
// the file and a restarted bot finds everything where it left it. Methods
// are small and context-first; consumers declare the few they need as their
// own interfaces (the bot's SessionStore, the wizard's AssessStore).
//
// Every row that names a user can be removed with DeleteUser, for /forget
// and `premortem forget`.
package store
