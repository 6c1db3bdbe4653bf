package main

// registerAll fills the command table. Each command's handler lives in its
// own file; add one line here per command.
func registerAll() {
	register("ask", "answer one question, citing the article", runAsk)
	register("assess", "score a company against the seven failure modes (wizard or --profile)", runAssess)
	register("forget", "delete a user's stored assessments and feedback (--user ID)", runForget)
	register("eval", "score model backends on a question set", runEval)
	register("risks", "list the seven failure modes, or show one in full with its evidence", runRisks)
	register("models", "list model backends; --check pings them", runModels)
	register("bot", "serve Discord: /ask, mentions, /assess, /risks, /model (DISCORD_TOKEN)", runBot)
}
