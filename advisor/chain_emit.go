package advisor

import "strings"

// emitter delivers checked text to Request.OnDelta with the semantics
// documented there: the whole answer so far, never an empty string, never
// the same text twice, and finally the finished, checked answer.
type emitter struct {
	onDelta func(string)
	last    string
}

func newEmitter(onDelta func(string)) *emitter { return &emitter{onDelta: onDelta} }

// stream returns the llm-level delta callback for one attempt: it gathers
// the raw reply and shows what passes the streaming checks. A new attempt
// starts from nothing, so its first shown text replaces the old one.
func (e *emitter) stream(gr *grounds) func(string) {
	if e.onDelta == nil {
		return nil
	}
	var raw strings.Builder
	view, settled := "", true
	return func(delta string) {
		raw.WriteString(delta)
		if settled && !strings.ContainsAny(delta, "<`[") {
			view += delta // nothing can change in what was already shown
		} else {
			r := raw.String()
			view, settled = gr.streamView(r), gr.settled(r)
		}
		e.show(view)
	}
}

func (e *emitter) show(s string) {
	if e.onDelta == nil || s == "" || s == e.last {
		return
	}
	e.last = s
	e.onDelta(s)
}

// final shows the finished answer.
func (e *emitter) final(s string) { e.show(s) }
