package main

import (
	"context"
	"fmt"

	"github.com/premortem/premortem/bot"
)

// runBot serves Discord until interrupted: `premortem bot`.
func runBot(ctx context.Context, env *cli, args []string) error {
	fs, cfgPath := newFlags(env, "bot")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "Usage: premortem bot [--config FILE]\n\nReads the bot token from DISCORD_TOKEN; PREMORTEM_DISCORD_API_BASE replaces https://discord.com/.")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q; usage: premortem bot [--config FILE]", fs.Arg(0))
	}
	token := env.getenv("DISCORD_TOKEN")
	if token == "" {
		return fmt.Errorf("DISCORD_TOKEN is not set: export the bot token from the Discord Developer Portal (Bot → Reset Token)")
	}
	a, err := loadApp(env, *cfgPath)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, a.cfg.Storage, a.log)
	if err != nil {
		return err
	}
	defer st.Close()
	sessions := bot.StoreAssessments{S: st}
	flow, err := bot.NewAssessFlow(bot.AssessOptions{KB: a.kb, Store: sessions, Forget: sessions,
		Narrator: bot.AdvisorNarrator{Advisor: a.adv}, Logger: a.log})
	if err != nil {
		return err
	}
	b, err := bot.New(bot.Options{Config: a.cfg.Discord, Token: token, Advisor: a.adv, Store: st, Assess: flow, Logger: a.log})
	if err != nil {
		return err
	}
	return b.Run(ctx)
}
