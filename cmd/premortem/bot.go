package main

import (
	"context"
	"fmt"

	"github.com/premortem/premortem/bot"
	"github.com/premortem/premortem/bot/wizard"
)

// runBot serves Discord until interrupted: `premortem bot`.
func runBot(ctx context.Context, env *cli, args []string) error {
	fs, cfgPath := newFlags(env, "bot", "Usage: premortem bot [--config FILE]\n\nReads the bot token from DISCORD_TOKEN and, for discord.interactions_addr, the application's\npublic key from DISCORD_PUBLIC_KEY; PREMORTEM_DISCORD_API_BASE replaces https://discord.com/.")
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
	sessions := wizard.StoreSessions{S: st}
	flow, err := wizard.New(wizard.Options{KB: a.kb, Store: sessions, Forget: sessions,
		Narrator: wizard.AdvisorNarrator{Advisor: a.adv}, Logger: a.log})
	if err != nil {
		return err
	}
	b, err := bot.New(bot.Options{Config: a.cfg.Discord, Token: token, Asker: a.adv, Backends: a.adv.Backends(), KB: a.kb,
		Store: st, Wizard: flow, Logger: a.log})
	if err != nil {
		return err
	}
	return b.Run(ctx)
}
