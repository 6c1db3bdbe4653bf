package store

import (
	"context"
	"fmt"
	"time"
)

// Feedback is one user's vote on one answer message.
type Feedback struct {
	MessageID string
	UserID    string
	GuildID   string
	Vote      int // +1 thumbs up, -1 thumbs down
	At        time.Time
}

// AddFeedback stores f. A user has one vote per message: clicking again
// replaces the vote, so a double click leaves one row. It reports whether
// anything changed (false for a repeated identical vote).
func (s *Store) AddFeedback(ctx context.Context, f Feedback) (changed bool, err error) {
	if f.Vote != 1 && f.Vote != -1 {
		return false, fmt.Errorf("add feedback: vote %d: want 1 or -1", f.Vote)
	}
	if f.At.IsZero() {
		f.At = s.clock()
	}
	n, err := s.e.exec(ctx, `INSERT INTO feedback (message_id, user_id, guild_id, vote, at)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (message_id, user_id) DO UPDATE SET vote = excluded.vote, at = excluded.at
		WHERE feedback.vote != excluded.vote`,
		f.MessageID, f.UserID, f.GuildID, f.Vote, unix(f.At))
	if err != nil {
		return false, fmt.Errorf("add feedback on message %s: %w", f.MessageID, err)
	}
	return n > 0, nil
}

// FeedbackTally counts the votes on one message.
func (s *Store) FeedbackTally(ctx context.Context, messageID string) (up, down int, err error) {
	err = s.e.queryRow(ctx, `SELECT
			COALESCE(SUM(CASE WHEN vote > 0 THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN vote < 0 THEN 1 ELSE 0 END), 0)
		FROM feedback WHERE message_id = $1`, messageID).Scan(&up, &down)
	if err != nil {
		return 0, 0, fmt.Errorf("count feedback on message %s: %w", messageID, err)
	}
	return up, down, nil
}
