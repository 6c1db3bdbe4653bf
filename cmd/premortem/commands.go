package main

// commands is the name-to-handler table. Each command's handler lives in
// its own file; add one line here per command.
var commands = map[string]command{
	"ask":    {"answer one question, citing the article", runAsk},
	"assess": {"score a company against the seven failure modes (wizard or --profile)", runAssess},
	"forget": {"delete a user's stored assessments and feedback (--user ID)", runForget},
	"eval":   {"score model backends on a question set", runEval},
	"risks":  {"list the seven failure modes, or show one in full with its evidence", runRisks},
	"models": {"list model backends; --check pings them", runModels},
	"chat":   {"a conversation in the terminal: follow-ups understood in context", runChat},
	"bot":    {"serve Discord: /ask, mentions, /assess, /risks, /model (DISCORD_TOKEN)", runBot},
}
