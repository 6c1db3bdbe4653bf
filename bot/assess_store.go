package bot

import (
	"context"
	"errors"
	"time"
)

// AssessSession is one founder's stored wizard: the assess.State as JSON,
// with the step and a version for compare-and-swap updates.
type AssessSession struct {
	ID        string
	UserID    string
	GuildID   string
	ChannelID string
	State     []byte // assess.State as JSON
	Step      int
	Version   int64
	ExpiresAt time.Time
}

// ErrNoSession is returned by an AssessStore for an unknown session ID.
var ErrNoSession = errors.New("no such assessment session")

// AssessStore keeps wizard sessions. UpdateAssessment writes s only when the
// stored version is still prev (and then stores prev+1), reporting false
// when another click won, so a double click applies once.
type AssessStore interface {
	GetAssessment(ctx context.Context, id string) (AssessSession, error)
	LatestAssessment(ctx context.Context, userID string) (AssessSession, bool, error)
	CreateAssessment(ctx context.Context, s AssessSession) error
	UpdateAssessment(ctx context.Context, s AssessSession, prev int64) (bool, error)
	DeleteAssessment(ctx context.Context, id string) error
}

// UserForgetter deletes everything stored about a user (assessments,
// feedback), for /forget and `premortem forget`.
type UserForgetter interface {
	DeleteUser(ctx context.Context, userID string) (int64, error)
}
