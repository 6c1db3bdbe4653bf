package bot

import (
	"context"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/commands"
	"github.com/premortem/premortem/bot/shards"
	"github.com/premortem/premortem/config"
)

// commandsProbe is how long Run waits for the commands' lease before
// concluding another process holds it (and registers them).
const commandsProbe = 2 * time.Second

// newShards plans this process's gateway shards: the count (configured,
// or Discord's recommendation for shard_count: auto) and the identify
// buckets (max_concurrency), both from GET /gateway/bot.
func (b *Bot) newShards(ctx context.Context) (*shards.Manager, error) {
	count, maxConc := int(b.cfg.ShardCount), 1
	gb, err := b.session.GatewayBot(discordgo.WithContext(ctx))
	switch {
	case err != nil && b.cfg.ShardCount == config.ShardsAuto:
		return nil, fmt.Errorf("discord.shard_count auto: ask Discord for the shard count (GET /gateway/bot): %w", err)
	case err != nil:
		b.log.Warn("GET /gateway/bot failed; identifying one shard at a time", "err", err)
	default:
		maxConc = max(gb.SessionStartLimit.MaxConcurrency, 1)
		if b.cfg.ShardCount == config.ShardsAuto {
			count = max(gb.Shards, 1)
		} else if gb.Shards > count {
			b.log.Warn("Discord recommends more shards", "shard_count", count, "recommended", gb.Shards)
		}
	}
	if b.cfg.ShardID >= count {
		return nil, fmt.Errorf("discord.shard_id %d: Discord recommends %d shards (shard_count: auto); want below %d", b.cfg.ShardID, count, count)
	}
	takeover := b.cfg.TakeoverAfter
	switch {
	case !b.shared:
		takeover = 0 // SQLite serves one process: it runs every shard
	case takeover == 0:
		takeover = -1
	}
	b.log.Info("gateway shards", "shard", b.cfg.ShardID, "count", count, "max_concurrency", maxConc, "takeover_after", takeover)
	return shards.New(shards.Options{Token: b.token, Intents: Intents, Own: b.cfg.ShardID, Count: count,
		MaxConcurrency: maxConc, TakeoverAfter: takeover, Leases: b.store, Client: b.session.Client,
		Attach: b.attachGateway, Reporter: b.metrics, Log: b.log}), nil
}

// registerCommands registers the slash commands from the one process that
// holds the commands' lease, and again whenever the lease changes hands.
// Its first outcome goes to first: the registration's error, or nil once
// registered here or found held by another process.
func (b *Bot) registerCommands(ctx context.Context, appID string, first chan<- error) {
	probe, cancel := context.WithTimeout(ctx, commandsProbe)
	lease, err := b.store.Lock(probe, "commands")
	cancel()
	reported := false
	if err != nil {
		if ctx.Err() != nil {
			return
		}
		b.cmds.Store("registered by another process")
		first <- nil
		reported = true
		if lease, err = b.store.Lock(ctx, "commands"); err != nil {
			return
		}
	}
	for {
		_, err := b.session.ApplicationCommandBulkOverwrite(appID, b.cfg.GuildID, commands.Definitions(), discordgo.WithContext(ctx))
		if err != nil {
			err = fmt.Errorf("register slash commands (guild %q): %w", b.cfg.GuildID, err)
		}
		if !reported {
			first <- err
			reported = true
		}
		if err != nil {
			b.log.Error("slash commands not registered", "err", err)
		} else {
			b.cmds.Store("registered by this process")
			scope := "globally (may take up to an hour to appear)"
			if b.cfg.GuildID != "" {
				scope = "in guild " + b.cfg.GuildID
			}
			b.log.Info("slash commands registered " + scope)
		}
		select {
		case <-ctx.Done():
			lease.Release()
			return
		case <-lease.Lost():
			b.cmds.Store("waiting for their lease")
			if lease, err = b.store.Lock(ctx, "commands"); err != nil {
				return
			}
		}
	}
}
