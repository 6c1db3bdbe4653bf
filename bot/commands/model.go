package commands

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/bot/router"
	"github.com/premortem/premortem/store"
)

// Catalog is what /model shows of the advisor's backends
// (*advisor.Backends): their names and specs.
type Catalog interface {
	Names() []string
	Spec(name string) (advisor.BackendSpec, bool)
}

// Chain is the advisor's default backend and fallback chain
// (*advisor.Backends).
type Chain interface {
	Default() string
	Fallback() []string
}

// Choices are the guilds' model choices (*store.Store).
type Choices interface {
	GuildModel(ctx context.Context, guildID string) (store.ModelChoice, error)
	SetGuildModel(ctx context.Context, c store.ModelChoice) (previous string, err error)
}

// Refusals counts refusals by reason (*ops.Metrics).
type Refusals interface {
	Refused(reason string)
}

// Models serves /model list|status|use: anyone may look, admins alone
// switch a guild's model.
type Models struct {
	Catalog    Catalog
	Chain      Chain
	Store      Choices
	AdminRoles []string // besides Manage Server and Administrator
	Refusals   Refusals
	Log        *slog.Logger
}

// Handle answers /model.
func (m Models) Handle(ctx context.Context, q *router.Request) *router.Response {
	opts := q.Options()
	if len(opts) == 0 {
		return router.Private(render.T(q.Lang, "unknown"))
	}
	switch opts[0].Name {
	case "list":
		return m.list(ctx, q)
	case "status":
		return m.status(ctx, q)
	case "use":
		return m.use(ctx, q, strings.TrimSpace(q.Option("name")))
	}
	return router.Private(render.T(q.Lang, "unknown"))
}

func (m Models) has(name string) bool { _, ok := m.Catalog.Spec(name); return ok }

// active is the backend answering in the guild, and the guild's stored
// choice (err: none, or unreadable).
func (m Models) active(ctx context.Context, guildID string) (string, store.ModelChoice, error) {
	if guildID == "" {
		return m.Chain.Default(), store.ModelChoice{}, store.ErrNotFound
	}
	c, err := m.Store.GuildModel(ctx, guildID)
	if err == nil && m.has(c.Backend) {
		return c.Backend, c, nil
	}
	return m.Chain.Default(), c, err
}

func (m Models) describe(name string) string {
	spec, ok := m.Catalog.Spec(name)
	if !ok || spec.Provider == "" {
		return name
	}
	return fmt.Sprintf("%s · %s", spec.Provider, spec.ModelName)
}

func (m Models) list(ctx context.Context, q *router.Request) *router.Response {
	active, _, _ := m.active(ctx, q.GuildID)
	var lines []string
	for _, n := range m.Catalog.Names() {
		mark := "▫️"
		if n == active {
			mark = "▶️"
		}
		lines = append(lines, fmt.Sprintf("%s `%s` %s", mark, n, m.describe(n)))
	}
	return router.Private(render.Clip(render.T(q.Lang, "modellist")+"\n"+strings.Join(lines, "\n"), render.MaxContent))
}

func (m Models) status(ctx context.Context, q *router.Request) *router.Response {
	active, c, err := m.active(ctx, q.GuildID)
	text := render.T(q.Lang, "modelstatus", active, m.describe(active), strings.Join(m.Chain.Fallback(), " → "))
	if err == nil && c.Backend == active {
		text += "\n" + render.T(q.Lang, "modelby", c.ChangedBy, c.ChangedAt.Unix())
	} else {
		text += "\n" + render.T(q.Lang, "modeldefault")
	}
	return router.Private(text)
}

// isAdmin reports whether the member may switch models: Manage Server (or
// Administrator) in the interaction's resolved permissions, or a
// configured admin role.
func (m Models) isAdmin(mem *discordgo.Member) bool {
	if mem == nil {
		return false
	}
	if mem.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0 {
		return true
	}
	return slices.ContainsFunc(mem.Roles, func(r string) bool { return slices.Contains(m.AdminRoles, r) })
}

func (m Models) use(ctx context.Context, q *router.Request, name string) *router.Response {
	if q.GuildID == "" {
		return router.Private(render.T(q.Lang, "noguild"))
	}
	if !m.isAdmin(q.Member()) {
		m.Log.Warn("model switch refused: not an admin", "guild", q.GuildID, "user", q.UserID, "to", name)
		m.Refusals.Refused("notadmin")
		return router.Private(render.T(q.Lang, "notadmin"))
	}
	if !m.has(name) {
		return router.Private(render.T(q.Lang, "nomodel", name, strings.Join(m.Catalog.Names(), ", ")))
	}
	from, _, err := m.active(ctx, q.GuildID)
	if from == name && !errors.Is(err, store.ErrNotFound) { // chosen already, not merely the default
		return router.Private(render.T(q.Lang, "modelsame", name))
	}
	if _, err := m.Store.SetGuildModel(ctx, store.ModelChoice{GuildID: q.GuildID, Backend: name, ChangedBy: q.UserID}); err != nil {
		m.Log.Error("store model choice", "guild", q.GuildID, "err", err)
		return router.Private(render.T(q.Lang, "failed"))
	}
	m.Log.Info("model changed", "guild", q.GuildID, "user", q.UserID, "from", from, "to", name)
	return router.Reply(&discordgo.InteractionResponseData{Content: render.T(q.Lang, "modelset", from, name)})
}

// Complete offers backend names for /model use.
func (m Models) Complete(q *router.Request) []*discordgo.ApplicationCommandOptionChoice {
	typed := strings.ToLower(q.Focused())
	var out []*discordgo.ApplicationCommandOptionChoice
	for _, n := range m.Catalog.Names() {
		if strings.Contains(strings.ToLower(n), typed) && len(out) < render.MaxChoices {
			out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: render.Clip(n+" · "+m.describe(n), render.MaxChoiceName), Value: n})
		}
	}
	return out
}
