package bot

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/assess"
)

// Component handles a click, a select or a modal submission whose
// custom_id starts with "assess:". Forged or stale IDs, other people's
// sessions and expired sessions get a private explanation and touch
// nothing; a double click applies once (the step in the custom_id must
// match the stored step, and the write is a compare-and-swap on version).
func (f *AssessFlow) Component(ctx context.Context, i *discordgo.Interaction) AssessReply {
	user, lang := wizUser(i), wizLang(i)
	customID, values, text := wizComponentInput(i)
	id, err := parseWizardID(customID)
	if err != nil {
		f.log.Warn("assessment: invalid custom_id", "user", user)
		return wizReply(wizEphemeral(wizT(lang, "invalid")), nil)
	}
	s, err := f.store.GetAssessment(ctx, id.Session)
	if errors.Is(err, ErrNoSession) {
		return wizReply(wizEphemeral(wizT(lang, "notfound")), nil)
	}
	if err != nil {
		return f.failed(err, lang, "get assessment")
	}
	if s.UserID != user {
		f.log.Warn("assessment: click on someone else's session", "session", s.ID, "user", user)
		return wizReply(wizEphemeral(wizT(lang, "notyours")), nil)
	}
	st, err := wizDecodeState(s.State)
	if err != nil {
		return f.failed(err, lang, "decode state")
	}
	lang = st.Lang
	if !f.now().Before(s.ExpiresAt) {
		if err := f.store.DeleteAssessment(ctx, s.ID); err != nil {
			f.log.Error("assessment: delete expired", "session", s.ID, "err", err)
		}
		return wizReply(wizEphemeral(wizT(lang, "expired")), nil)
	}
	if id.Step != s.Step {
		return wizReply(wizEphemeral(wizT(lang, "stale")), nil)
	}
	if id.Action == actShare {
		if !f.wiz.Done(st) {
			return wizReply(wizEphemeral(wizT(lang, "notdone")), nil)
		}
		return f.share(user, st)
	}
	if id.Action == actCancel {
		if err := f.store.DeleteAssessment(ctx, s.ID); err != nil {
			return f.failed(err, lang, "cancel assessment")
		}
		return wizUpdate(&discordgo.InteractionResponseData{Content: wizT(lang, "cancelled"), Components: []discordgo.MessageComponent{}, Embeds: []*discordgo.MessageEmbed{}, AllowedMentions: wizNoMentions()})
	}
	if id.Action == actResume {
		if f.wiz.Done(st) {
			return f.report(st, s.ID)
		}
		return wizUpdate(f.stepMessage(s.ID, st, ""))
	}
	if id.Action == actModal {
		q, ok := f.wiz.Current(st)
		if !ok {
			return wizReply(wizEphemeral(wizT(lang, "stale")), nil)
		}
		return AssessReply{Response: f.modal(s.ID, st, q)}
	}
	next, answerErr := f.apply(st, id, values, text)
	if answerErr != nil {
		var ae *assess.AnswerError
		msg := answerErr.Error()
		if errors.As(answerErr, &ae) {
			msg = ae.Message(lang)
		}
		return wizUpdate(f.stepMessage(s.ID, st, msg))
	}
	data, _ := json.Marshal(next)
	prev := s.Version
	s.State, s.Step, s.ExpiresAt = data, next.Step, f.now().Add(f.ttl)
	ok, err := f.store.UpdateAssessment(ctx, s, prev)
	if err != nil {
		return f.failed(err, lang, "wizUpdate assessment")
	}
	if !ok {
		return wizReply(wizEphemeral(wizT(lang, "race")), nil)
	}
	if f.wiz.Done(next) {
		f.log.Info("assessment completed", "session", s.ID, "user", user)
		return f.report(next, s.ID)
	}
	return wizUpdate(f.stepMessage(s.ID, next, ""))
}

// apply computes the state after a click; an answer the wizard refuses
// comes back as an error to show on the same question.
func (f *AssessFlow) apply(st assess.State, id wizardID, values []string, text string) (assess.State, error) {
	switch id.Action {
	case actSkip:
		return f.wiz.Skip(st), nil
	case actBack:
		return f.wiz.Back(st), nil
	case actRestart:
		return f.wiz.Start(st.Lang), nil
	case actSubmit:
		return f.wiz.Answer(st, text)
	case actChoice, actPick:
		q, ok := f.wiz.Current(st)
		if !ok {
			return st, errors.New("no question")
		}
		n := id.Choice
		if id.Action == actPick {
			if len(values) != 1 {
				return st, &assess.AnswerError{ZH: "请选择一项", EN: "pick one option"}
			}
			v, err := strconv.Atoi(values[0])
			if err != nil {
				return st, &assess.AnswerError{ZH: "无效的选项", EN: "not a valid option"}
			}
			n = v
		}
		if n < 0 || n >= len(q.Choices) {
			return st, &assess.AnswerError{ZH: "无效的选项", EN: "not a valid option"}
		}
		return f.wiz.Answer(st, q.Choices[n].Value)
	}
	return st, &assess.AnswerError{ZH: "无效的操作", EN: "not a valid action"}
}

// wizComponentInput extracts the custom_id, select values and modal text.
func wizComponentInput(i *discordgo.Interaction) (customID string, values []string, text string) {
	switch i.Type {
	case discordgo.InteractionMessageComponent:
		d := i.MessageComponentData()
		return d.CustomID, d.Values, ""
	case discordgo.InteractionModalSubmit:
		d := i.ModalSubmitData()
		return d.CustomID, nil, wizModalValue(d.Components)
	}
	return "", nil, ""
}

// wizModalValue finds the text input's value in a modal submission.
func wizModalValue(comps []discordgo.MessageComponent) string {
	for _, c := range comps {
		switch c := c.(type) {
		case *discordgo.ActionsRow:
			if v := wizModalValue(c.Components); v != "" {
				return v
			}
		case discordgo.ActionsRow:
			if v := wizModalValue(c.Components); v != "" {
				return v
			}
		case *discordgo.TextInput:
			return c.Value
		case discordgo.TextInput:
			return c.Value
		}
	}
	return ""
}
