package bot

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/store"
)

// question is one question from any front (slash command or message).
type question struct {
	text    string
	userID  string
	guildID string
	history []advisor.Turn
	notice  string // shown above the answer, e.g. that older context was left out
}

// outcome is what answering produced: the answer's messages, or a short
// text (a refusal, a timeout) and whether it may be shown publicly.
type outcome struct {
	msgs   []*discordgo.InteractionResponseData
	text   string
	public bool
	reason string // metrics label
}

// answer runs a question through the daily caps and the advisor, streaming
// the checked text so far to progress (nil for none).
func (b *Bot) answer(ctx context.Context, q question, progress func(*discordgo.InteractionResponseData)) outcome {
	text, err := advisor.CleanQuestion(q.text)
	lang := advisor.DetectLang(q.text)
	switch {
	case errors.Is(err, advisor.ErrEmptyQuestion):
		return outcome{text: t(lang, "empty"), reason: "empty"}
	case errors.Is(err, advisor.ErrQuestionTooLong):
		return outcome{text: t(lang, "toolong", advisor.MaxQuestionBytes), reason: "toolong"}
	}
	lang = advisor.DetectLang(text)
	caps := []store.Cap{{Kind: store.UsageUser, ID: q.userID, Limit: b.cfg.UserDailyCap}}
	if q.guildID != "" {
		caps = append(caps, store.Cap{Kind: store.UsageGuild, ID: q.guildID, Limit: b.cfg.GuildDailyCap})
	}
	hit, ok, err := b.store.TakeDaily(ctx, store.Day(time.Now()), caps...)
	if err != nil {
		b.log.Error("daily caps", "err", err)
		return outcome{text: t(lang, "failed"), reason: "error"}
	}
	if !ok {
		b.metrics.refused(hit.Kind + "cap")
		return outcome{text: t(lang, hit.Kind+"cap", hit.Limit), reason: "cap"}
	}
	req := advisor.Request{Question: text, Model: b.guildModel(ctx, q.guildID), History: q.history}
	if progress != nil && b.cfg.Stream {
		req.OnDelta = func(s string) { progress(partial(s, q.notice, lang)) }
	}
	start := time.Now()
	ans, err := b.adv.Ask(ctx, req)
	if errors.Is(err, advisor.ErrUnknownBackend) && req.Model != "" {
		b.log.Warn("guild model no longer configured; using the default", "guild", q.guildID, "model", req.Model)
		req.Model = ""
		ans, err = b.adv.Ask(ctx, req)
	}
	if err != nil {
		if ctx.Err() != nil {
			return outcome{text: t(lang, stopReason(ctx)), public: true, reason: stopReason(ctx)}
		}
		b.log.Error("answer failed", "user", q.userID, "guild", q.guildID, "err", err)
		return outcome{text: t(lang, "failed"), public: true, reason: "error"}
	}
	b.metrics.modelTime(ans.Model.Backend, time.Since(start))
	if ans.Model.FallbackFrom != "" {
		b.metrics.fallback(ans.Model.FallbackFrom, ans.Model.Backend)
	}
	b.log.Info("answered", "user", q.userID, "guild", q.guildID, "backend", ans.Model.Backend,
		"risks", len(ans.Risks), "ms", time.Since(start).Milliseconds())
	b.log.Debug("answer", "question", text, "answer", ans.Text)
	return outcome{msgs: renderAnswer(ans, b.kb, q.notice), public: true, reason: "ok"}
}

// partial is how an answer being written looks.
func partial(text, notice, lang string) *discordgo.InteractionResponseData {
	return &discordgo.InteractionResponseData{Content: notice, Embeds: []*discordgo.MessageEmbed{{
		Description: clip(text, maxDescription-8),
		Color:       answerColor,
		Footer:      &discordgo.MessageEmbedFooter{Text: t(lang, "writing")},
	}}}
}

// guildModel is the guild's chosen backend, "" for the default.
func (b *Bot) guildModel(ctx context.Context, guildID string) string {
	if guildID == "" {
		return ""
	}
	c, err := b.store.GuildModel(ctx, guildID)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			b.log.Warn("read guild model", "guild", guildID, "err", err)
		}
		return ""
	}
	return c.Backend
}

// askCommand handles /ask question.
func (b *Bot) askCommand(ctx context.Context, r *Request) *Response {
	text, _ := option(r.ApplicationCommandData().Options, "question")
	o := b.answer(ctx, question{text: text, userID: r.UserID, guildID: r.GuildID}, r.Progress)
	b.metrics.answered(o.reason)
	if o.msgs == nil {
		if o.public {
			return Reply(&discordgo.InteractionResponseData{Content: o.text})
		}
		return Private(o.text)
	}
	return &Response{Data: o.msgs[0], More: o.msgs[1:]}
}

// stripMentions removes the bot's mention tokens from a message.
func stripMentions(s string, tokens ...string) string {
	for _, tok := range tokens {
		s = strings.ReplaceAll(s, tok, "")
	}
	return strings.TrimSpace(s)
}
