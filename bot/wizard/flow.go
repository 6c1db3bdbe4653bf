package wizard

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/bot/router"
	"github.com/premortem/premortem/knowledge"
)

// DefaultTTL is how long an untouched assessment is kept.
const DefaultTTL = 14 * 24 * time.Hour

// Flow runs the /assess wizard as router handlers: Start (/assess and the
// answer's "assess my company" button), Click (every component and modal
// whose custom_id starts with Prefix) and Forget (/forget). All state is
// in the Sessions store, keyed by the session ID carried in each
// custom_id, so any bot process can continue any session, after any
// restart.
type Flow struct {
	kb       *knowledge.Base
	wiz      *assess.Wizard
	store    Sessions
	forget   Forgetter
	narrator Narrator
	now      func() time.Time
	ttl      time.Duration
	log      *slog.Logger
}

// Options configure a Flow.
type Options struct {
	KB        *knowledge.Base
	Questions []knowledge.Question // nil: knowledge.Questions()
	Store     Sessions
	Forget    Forgetter        // nil: /forget says nothing is stored
	Narrator  Narrator         // nil: reports carry the builtin summary only
	Now       func() time.Time // nil: time.Now
	TTL       time.Duration    // 0: DefaultTTL
	Logger    *slog.Logger
}

// New returns a flow over o.
func New(o Options) (*Flow, error) {
	if o.Store == nil {
		return nil, errors.New("assess flow: no session store")
	}
	if o.Questions == nil {
		qs, err := knowledge.Questions()
		if err != nil {
			return nil, fmt.Errorf("assess flow: %w", err)
		}
		o.Questions = qs
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.TTL <= 0 {
		o.TTL = DefaultTTL
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return &Flow{kb: o.KB, wiz: assess.NewWizard(o.Questions), store: o.Store, forget: o.Forget,
		narrator: o.Narrator, now: o.Now, ttl: o.TTL, log: o.Logger}, nil
}

// Start handles /assess: it offers to resume an unfinished session or
// starts a new one, privately.
func (f *Flow) Start(ctx context.Context, q *router.Request) *router.Response {
	user, lang := q.UserID, q.Lang
	if s, ok, err := f.store.LatestAssessment(ctx, user); err != nil {
		return f.failed(err, lang, "latest assessment")
	} else if ok && f.now().Before(s.ExpiresAt) {
		st, err := decodeState(s.State)
		if err == nil && !st.Reported {
			if d := f.offer(s, st); d != nil {
				return message(d)
			}
		}
	}
	id, err := newSessionID()
	if err != nil {
		return f.failed(err, lang, "session id")
	}
	st := f.wiz.Start(lang)
	data, _ := json.Marshal(saved{State: st})
	s := Session{ID: id, UserID: user, GuildID: q.GuildID, ChannelID: q.ChannelID, State: data, Step: st.Step, ExpiresAt: f.now().Add(f.ttl)}
	if err := f.store.CreateAssessment(ctx, s); err != nil {
		return f.failed(err, lang, "create assessment")
	}
	f.log.Info("assessment started", "session", id, "user", user)
	d := f.stepMessage(s.ID, st, "")
	d.Flags, d.Attachments = discordgo.MessageFlagsEphemeral, nil // a new message has no files to clear
	return message(d)
}

// offer asks whether to go on with an unfinished session: at its
// question, or at the review when every question is answered but the
// report was never shown. A session whose report was shown is finished.
func (f *Flow) offer(s Session, st saved) *discordgo.InteractionResponseData {
	var d *discordgo.InteractionResponseData
	var label string
	if f.wiz.Done(st.State) {
		if !st.Review {
			return nil // finished before the review existed: its report was shown
		}
		d, label = private(text(st.Lang, "offerdone")), text(st.Lang, "toreview")
	} else {
		n, total := f.wiz.Progress(st.State)
		d, label = private(text(st.Lang, "offer", n, total)), text(st.Lang, "resume", n, total)
	}
	d.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{CustomID: wizardID{Session: s.ID, Step: s.Step, Action: actResume}.String(), Label: label, Style: discordgo.PrimaryButton},
		discordgo.Button{CustomID: wizardID{Session: s.ID, Step: s.Step, Action: actRestart}.String(), Label: text(st.Lang, "restart"), Style: discordgo.SecondaryButton},
	}}}
	return d
}

// Forget handles /forget: it deletes the user's assessments and feedback.
func (f *Flow) Forget(ctx context.Context, q *router.Request) *router.Response {
	var n int64
	if f.forget != nil {
		var err error
		if n, err = f.forget.DeleteUser(ctx, q.UserID); err != nil {
			return f.failed(err, q.Lang, "delete user")
		}
	}
	f.log.Info("user data deleted", "user", q.UserID, "records", n)
	if n == 0 {
		return say(text(q.Lang, "forgotnil"))
	}
	return say(text(q.Lang, "forgot", n))
}

// text is the wizard's words: its keys in render's one table.
func text(lang, key string, args ...any) string { return render.T(lang, "wizard."+key, args...) }

// private is the data of a message only the user sees.
func private(s string) *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{Content: s, Flags: discordgo.MessageFlagsEphemeral}
}

// say answers with a message only the user sees.
func say(s string) *router.Response { return message(private(s)) }

// message answers with a new message (private when d says so).
func message(d *discordgo.InteractionResponseData) *router.Response {
	return &router.Response{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: d}
}

// update replaces the message clicked with d.
func update(d *discordgo.InteractionResponseData) *router.Response {
	return &router.Response{Type: discordgo.InteractionResponseUpdateMessage, Data: d}
}

func (f *Flow) failed(err error, lang, doing string) *router.Response {
	f.log.Error("assessment failed", "doing", doing, "err", err)
	return say(text(lang, "failed"))
}

// saved is a session's stored state: the wizard's, and whether the
// report is what the founder last saw (a finished session, not one to
// offer to resume). Its JSON is assess.State's with one more field, so
// states stored before it decode as they were.
type saved struct {
	assess.State
	Reported bool `json:"reported,omitempty"`
}

func decodeState(b []byte) (saved, error) {
	var st saved
	if err := json.Unmarshal(b, &st); err != nil {
		return st, fmt.Errorf("decode assessment state: %w", err)
	}
	return st, nil
}
