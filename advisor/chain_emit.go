package advisor

import (
	"strings"
	"unicode"
)

// emitter delivers checked text to Request.OnDelta with the semantics
// documented there: the whole answer so far, never an empty string, never
// the same text twice, and finally the finished, checked answer.
type emitter struct {
	onDelta func(string)
	last    string
}

func newEmitter(onDelta func(string)) *emitter { return &emitter{onDelta: onDelta} }

// streamSpecial are the bytes that may start something the checks act on:
// a think tag, a citation span, a figure.
const streamSpecial = "<`[$¥￥0123456789"

// stream returns the llm-level delta callback for one attempt: it gathers
// the raw reply and shows what passes the streaming checks. A new attempt
// starts from nothing, so its first shown text replaces the old one.
func (e *emitter) stream(gr *grounds) func(string) {
	if e.onDelta == nil {
		return nil
	}
	var raw strings.Builder
	shown, held := "", true
	return func(delta string) {
		raw.WriteString(delta)
		if !held && shown != "" && !strings.ContainsAny(delta, streamSpecial) && !endsInSpace(delta) {
			shown += delta // nothing in it can change what the checks do
		} else {
			v := gr.view(raw.String(), false)
			shown, held = v.text, v.held
		}
		e.show(shown)
	}
}

func endsInSpace(s string) bool { return strings.TrimRightFunc(s, unicode.IsSpace) != s }

func (e *emitter) show(s string) {
	if e.onDelta == nil || s == "" || s == e.last {
		return
	}
	e.last = s
	e.onDelta(s)
}

// final shows the finished answer.
func (e *emitter) final(s string) { e.show(s) }
