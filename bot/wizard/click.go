package wizard

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
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
	values, input := componentInput(q.Interaction)
	id, err := parseWizardID(q.CustomID())
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
	switch id.Action {
	case actShare:
		if !f.wiz.Done(st.State) {
			return say(text(lang, "notdone"))
		}
		return f.share(user, st.State)
	case actCancel:
		if err := f.store.DeleteAssessment(ctx, s.ID); err != nil {
			return f.failed(err, lang, "cancel assessment")
		}
		return update(&discordgo.InteractionResponseData{Content: text(lang, "cancelled"), Components: []discordgo.MessageComponent{},
			Embeds: []*discordgo.MessageEmbed{}, Attachments: noAttachments()})
	case actModal:
		cur, ok := f.wiz.Current(st.State)
		if !ok {
			return say(text(lang, "stale"))
		}
		return f.modal(s.ID, st.State, cur)
	case actResume:
		return f.show(ctx, s, st)
	case actReport, actReview:
		if !f.wiz.Done(st.State) {
			return say(text(lang, "stale"))
		}
		st.Reported = id.Action == actReport
		return f.save(ctx, s, st, user)
	}
	next, answerErr := f.apply(st.State, id, values, input)
	if answerErr != nil {
		var ae *assess.AnswerError
		msg := answerErr.Error()
		if errors.As(answerErr, &ae) {
			msg = ae.Message(lang)
		}
		if f.wiz.Done(st.State) {
			return update(f.reviewMessage(s.ID, st.State, msg))
		}
		return update(f.stepMessage(s.ID, st.State, msg))
	}
	if f.wiz.Done(next) && !f.wiz.Done(st.State) {
		f.log.Info("assessment answered", "session", s.ID, "user", user)
	}
	return f.save(ctx, s, saved{State: next}, user)
}

// save stores st over s (a compare-and-swap on the version, so a double
// click applies once) and shows it.
func (f *Flow) save(ctx context.Context, s Session, st saved, user string) *router.Response {
	lang := st.Lang
	data, _ := json.Marshal(st)
	prev := s.Version
	s.State, s.Step, s.ExpiresAt = data, st.Step, f.now().Add(f.ttl)
	ok, err := f.store.UpdateAssessment(ctx, s, prev)
	if err != nil {
		return f.failed(err, lang, "update assessment")
	}
	if !ok {
		return say(text(lang, "race"))
	}
	s.Version = prev + 1
	if st.Reported {
		f.log.Info("assessment reported", "session", s.ID, "user", user)
	}
	return f.show(ctx, s, st)
}

// show renders where s is: a question, the review, or the report.
func (f *Flow) show(ctx context.Context, s Session, st saved) *router.Response {
	switch {
	case !f.wiz.Done(st.State):
		return update(f.stepMessage(s.ID, st.State, ""))
	case st.Reported:
		return f.report(s, st.State)
	}
	return update(f.reviewMessage(s.ID, st.State, ""))
}

// apply computes the state after a click; an answer the wizard refuses
// comes back as an error to show on the same question.
func (f *Flow) apply(st assess.State, id wizardID, values []string, input string) (assess.State, error) {
	switch id.Action {
	case actSkip:
		return f.wiz.Skip(st), nil
	case actClear:
		return f.wiz.Clear(st), nil
	case actEdit:
		if !f.wiz.Done(st) || len(values) != 1 {
			return st, &assess.AnswerError{ZH: "请选择一题", EN: "pick one question"}
		}
		n, err := strconv.Atoi(values[0])
		if err != nil || !slices.Contains(f.wiz.Applicable(st), n) {
			return st, &assess.AnswerError{ZH: "无效的选项", EN: "not a valid option"}
		}
		return f.wiz.Edit(st, n), nil
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

// componentInput extracts the select values and the modal text.
func componentInput(i *discordgo.Interaction) (values []string, input string) {
	switch i.Type {
	case discordgo.InteractionMessageComponent:
		return i.MessageComponentData().Values, ""
	case discordgo.InteractionModalSubmit:
		return nil, modalValue(i.ModalSubmitData().Components)
	}
	return nil, ""
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
