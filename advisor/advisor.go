package advisor

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/premortem/premortem/knowledge"
	"github.com/premortem/premortem/situation"
)

// MaxQuestionChars bounds a question, in characters (a Chinese paste of a
// business plan counts as what it reads, not its UTF-8 bytes); longer input
// is refused, not truncated,
// so nothing the founder wrote is silently lost.
const MaxQuestionChars = 4000

// Input errors, tested by the front ends to word their refusals.
var (
	ErrEmptyQuestion   = errors.New("the question is empty")
	ErrQuestionTooLong = fmt.Errorf("the question is longer than %d characters", MaxQuestionChars)
	ErrUnknownBackend  = errors.New("unknown model backend")
)

// Retriever ranks knowledge for a question.
type Retriever interface {
	Search(question string) knowledge.Result
}

// Advisor answers founders' questions from the knowledge base, through the
// configured model backends. It is safe for concurrent use.
type Advisor struct {
	kb       *knowledge.Base
	search   Retriever
	backends *Backends
	reader   *situation.Reader // nil without knowledge
	lower    lowered           // the knowledge's claims in lower case
	log      *slog.Logger
}

// Options configures an Advisor.
type Options struct {
	KB       *knowledge.Base
	Search   Retriever
	Backends *Backends // nil: builtin only
	Logger   *slog.Logger
}

// New returns an Advisor. Everything that can be prepared once (indexes,
// templates) is prepared by the caller and passed in.
func New(o Options) *Advisor {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Backends == nil {
		o.Backends = BuiltinOnly()
	}
	a := &Advisor{kb: o.KB, search: o.Search, backends: o.Backends, log: o.Logger}
	if o.KB != nil {
		a.reader = situation.NewReader(o.KB)
		a.lower = newLowered(o.KB)
	}
	return a
}

// KB returns the knowledge base the advisor answers from.
func (a *Advisor) KB() *knowledge.Base { return a.kb }

// Backends returns the advisor's backend set.
func (a *Advisor) Backends() *Backends { return a.backends }

// Turn is an earlier message of the conversation, for context.
type Turn struct {
	FromBot bool
	Text    string
}

// Request is one question.
//
// OnDelta, when not nil, streams the answer: each call carries the WHOLE
// answer text so far (not a piece), already checked: no <think> reasoning,
// no citation of an entry the model was not given. Calls come from Ask's
// goroutine, in order, never with "" and never twice with the same text.
// A text may be shorter than the one before: when a backend fails mid-way
// and another (or builtin) takes over, the new text replaces the old, so a
// front end simply shows the latest text it was given. Otherwise each text
// continues the one before (nothing shown is taken back: what the checks
// may still change is held back until they can tell), so a terminal can
// print only what is new. The last call carries exactly Answer.Text
// (figures marked, sources line added).
//
// OnNotice, when not nil, hears what a waiting asker may want to know: a
// model backend silent for a couple of seconds (NoticeWaiting), a backend
// that failed and who takes over, with the reason in one line
// (NoticeFallback). Like OnDelta it is called from Ask's goroutine, never
// concurrently with OnDelta.
type Request struct {
	Question string
	Model    string         // backend name; "" uses the default; unknown names give ErrUnknownBackend
	History  []Turn         // oldest first, already capped by the caller
	OnDelta  func(s string) // the checked answer so far (see above); nil for none
	OnNotice func(Notice)   // waiting and fallback notices (see above); nil for none
	NoRoute  bool           // skip the model-backed router even where configured (eval compares)
}

// CleanQuestion trims q and checks it is askable.
func CleanQuestion(q string) (string, error) {
	q = strings.TrimSpace(strings.ToValidUTF8(q, ""))
	switch {
	case q == "":
		return "", ErrEmptyQuestion
	case utf8.RuneCountInString(q) > MaxQuestionChars:
		return "", ErrQuestionTooLong
	case !utf8.ValidString(q):
		return "", ErrEmptyQuestion
	}
	return q, nil
}

// Ask answers one question.
func (a *Advisor) Ask(ctx context.Context, req Request) (*Answer, error) {
	start := time.Now()
	q, err := CleanQuestion(req.Question)
	if err != nil {
		return nil, err
	}
	req.Question = q
	lang := DetectLang(q)
	routing := a.startRoute(ctx, req) // beside retrieval; nil when no router applies
	found := a.search.Search(q)
	followUp := false
	if found.OffTopic() {
		if fr, ok := a.followUpResult(q, req.History); ok {
			found, followUp = fr, true
		}
	}
	retrieved := time.Now()
	found, route := routing.settle(found, followUp)
	var sit *situation.Situation
	if a.reader != nil {
		s := a.reader.Read(q, founderTexts(req.History)...)
		sit = &s
	}
	g := a.ground(found, lang, sit)
	g.FollowUp, g.Said = followUp, Said(req.History)
	g.Direct = a.direct(&g)
	g.DirectText = directText(g) // once: the answer and the model prompt both carry it
	ans := &Answer{
		Question:   q,
		Lang:       lang,
		Risks:      g.Risks,
		Benchmarks: g.Benchmarks,
		Situation:  situationView(sit, lang),
		Direct:     g.DirectText,
		TimingMS:   map[string]float64{},
		Route:      route,
	}
	if err := a.write(ctx, req, g, ans); err != nil {
		return nil, err
	}
	ans.TimingMS["retrieve"] = ms(retrieved.Sub(start))
	if route != nil {
		ans.TimingMS["route"] = route.MS
	}
	ans.TimingMS["total"] = ms(time.Since(start))
	return ans, nil
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
