package wizard

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/assess"
	"github.com/premortem/premortem/bot/router"
)

// Click handles a click, a select or a modal submission whose custom_id
// starts with Prefix. Forged or stale IDs, other people's sessions and
// expired sessions get a private explanation and touch nothing; a double
// click applies once (the step in the custom_id must match the stored
// step, and the write is a compare-and-swap on version).
func (f *Flow) Click(ctx context.Context, q *router.Request) *router.Response {
	user, lang := q.UserID, q.Lang
	customID, values, input := componentInput(q.Interaction)
	id, err := parseWizardID(customID)
	if err != nil {
		f.log.Warn("assessment: invalid custom_id", "user", user)
		return say(text(lang, "invalid"))
	}
	s, err := f.store.GetAssessment(ctx, id.Session)
	if errors.Is(err, ErrNoSession) {
		return say(text(lang, "notfound"))
	}
	if err != nil {
		return f.failed(err, lang, "get assessment")
	}
	if s.UserID != user {
		f.log.Warn("assessment: click on someone else's session", "session", s.ID, "user", user)
		return say(text(lang, "notyours"))
	}
	st, err := decodeState(s.State)
	if err != nil {
		return f.failed(err, lang, "decode state")
	}
	lang = st.Lang
	if !f.now().Before(s.ExpiresAt) {
		if err := f.store.DeleteAssessment(ctx, s.ID); err != nil {
			f.log.Error("assessment: delete expired", "session", s.ID, "err", err)
		}
		return say(text(lang, "expired"))
	}
	if id.Step != s.Step {
		return say(text(lang, "stale"))
	}
	if id.Action == actShare {
		if !f.wiz.Done(st) {
			return say(text(lang, "notdone"))
		}
		return f.share(user, st)
	}
	if id.Action == actCancel {
		if err := f.store.DeleteAssessment(ctx, s.ID); err != nil {
			return f.failed(err, lang, "cancel assessment")
		}
		return update(&discordgo.InteractionResponseData{Content: text(lang, "cancelled"), Components: []discordgo.MessageComponent{}, Embeds: []*discordgo.MessageEmbed{}})
	}
	if id.Action == actResume {
		if f.wiz.Done(st) {
			return f.report(st, s.ID)
		}
		return update(f.stepMessage(s.ID, st, ""))
	}
	if id.Action == actModal {
		cur, ok := f.wiz.Current(st)
		if !ok {
			return say(text(lang, "stale"))
		}
		return f.modal(s.ID, st, cur)
	}
	next, answerErr := f.apply(st, id, values, input)
	if answerErr != nil {
		var ae *assess.AnswerError
		msg := answerErr.Error()
		if errors.As(answerErr, &ae) {
			msg = ae.Message(lang)
		}
		return update(f.stepMessage(s.ID, st, msg))
	}
	data, _ := json.Marshal(next)
	prev := s.Version
	s.State, s.Step, s.ExpiresAt = data, next.Step, f.now().Add(f.ttl)
	ok, err := f.store.UpdateAssessment(ctx, s, prev)
	if err != nil {
		return f.failed(err, lang, "update assessment")
	}
	if !ok {
		return say(text(lang, "race"))
	}
	if f.wiz.Done(next) {
		f.log.Info("assessment completed", "session", s.ID, "user", user)
		return f.report(next, s.ID)
	}
	return update(f.stepMessage(s.ID, next, ""))
}

// apply computes the state after a click; an answer the wizard refuses
// comes back as an error to show on the same question.
func (f *Flow) apply(st assess.State, id wizardID, values []string, input string) (assess.State, error) {
	switch id.Action {
	case actSkip:
		return f.wiz.Skip(st), nil
	case actBack:
		return f.wiz.Back(st), nil
	case actRestart:
		return f.wiz.Start(st.Lang), nil
	case actSubmit:
		return f.wiz.Answer(st, input)
	case actChoice, actPick:
		cur, ok := f.wiz.Current(st)
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
		if n < 0 || n >= len(cur.Choices) {
			return st, &assess.AnswerError{ZH: "无效的选项", EN: "not a valid option"}
		}
		return f.wiz.Answer(st, cur.Choices[n].Value)
	}
	return st, &assess.AnswerError{ZH: "无效的操作", EN: "not a valid action"}
}

// componentInput extracts the custom_id, select values and modal text.
func componentInput(i *discordgo.Interaction) (customID string, values []string, input string) {
	switch i.Type {
	case discordgo.InteractionMessageComponent:
		d := i.MessageComponentData()
		return d.CustomID, d.Values, ""
	case discordgo.InteractionModalSubmit:
		d := i.ModalSubmitData()
		return d.CustomID, nil, modalValue(d.Components)
	}
	return "", nil, ""
}

// modalValue finds the text input's value in a modal submission.
func modalValue(comps []discordgo.MessageComponent) string {
	for _, c := range comps {
		switch c := c.(type) {
		case *discordgo.ActionsRow:
			if v := modalValue(c.Components); v != "" {
				return v
			}
		case discordgo.ActionsRow:
			if v := modalValue(c.Components); v != "" {
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
