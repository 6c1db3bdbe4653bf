package advisor

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"syscall"
	"time"

	"github.com/premortem/premortem/llm"
)

// NoticeKind says what a Notice reports.
type NoticeKind string

const (
	// NoticeWaiting: a model backend has not sent its first token after
	// BackendsConfig.NoticeAfter (2s); the answer is still coming.
	NoticeWaiting NoticeKind = "waiting"
	// NoticeFallback: a model backend failed; Next takes over.
	NoticeFallback NoticeKind = "fallback"
)

// Notice is news for someone waiting on an answer: a slow backend, a
// fallback and why. Request.OnNotice receives them; String words one for
// the asker, in the question's language.
type Notice struct {
	Kind    NoticeKind
	Lang    string        // the question's language, "zh" or "en"
	Backend string        // the backend concerned
	Model   string        // its model, e.g. deepseek-chat
	Waited  time.Duration // NoticeWaiting: how long it has been silent
	Next    string        // NoticeFallback: the backend asked next; "builtin" is the built-in composer
	Reason  string        // NoticeFallback: why, in one line (English, also logged)
}

// String is the notice in one line: "waiting for hosted (deepseek-chat)...",
// "hosted (deepseek-chat) failed: no first token within 10s; local answers".
func (n Notice) String() string {
	who := n.Backend
	if n.Model != "" && n.Model != n.Backend {
		who += " (" + n.Model + ")"
	}
	next := n.Next
	if next == Builtin {
		next = map[bool]string{true: "the built-in composer", false: "内置撰写器"}[n.Lang == "en"]
	}
	switch {
	case n.Kind == NoticeWaiting && n.Lang == "en":
		return "waiting for " + who + "..."
	case n.Kind == NoticeWaiting:
		return "正在等待 " + who + " 回答……"
	case n.Lang == "en":
		return fmt.Sprintf("%s failed: %s; %s answers instead", who, n.Reason, next)
	default:
		return fmt.Sprintf("%s 不可用(%s),改由 %s 回答", who, n.Reason, next)
	}
}

// errFirstToken is the cause of an attempt cut for silence.
type errFirstToken struct{ after time.Duration }

func (e errFirstToken) Error() string { return fmt.Sprintf("no first token within %v", e.after) }

// errAnswerTimeout is the cause of a call cut by the backend's whole timeout.
type errAnswerTimeout struct{ after time.Duration }

func (e errAnswerTimeout) Error() string { return fmt.Sprintf("no complete answer within %v", e.after) }

// errBusy is a call that found no free slot before its deadline.
var errBusy = errors.New("too many calls in flight")

// maxReason bounds a fallback reason: one short line.
const maxReason = 120

// failReason words why a backend failed, in one line, for the asker and
// the log: "no first token within 10s", "server answered 503 Service
// Unavailable", "connection refused".
func failReason(err error) string {
	var ft errFirstToken
	var at errAnswerTimeout
	var se *llm.StatusError
	switch {
	case errors.Is(err, errBusy):
		return errBusy.Error()
	case errors.As(err, &ft):
		return ft.Error()
	case errors.As(err, &at):
		return at.Error()
	case errors.As(err, &se):
		return oneLine(se.Error())
	case errors.Is(err, errEmptyReply):
		return "its reply was empty once checked"
	case errors.Is(err, llm.ErrTruncated), errors.Is(err, io.ErrUnexpectedEOF):
		return "the reply stream was cut"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "connection refused"
	case errors.Is(err, syscall.ECONNRESET):
		return "connection reset"
	case errors.Is(err, context.DeadlineExceeded):
		return "timed out"
	}
	msg := err.Error()
	if i := strings.LastIndex(msg, ": "); i >= 0 && i+2 < len(msg) {
		msg = msg[i+2:] // the innermost cause reads best
	}
	return oneLine(msg)
}

// oneLine is s on one line, clipped to maxReason bytes.
func oneLine(s string) string { return clip(strings.Join(strings.Fields(s), " "), maxReason) }

// clip keeps at most n bytes of s, cut at a rune's start, and marks the cut "…".
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}
