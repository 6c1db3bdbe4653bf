package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/endpoint"
	"github.com/premortem/premortem/bot/ops"
)

// serveHTTP serves /healthz and /metrics on discord.http_addr and the
// interactions endpoint on discord.interactions_addr (one server when
// they are the same address). It returns the function that stops them.
func (b *Bot) serveHTTP() (stop func(), err error) {
	muxes := map[string]*http.ServeMux{}
	var order []string
	mux := func(addr string) *http.ServeMux {
		if m, ok := muxes[addr]; ok {
			return m
		}
		m := http.NewServeMux()
		muxes[addr] = m
		order = append(order, addr)
		return m
	}
	if a := b.cfg.HTTPAddr; a != "" {
		m := mux(a)
		m.Handle("GET /metrics", b.metrics.Handler())
		m.Handle("GET /healthz", ops.Health(b.health))
	}
	if a := b.cfg.InteractionsAddr; a != "" {
		if b.cfg.PublicKey == "" {
			return nil, errors.New("discord.interactions_addr is set but DISCORD_PUBLIC_KEY is not: export the application's public key (Developer Portal, General Information)")
		}
		key, err := endpoint.ParseKey(b.cfg.PublicKey)
		if err != nil {
			return nil, err
		}
		endpoint.New(key, b.dispatchHTTP, b.log).Register(mux(a))
	}
	var stops []func()
	stopAll := func() {
		for i := len(stops) - 1; i >= 0; i-- {
			stops[i]()
		}
	}
	for _, addr := range order {
		what := "/healthz and /metrics"
		switch {
		case addr == b.cfg.InteractionsAddr && addr == b.cfg.HTTPAddr:
			what = "/healthz, /metrics and " + endpoint.Path
		case addr == b.cfg.InteractionsAddr:
			what = "the interactions endpoint " + endpoint.Path
		}
		s, err := ops.Serve(addr, what, muxes[addr], b.log)
		if err != nil {
			stopAll()
			return nil, err
		}
		stops = append(stops, s)
	}
	return stopAll, nil
}

// dispatchHTTP routes an interaction from the HTTP endpoint.
func (b *Bot) dispatchHTTP(i *discordgo.Interaction, first func(context.Context, *discordgo.InteractionResponse) error) {
	b.dispatchInteraction(i, first)
}

// health reports the shards this process holds or waits for, the
// commands' lease and the storage, one line each, and why the bot is not
// healthy (nil when it is): shutting down, a held shard's gateway not
// connected, or the storage not answering. A process waiting for shards
// that others hold is a healthy standby.
func (b *Bot) health(ctx context.Context) (string, error) {
	var report strings.Builder
	var errs []error
	if !b.jobs.Running() {
		errs = append(errs, errors.New("shutting down"))
	}
	m := b.shardManager()
	switch {
	case !b.cfg.Gateway:
		report.WriteString("gateway: off (HTTP interactions only)\n")
	case m == nil:
		errs = append(errs, errors.New("gateway not connected"))
	default:
		for _, s := range m.Status() {
			own := ""
			if s.Own {
				own = " (configured)"
			}
			gw := s.Gateway
			if gw == "" {
				gw = "not connected"
			}
			lost := ""
			if s.Lost > 0 {
				lost = fmt.Sprintf(" (lost %d times since start)", s.Lost)
			}
			fmt.Fprintf(&report, "shard %d/%d%s: lease %s, gateway %s%s\n", s.ID, s.Count, own, s.Lease, gw, lost)
		}
		if err := m.Unhealthy(); err != nil {
			errs = append(errs, err)
		}
	}
	fmt.Fprintf(&report, "commands: %s\n", b.cmds.Load())
	if err := b.store.Ping(ctx); err != nil {
		fmt.Fprintf(&report, "storage %s: %v\n", b.store.Driver(), err)
		errs = append(errs, fmt.Errorf("storage %s: not answering", b.store.Driver()))
	} else {
		fmt.Fprintf(&report, "storage %s: ok\n", b.store.Driver())
	}
	return report.String(), errors.Join(errs...)
}
