package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/internal/discordfake"
	"github.com/premortem/premortem/internal/fakellm"
	"github.com/premortem/premortem/store"
	"github.com/premortem/premortem/store/pgtest"
)

// TestShardsEndToEnd runs two real `premortem bot` processes as shards 0/2
// and 1/2 on one PostgreSQL against the Discord fake, which holds a guild
// on each shard: each guild's questions are answered once, by its shard's
// process; the user's daily cap holds across both; a model switch made
// on one reaches the other; and when the process of shard 0 is killed
// mid-wizard, the other takes the shard over and finishes the wizard.
func TestShardsEndToEnd(t *testing.T) {
	dsn := pgtest.DSN(t)
	if _, err := buildBinary(); err != nil {
		t.Fatal(err)
	}
	hosted, _ := fakeHosted(t, fakellm.CiteGiven(2))
	srv := discordfake.New(t, discordfake.Options{Guilds: []*discordgo.Guild{discordfake.OtherGuild()}, Shards: 2,
		IdentifyInterval: 4500 * time.Millisecond, AckDeadline: -1})
	env := map[string]string{"DISCORD_TOKEN": discordfake.DefaultToken, "PREMORTEM_DISCORD_API_BASE": srv.URL(),
		"PREMORTEM_STORAGE_DSN": dsn, "DISCORD_PUBLIC_KEY": srv.PublicKey()}
	var procs [2]*proc
	var endpoints [2]string
	for id := range 2 {
		endpoints[id] = freePort(t)
		cfg := filepath.Join(t.TempDir(), "premortem.yaml")
		os.WriteFile(cfg, []byte(fmt.Sprintf(`discord:
  shard_count: 2
  takeover_after: 5s
  interactions_addr: %s
  user_rate: 600
  user_burst: 100
  user_daily_cap: 3
  guild_daily_cap: 0
  stream_interval: 100ms
  shutdown_grace: 1s
storage:
  driver: postgres
  dsn: postgres://set-by-env
models:
  default: builtin
  fallback: [builtin]
  backends:
    hosted:
      provider: openai
      base_url: %s
      model: deepseek-chat
      retries: 0
log:
  level: info
  format: json
`, endpoints[id], hosted.URL)), 0o600)
		penv := map[string]string{"PREMORTEM_SHARD_ID": fmt.Sprint(id)}
		for k, v := range env {
			penv[k] = v
		}
		procs[id] = startProc(t, fmt.Sprintf("shard %d", id), cfg, freePort(t), penv)
		procs[id].waitHealth(fmt.Sprintf("shard %d/2 (configured): lease held, gateway connected", id))
	}
	for id, p := range procs {
		_, body := p.health()
		if strings.Count(body, "lease held") != 1 {
			t.Fatalf("shard %d's process holds more than its shard:\n%s", id, body)
		}
	}
	if n := len(srv.CallsTo("PUT", "/applications/")); n != 1 {
		t.Errorf("commands registered %d times; want once", n)
	}

	// Each guild's questions go to its shard's process, answered once.
	channels := map[int]string{0: discordfake.ChannelOther, 1: discordfake.ChannelGeneral}
	guilds := map[int]string{0: discordfake.GuildOther, 1: discordfake.GuildID}
	// ask asks in shard's guild and reports whether the question was
	// answered (else refused after its deferral: the deferral deleted).
	ask := func(shard int, user string) bool {
		t.Helper()
		i := srv.Command(user, channels[shard], "ask", discordfake.StringOption("question", "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?"))
		if err := srv.DispatchInteraction(i); err != nil {
			t.Fatal(err)
		}
		hook := "/webhooks/" + discordfake.BotID + "/" + i.Token
		answered := false
		procs[shard].waitFor("the answer or refusal of "+i.ID, func() bool {
			for _, m := range srv.Messages(i.ChannelID) {
				if m.Interaction != nil && m.Interaction.ID == i.ID && len(m.Components) > 0 {
					answered = true
					return true
				}
			}
			return len(srv.CallsTo("DELETE", hook)) > 0
		})
		if n := len(srv.CallsTo("POST", "/interactions/"+i.ID+"/")); n != 1 {
			t.Errorf("question in shard %d's guild acknowledged %d times", shard, n)
		}
		return answered
	}
	for shard := range 2 {
		if !ask(shard, discordfake.UserMember) {
			t.Fatalf("the question in shard %d's guild was refused", shard)
		}
	}
	for shard, p := range procs {
		mine := len(p.logged("answered", map[string]string{"guild": guilds[shard]}))
		theirs := len(p.logged("answered", map[string]string{"guild": guilds[1-shard]}))
		if mine != 1 || theirs != 0 {
			t.Errorf("shard %d's process answered %d questions of its guild and %d of the other's; want 1 and 0", shard, mine, theirs)
		}
	}

	// The daily cap of 3 holds across both processes: of four more
	// questions, alternating, one is answered.
	answered := 0
	for k := range 4 {
		if ask(k%2, discordfake.UserMember) {
			answered++
		}
	}
	if answered != 1 {
		t.Errorf("%d of 4 more questions answered past 2 of a daily cap of 3; want 1", answered)
	}

	// A model switch in shard 0's guild reaches shard 1's process: it
	// answers that guild over HTTP interactions, with the default, then,
	// once it has seen the switch, with the switched model.
	overHTTP := func(user string) *discordgo.Message {
		t.Helper()
		i := srv.Command(user, discordfake.ChannelOther, "ask", discordfake.StringOption("question", "市场不行怎么办?"))
		if _, err := srv.PostInteraction(ctxFor(t, time.Minute), "http://"+endpoints[1]+"/interactions", i); err != nil {
			t.Fatal(err)
		}
		m, err := srv.WaitMessage(ctxFor(t, time.Minute), i.ChannelID, func(m *discordgo.Message) bool {
			return m.Interaction != nil && m.Interaction.ID == i.ID && len(m.Embeds) > 0 && len(m.Components) > 0
		})
		if err != nil {
			t.Fatalf("question over HTTP: %v", err)
		}
		return m
	}
	if f := embedFooter(overHTTP(discordfake.UserAdmin)); !strings.Contains(f, "builtin") {
		t.Fatalf("before the switch: footer %q", f)
	}
	use := srv.Command(discordfake.UserAdmin, discordfake.ChannelOther, "model", discordfake.SubCommand("use", discordfake.StringOption("name", "hosted")))
	if err := srv.DispatchInteraction(use); err != nil {
		t.Fatal(err)
	}
	ack, err := srv.WaitAck(ctxFor(t, time.Minute), use.ID)
	if err != nil || !strings.Contains(string(ack.Data), "hosted") {
		t.Fatalf("/model use: %v %s", err, ack.Data)
	}
	procs[1].waitFor("the model switch", func() bool {
		return len(procs[1].logged("guild model switch seen", map[string]string{"guild": discordfake.GuildOther, "model": "hosted"})) > 0
	})
	seen, _ := time.Parse(time.RFC3339Nano, fmt.Sprint(procs[1].logged("guild model switch seen", nil)[0]["time"]))
	// NOTIFY goes out with the commit, before the acknowledgement: the
	// difference is often negative.
	t.Logf("model switch: seen by shard 1's process %v from its acknowledgement by shard 0's", seen.Sub(ack.At).Round(time.Microsecond))
	if f := embedFooter(overHTTP(discordfake.UserAdmin)); !strings.Contains(f, "hosted") {
		t.Errorf("after the switch: footer %q; want the hosted backend", f)
	}

	// The wizard, started on shard 0's process, finished by the other
	// after a SIGKILL.
	procs[1].waitHealth("shard 0/2: lease waiting") // standing by
	w := &wizDriver{t: t, srv: srv, user: discordfake.UserOwner, channel: discordfake.ChannelOther}
	w.start()
	w.pick("0")
	w.click(":c0")
	w.click(":c0")
	// A crash long after the start finds the identify bucket free; wait
	// for that here (the store's slots are DefaultIdentifyInterval apart)
	// to time the takeover itself, not Discord's identify pacing.
	ids := srv.IdentifyLog()
	if free := time.Until(ids[len(ids)-1].At.Add(store.DefaultIdentifyInterval)); free > 0 {
		time.Sleep(free)
	}
	killed := time.Now()
	procs[0].kill()
	procs[1].waitFor("the fake to see shard 0's socket close", func() bool { return !srv.ShardConnected(0) || procs[1].holds(0) })
	if err := srv.WaitShard(ctxFor(t, time.Minute), 0); err != nil {
		t.Fatal(err)
	}
	served := time.Since(killed)
	w.click(":c0")
	t.Logf("shard 0 served again %v after SIGKILL (its next click acknowledged %v after)", served.Round(time.Millisecond), time.Since(killed).Round(time.Millisecond))
	procs[1].waitHealth("shard 0/2: lease held, gateway connected")
	w.finish()
	if n := srv.Throttled(); n != 0 {
		t.Errorf("%d identifies drew an op 9", n)
	}
}

func embedFooter(m *discordgo.Message) string {
	for _, e := range m.Embeds {
		if e.Footer != nil {
			return e.Footer.Text
		}
	}
	return ""
}

// wizDriver clicks through /assess as one founder.
type wizDriver struct {
	t             *testing.T
	srv           *discordfake.Server
	user, channel string
	msg           string
}

func (w *wizDriver) send(i *discordgo.Interaction) discordfake.Ack {
	w.t.Helper()
	i.Locale = discordgo.ChineseCN
	if err := w.srv.DispatchInteraction(i); err != nil {
		w.t.Fatal(err)
	}
	ack, err := w.srv.WaitAck(ctxFor(w.t, time.Minute), i.ID)
	if err != nil || ack.Status != 204 {
		w.t.Fatalf("wizard step: %v, status %d %s", err, ack.Status, ack.Data)
	}
	return ack
}

func (w *wizDriver) start() {
	w.t.Helper()
	w.send(w.srv.Command(w.user, w.channel, "assess"))
	msgs := w.srv.Messages(w.channel)
	w.msg = msgs[len(msgs)-1].ID
}

func (w *wizDriver) message() *discordgo.Message { return w.srv.Message(w.channel, w.msg) }

// id finds the custom_id ending in suffix on the wizard's message.
func (w *wizDriver) id(suffix string) string {
	w.t.Helper()
	m := w.message()
	var ids []string
	for _, row := range m.Components {
		r, ok := row.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, c := range r.Components {
			switch c := c.(type) {
			case *discordgo.Button:
				ids = append(ids, c.CustomID)
			case *discordgo.SelectMenu:
				ids = append(ids, c.CustomID)
			}
		}
	}
	for _, id := range ids {
		if strings.HasSuffix(id, suffix) {
			return id
		}
	}
	w.t.Fatalf("no %q among %v; content %q", suffix, ids, m.Content)
	return ""
}

func (w *wizDriver) click(suffix string) {
	w.t.Helper()
	w.send(w.srv.Button(w.user, w.channel, w.msg, w.id(suffix)))
}

func (w *wizDriver) pick(value string) {
	w.t.Helper()
	w.send(w.srv.SelectMenu(w.user, w.channel, w.msg, w.id(":pick"), value))
}

func (w *wizDriver) enter(text string) {
	w.t.Helper()
	i := w.srv.Button(w.user, w.channel, w.msg, w.id(":modal"))
	ack := w.send(i)
	var modal struct {
		CustomID string `json:"custom_id"`
	}
	json.Unmarshal(ack.Data, &modal)
	sub := w.srv.ModalSubmit(w.user, w.channel, modal.CustomID, map[string]string{"value": text})
	sub.Message = w.message()
	w.send(sub)
}

// finish answers what is left (amounts, then skipping), then asks for the
// report from the review, until the report is shown.
func (w *wizDriver) finish() {
	w.t.Helper()
	amounts := []string{"1.53亿", "$11m", "3个月"}
	for k := 0; k < 30; k++ {
		m := w.message()
		if len(m.Embeds) >= 2 {
			return
		}
		content := m.Content
		if _, q, ok := strings.Cut(content, "\n\n"); ok {
			content = q
		}
		switch {
		case hasSuffixID(m, ":report"): // the review of every answer
			w.click(":report")
		case hasSuffixID(m, ":modal") && len(amounts) > 0:
			w.enter(amounts[0])
			amounts = amounts[1:]
		case hasSuffixID(m, ":skip"):
			w.click(":skip")
		default:
			w.click(":c0")
		}
	}
	w.t.Fatalf("no report after 30 steps: %q", w.message().Content)
}

func hasSuffixID(m *discordgo.Message, suffix string) bool {
	raw, _ := json.Marshal(m.Components)
	return strings.Contains(string(raw), suffix+`"`)
}
