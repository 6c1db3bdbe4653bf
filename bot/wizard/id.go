package wizard

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"

	"github.com/premortem/premortem/bot/render"
)

// The assessment wizard carries its state's key in every component's
// custom_id: "assess:<session>:<step>:<action>". The session ID finds the
// stored state (so a click works after a restart, days later), the step
// detects stale and double clicks, and the action says what was clicked.

// Prefix starts every custom_id the assessment wizard owns.
const Prefix = "assess:"

// Wizard actions.
const (
	actChoice  = "c"       // "c<N>": the Nth choice (button) of the step's question
	actPick    = "pick"    // select menu; the value is the choice's index
	actModal   = "modal"   // open the modal for a number
	actSubmit  = "submit"  // the modal's submission
	actSkip    = "skip"    // leave the question unanswered
	actBack    = "back"    // previous question
	actCancel  = "cancel"  // stop and delete the session
	actResume  = "resume"  // continue an unfinished session
	actRestart = "restart" // start the same session over
	actShare   = "share"   // post the report in the channel
	actClear   = "clear"   // erase the question's answer and move on
	actEdit    = "edit"    // review's select menu; the value is the step to change
	actReport  = "report"  // from the review to the report
	actReview  = "review"  // from the report back to the review
)

// wizardID is a parsed custom_id.
type wizardID struct {
	Session string
	Step    int
	Action  string
	Choice  int // for actChoice
}

func (w wizardID) String() string {
	return fmt.Sprintf("%s%s:%d:%s", Prefix, w.Session, w.Step, w.Action)
}

func choiceID(session string, step, n int) string {
	return wizardID{Session: session, Step: step, Action: actChoice + strconv.Itoa(n)}.String()
}

// parseWizardID reads a custom_id; anything not produced by the wizard is
// an error (forged or corrupted IDs never reach the store).
func parseWizardID(s string) (wizardID, error) {
	bad := fmt.Errorf("not an assessment custom_id: %.40q", s)
	if len(s) > render.MaxCustomID || !strings.HasPrefix(s, Prefix) {
		return wizardID{}, bad
	}
	parts := strings.Split(s[len(Prefix):], ":")
	if len(parts) != 3 || !validSessionID(parts[0]) {
		return wizardID{}, bad
	}
	step, err := strconv.Atoi(parts[1])
	if err != nil || step < 0 || step > 999 || parts[1] != strconv.Itoa(step) {
		return wizardID{}, bad
	}
	id := wizardID{Session: parts[0], Step: step, Action: parts[2]}
	switch id.Action {
	case actPick, actModal, actSubmit, actSkip, actBack, actCancel, actResume, actRestart, actShare,
		actClear, actEdit, actReport, actReview:
		return id, nil
	}
	if n, ok := strings.CutPrefix(id.Action, actChoice); ok {
		c, err := strconv.Atoi(n)
		if err == nil && c >= 0 && c < render.MaxChoices && n == strconv.Itoa(c) {
			id.Action, id.Choice = actChoice, c
			return id, nil
		}
	}
	return wizardID{}, bad
}

// newSessionID returns 16 random hex digits.
func newSessionID() (string, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("new session id: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

func validSessionID(s string) bool {
	if len(s) != 16 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
