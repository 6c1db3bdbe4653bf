package main

// registerAll fills the command table. Each command's handler lives in its
// own file; add one line here per command.
func registerAll() {
}
