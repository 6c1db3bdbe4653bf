// Package commands defines the slash commands the bot registers
// (Definitions) and serves the small ones: /risks and its autocomplete
// from the knowledge base, /model (list, status, and use for admins
// only), /help. /ask is the answer flow's and /assess the wizard's.
package commands
