package bot

import (
	"context"
	"errors"
	"log/slog"
	"strings"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/store"
)

// assessKey prefixes wizard sessions in the store's shared sessions table,
// so other kinds of session never look like assessments.
const assessKey = "assess:"

// StoreAssessments adapts the SQLite store's sessions to AssessStore.
type StoreAssessments struct {
	S *store.Store
}

// GetAssessment implements AssessStore.
func (a StoreAssessments) GetAssessment(ctx context.Context, id string) (AssessSession, error) {
	x, err := a.S.GetSession(ctx, assessKey+id)
	if errors.Is(err, store.ErrNotFound) {
		return AssessSession{}, ErrNoSession
	}
	if err != nil {
		return AssessSession{}, err
	}
	return fromStore(x), nil
}

// LatestAssessment implements AssessStore: the user's most recently
// updated assessment.
func (a StoreAssessments) LatestAssessment(ctx context.Context, userID string) (AssessSession, bool, error) {
	xs, err := a.S.ListSessionsByUser(ctx, userID)
	if err != nil {
		return AssessSession{}, false, err
	}
	for _, x := range xs {
		if strings.HasPrefix(x.ID, assessKey) {
			return fromStore(x), true, nil
		}
	}
	return AssessSession{}, false, nil
}

// CreateAssessment implements AssessStore.
func (a StoreAssessments) CreateAssessment(ctx context.Context, s AssessSession) error {
	return a.S.CreateSession(ctx, toStore(s))
}

// UpdateAssessment implements AssessStore (compare-and-swap on version).
func (a StoreAssessments) UpdateAssessment(ctx context.Context, s AssessSession, prev int64) (bool, error) {
	return a.S.PutSession(ctx, toStore(s), prev)
}

// DeleteAssessment implements AssessStore.
func (a StoreAssessments) DeleteAssessment(ctx context.Context, id string) error {
	return a.S.DeleteSession(ctx, assessKey+id)
}

// DeleteUser implements UserForgetter.
func (a StoreAssessments) DeleteUser(ctx context.Context, userID string) (int64, error) {
	return a.S.DeleteUser(ctx, userID)
}

func fromStore(x store.Session) AssessSession {
	return AssessSession{ID: strings.TrimPrefix(x.ID, assessKey), UserID: x.UserID, GuildID: x.GuildID, ChannelID: x.ChannelID,
		State: x.State, Step: x.Step, Version: x.Version, ExpiresAt: x.ExpiresAt}
}

func toStore(s AssessSession) store.Session {
	return store.Session{ID: assessKey + s.ID, UserID: s.UserID, GuildID: s.GuildID, ChannelID: s.ChannelID,
		State: s.State, Step: s.Step, Version: s.Version, ExpiresAt: s.ExpiresAt}
}

// NewStoreAssessFlow builds the wizard as the bot runs it: sessions and
// /forget on st, narratives by adv's active backend (builtin: none).
func NewStoreAssessFlow(adv *advisor.Advisor, st *store.Store, log *slog.Logger) (*AssessFlow, error) {
	sa := StoreAssessments{S: st}
	return NewAssessFlow(AssessOptions{KB: adv.KB(), Store: sa, Forget: sa, Narrator: AdvisorNarrator{Advisor: adv}, Logger: log})
}
