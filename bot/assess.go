package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/knowledge"
)

// DefaultAssessTTL is how long an untouched assessment is kept.
const DefaultAssessTTL = 14 * 24 * time.Hour

// AssessFlow runs the /assess wizard over Discord interactions. Its handlers
// return the response to send (handlers return values; nothing here talks to
// Discord), so the flow tests without a gateway and the bot's router decides
// how to deliver. All state is in the AssessStore, keyed by the session ID
// carried in each custom_id, so any bot instance can continue any session.
type AssessFlow struct {
	kb       *knowledge.Base
	wiz      *assess.Wizard
	store    AssessStore
	forget   UserForgetter
	narrator Narrator
	now      func() time.Time
	ttl      time.Duration
	log      *slog.Logger
}

// AssessOptions configures an AssessFlow.
type AssessOptions struct {
	KB        *knowledge.Base
	Questions []knowledge.Question
	Store     AssessStore
	Forget    UserForgetter    // nil: /forget says nothing is stored
	Narrator  Narrator         // nil: reports carry the builtin summary only
	Now       func() time.Time // nil: time.Now
	TTL       time.Duration    // 0: DefaultAssessTTL
	Logger    *slog.Logger
}

// NewAssessFlow returns a flow over o.
func NewAssessFlow(o AssessOptions) (*AssessFlow, error) {
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
		o.TTL = DefaultAssessTTL
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return &AssessFlow{kb: o.KB, wiz: assess.NewWizard(o.Questions), store: o.Store, forget: o.Forget,
		narrator: o.Narrator, now: o.Now, ttl: o.TTL, log: o.Logger}, nil
}

// AssessReply is a handler's answer: the interaction response, and
// optionally work to run after it is sent (the model's narrative), whose
// result edits the original response.
type AssessReply struct {
	Response *discordgo.InteractionResponse
	Later    func(ctx context.Context) (*discordgo.WebhookEdit, error)
}

// Owns reports whether a component or modal custom_id belongs to the wizard.
func (f *AssessFlow) Owns(customID string) bool { return strings.HasPrefix(customID, wizardPrefix) }

// wizUser returns who clicked, in a guild or a DM.
func wizUser(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}

// wizLang maps a Discord locale to zh or en.
func wizLang(i *discordgo.Interaction) string {
	if strings.HasPrefix(string(i.Locale), "zh") {
		return "zh"
	}
	return "en"
}

// Command handles /assess: it offers to resume an unfinished session or
// starts a new one, privately.
func (f *AssessFlow) Command(ctx context.Context, i *discordgo.Interaction) AssessReply {
	user, lang := wizUser(i), wizLang(i)
	if s, ok, err := f.store.LatestAssessment(ctx, user); err != nil {
		return f.failed(err, lang, "latest assessment")
	} else if ok && f.now().Before(s.ExpiresAt) {
		st, err := wizDecodeState(s.State)
		if err == nil && !f.wiz.Done(st) {
			n, total := f.wiz.Progress(st)
			return wizReply(wizEphemeral(fmt.Sprintf(wizT(st.Lang, "offer"), n, total)), []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				discordgo.Button{CustomID: wizardID{Session: s.ID, Step: s.Step, Action: actResume}.String(), Label: fmt.Sprintf(wizT(st.Lang, "resume"), n, total), Style: discordgo.PrimaryButton},
				discordgo.Button{CustomID: wizardID{Session: s.ID, Step: s.Step, Action: actRestart}.String(), Label: wizT(st.Lang, "restart"), Style: discordgo.SecondaryButton},
			}}})
		}
	}
	id, err := wizNewSessionID()
	if err != nil {
		return f.failed(err, lang, "session id")
	}
	st := f.wiz.Start(lang)
	data, _ := json.Marshal(st)
	s := AssessSession{ID: id, UserID: user, GuildID: i.GuildID, ChannelID: i.ChannelID, State: data, Step: st.Step, ExpiresAt: f.now().Add(f.ttl)}
	if err := f.store.CreateAssessment(ctx, s); err != nil {
		return f.failed(err, lang, "create assessment")
	}
	f.log.Info("assessment started", "session", id, "user", user)
	d := f.stepMessage(s.ID, st, "")
	d.Flags = discordgo.MessageFlagsEphemeral
	return AssessReply{Response: &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: d}}
}

// Forget handles /forget: it deletes the user's assessments and feedback.
func (f *AssessFlow) Forget(ctx context.Context, i *discordgo.Interaction) AssessReply {
	user, lang := wizUser(i), wizLang(i)
	var n int64
	if f.forget != nil {
		var err error
		if n, err = f.forget.DeleteUser(ctx, user); err != nil {
			return f.failed(err, lang, "delete user")
		}
	}
	f.log.Info("user data deleted", "user", user, "records", n)
	if n == 0 {
		return wizReply(wizEphemeral(wizT(lang, "forgotnil")), nil)
	}
	return wizReply(wizEphemeral(fmt.Sprintf(wizT(lang, "forgot"), n)), nil)
}

// wizEphemeral is a private message's data.
func wizEphemeral(text string) *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{Content: text, Flags: discordgo.MessageFlagsEphemeral, AllowedMentions: wizNoMentions()}
}

func wizReply(d *discordgo.InteractionResponseData, comps []discordgo.MessageComponent) AssessReply {
	d.Components = comps
	return AssessReply{Response: &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: d}}
}

func wizUpdate(d *discordgo.InteractionResponseData) AssessReply {
	return AssessReply{Response: &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: d}}
}

// wizNoMentions lets nothing the bot sends ping anyone.
func wizNoMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func (f *AssessFlow) failed(err error, lang, doing string) AssessReply {
	f.log.Error("assessment failed", "doing", doing, "err", err)
	return wizReply(wizEphemeral(wizT(lang, "failed")), nil)
}

func wizDecodeState(b []byte) (assess.State, error) {
	var st assess.State
	if err := json.Unmarshal(b, &st); err != nil {
		return st, fmt.Errorf("decode assessment state: %w", err)
	}
	return st, nil
}
