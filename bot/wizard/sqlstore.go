package wizard

import (
	"context"
	"errors"
	"strings"

	"github.com/premortem/premortem/store"
)

// assessKey prefixes wizard sessions in the store's shared sessions table,
// so other kinds of session never look like assessments.
const assessKey = "assess:"

// StoreSessions keeps wizard sessions in the store's shared sessions
// table (*store.Store), and forgets users there.
type StoreSessions struct {
	S *store.Store
}

// GetAssessment implements Sessions.
func (a StoreSessions) GetAssessment(ctx context.Context, id string) (Session, error) {
	x, err := a.S.GetSession(ctx, assessKey+id)
	if errors.Is(err, store.ErrNotFound) {
		return Session{}, ErrNoSession
	}
	if err != nil {
		return Session{}, err
	}
	return fromStore(x), nil
}

// LatestAssessment implements Sessions: the user's most recently
// updated assessment.
func (a StoreSessions) LatestAssessment(ctx context.Context, userID string) (Session, bool, error) {
	xs, err := a.S.ListSessionsByUser(ctx, userID)
	if err != nil {
		return Session{}, false, err
	}
	for _, x := range xs {
		if strings.HasPrefix(x.ID, assessKey) {
			return fromStore(x), true, nil
		}
	}
	return Session{}, false, nil
}

// CreateAssessment implements Sessions.
func (a StoreSessions) CreateAssessment(ctx context.Context, s Session) error {
	return a.S.CreateSession(ctx, toStore(s))
}

// UpdateAssessment implements Sessions (compare-and-swap on version).
func (a StoreSessions) UpdateAssessment(ctx context.Context, s Session, prev int64) (bool, error) {
	return a.S.PutSession(ctx, toStore(s), prev)
}

// DeleteAssessment implements Sessions.
func (a StoreSessions) DeleteAssessment(ctx context.Context, id string) error {
	return a.S.DeleteSession(ctx, assessKey+id)
}

// DeleteUser implements Forgetter.
func (a StoreSessions) DeleteUser(ctx context.Context, userID string) (int64, error) {
	return a.S.DeleteUser(ctx, userID)
}

func fromStore(x store.Session) Session {
	return Session{ID: strings.TrimPrefix(x.ID, assessKey), UserID: x.UserID, GuildID: x.GuildID, ChannelID: x.ChannelID,
		State: x.State, Step: x.Step, Version: x.Version, ExpiresAt: x.ExpiresAt}
}

func toStore(s Session) store.Session {
	return store.Session{ID: assessKey + s.ID, UserID: s.UserID, GuildID: s.GuildID, ChannelID: s.ChannelID,
		State: s.State, Step: s.Step, Version: s.Version, ExpiresAt: s.ExpiresAt}
}
