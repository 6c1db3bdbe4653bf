package wizard

import (
	"context"
	"errors"
	"time"
)

// Session is one founder's stored wizard: the assess.State as JSON,
// with the step and a version for compare-and-swap updates.
type Session struct {
	ID        string
	UserID    string
	GuildID   string
	ChannelID string
	State     []byte // assess.State as JSON
	Step      int
	Version   int64
	ExpiresAt time.Time
}

// ErrNoSession is returned by a Sessions store for an unknown session ID.
var ErrNoSession = errors.New("no such assessment session")

// Sessions keeps wizard sessions. UpdateAssessment writes s only when the
// stored version is still prev (and then stores prev+1), reporting false
// when another click won, so a double click applies once.
type Sessions interface {
	GetAssessment(ctx context.Context, id string) (Session, error)
	LatestAssessment(ctx context.Context, userID string) (Session, bool, error)
	CreateAssessment(ctx context.Context, s Session) error
	UpdateAssessment(ctx context.Context, s Session, prev int64) (bool, error)
	DeleteAssessment(ctx context.Context, id string) error
}

// Forgetter deletes everything stored about a user (assessments,
// feedback), for /forget and `premortem forget`.
type Forgetter interface {
	DeleteUser(ctx context.Context, userID string) (int64, error)
}
