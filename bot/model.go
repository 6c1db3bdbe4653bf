package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/store"
)

// modelCommand handles /model list|status|use.
func (b *Bot) modelCommand(ctx context.Context, r *Request) *Response {
	opts := r.ApplicationCommandData().Options
	if len(opts) == 0 {
		return Private(t(r.Lang, "unknown"))
	}
	switch opts[0].Name {
	case "list":
		return b.modelList(ctx, r)
	case "status":
		return b.modelStatus(ctx, r)
	case "use":
		name, _ := option(opts, "name")
		return b.modelUse(ctx, r, strings.TrimSpace(name))
	}
	return Private(t(r.Lang, "unknown"))
}

// active is the backend answering in the guild.
func (b *Bot) active(ctx context.Context, guildID string) string {
	if m := b.guildModel(ctx, guildID); m != "" && b.backends.Has(m) {
		return m
	}
	return b.backends.Default()
}

func (b *Bot) describe(name string) string {
	spec, ok := b.backends.Spec(name)
	if !ok || spec.Provider == "" {
		return name
	}
	return fmt.Sprintf("%s · %s", spec.Provider, spec.ModelName)
}

func (b *Bot) modelList(ctx context.Context, r *Request) *Response {
	active := b.active(ctx, r.GuildID)
	var lines []string
	for _, n := range b.backends.Names() {
		mark := "▫️"
		if n == active {
			mark = "▶️"
		}
		lines = append(lines, fmt.Sprintf("%s `%s` %s", mark, n, b.describe(n)))
	}
	return Private(clip(t(r.Lang, "modellist")+"\n"+strings.Join(lines, "\n"), maxContent))
}

func (b *Bot) modelStatus(ctx context.Context, r *Request) *Response {
	active := b.active(ctx, r.GuildID)
	text := t(r.Lang, "modelstatus", active, b.describe(active), strings.Join(b.backends.Fallback(), " → "))
	if c, err := b.store.GuildModel(ctx, r.GuildID); err == nil && c.Backend == active {
		text += "\n" + t(r.Lang, "modelby", c.ChangedBy, c.ChangedAt.Unix())
	} else {
		text += "\n" + t(r.Lang, "modeldefault")
	}
	return Private(text)
}

// isAdmin reports whether the member may switch models: Manage Server (or
// Administrator) in the interaction's resolved permissions, or a
// configured admin role.
func (b *Bot) isAdmin(m *discordgo.Member) bool {
	if m == nil {
		return false
	}
	if m.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0 {
		return true
	}
	for _, role := range m.Roles {
		if slices.Contains(b.cfg.AdminRoleIDs, role) {
			return true
		}
	}
	return false
}

func (b *Bot) modelUse(ctx context.Context, r *Request, name string) *Response {
	if r.GuildID == "" {
		return Private(t(r.Lang, "noguild"))
	}
	if !b.isAdmin(r.Member) {
		b.log.Warn("model switch refused: not an admin", "guild", r.GuildID, "user", r.UserID, "to", name)
		b.metrics.refused("notadmin")
		return Private(t(r.Lang, "notadmin"))
	}
	if !b.backends.Has(name) {
		return Private(t(r.Lang, "nomodel", name, strings.Join(b.backends.Names(), ", ")))
	}
	from := b.active(ctx, r.GuildID)
	if from == name {
		if _, err := b.store.GuildModel(ctx, r.GuildID); err == nil || !errors.Is(err, store.ErrNotFound) {
			return Private(t(r.Lang, "modelsame", name))
		}
	}
	if _, err := b.store.SetGuildModel(ctx, store.ModelChoice{GuildID: r.GuildID, Backend: name, ChangedBy: r.UserID}); err != nil {
		b.log.Error("store model choice", "guild", r.GuildID, "err", err)
		return Private(t(r.Lang, "failed"))
	}
	b.log.Info("model changed", "guild", r.GuildID, "user", r.UserID, "from", from, "to", name)
	return Reply(&discordgo.InteractionResponseData{Content: t(r.Lang, "modelset", from, name)})
}

// completeModel offers backend names for /model use.
func (b *Bot) completeModel(r *Request) []*discordgo.ApplicationCommandOptionChoice {
	typed := strings.ToLower(focused(r.ApplicationCommandData().Options))
	var out []*discordgo.ApplicationCommandOptionChoice
	for _, n := range b.backends.Names() {
		if strings.Contains(strings.ToLower(n), typed) && len(out) < 25 {
			out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: clip(n+" · "+b.describe(n), 100), Value: n})
		}
	}
	return out
}
