package assess

import (
	"errors"
	"fmt"

	"github.com/premortem/premortem/knowledge"
)

// ErrKind says what was wrong with an answer, so front ends can word it.
type ErrKind int

const (
	ErrEmpty     ErrKind = iota + 1 // nothing was written
	ErrNotNumber                    // text where a number belongs
	ErrNegative                     // a negative amount or duration
	ErrTooLarge                     // beyond any plausible company
	ErrCurrency                     // two different currencies in one answer
	ErrChoice                       // not one of the offered choices
)

// ParseError is an answer that could not be read. Its Error is English;
// Message gives the founder's language.
type ParseError struct {
	Input string
	Kind  ErrKind
	Want  FieldKind // what was expected, for the hint; "" reads as an amount
}

func (e *ParseError) Error() string { return e.Message("en") }

// Message explains the problem in lang ("zh" or "en") in one line.
func (e *ParseError) Message(lang string) string {
	in := e.Input
	if len(in) > 40 {
		in = in[:40] + "..."
	}
	if e.Kind == ErrEmpty {
		return pickLang(lang, "没有填写数值", "no value given")
	}
	msg, ok := kindMessages[e.Kind]
	if !ok { // not a number: say how to write the one wanted
		msg, ok = wantMessages[e.Want]
	}
	if !ok {
		msg = wantMessages[KindAmount]
	}
	return fmt.Sprintf(pickLang(lang, msg.ZH, msg.EN), in)
}

// kindMessages word a refused answer (%q) by what was wrong with it.
var kindMessages = map[ErrKind]knowledge.Text{
	ErrNegative: txt("%q 是负数:请填写 0 或正数", "%q is negative: give 0 or more"),
	ErrTooLarge: txt("%q 大得不合理,请检查单位(亿、万、M、B)", "%q is implausibly large: check the unit (M, B, 万, 亿)"),
	ErrCurrency: txt("%q 同时写了两种货币", "%q names two different currencies"),
	ErrChoice:   txt("%q 不是可选项之一", "%q is not one of the choices"),
}

// wantMessages word an answer (%q) that is no number by the kind of answer
// wanted, with examples; any other kind is an amount.
var wantMessages = map[FieldKind]knowledge.Text{
	KindCount:  txt("%q 不是人数:请写成 8000、10万 或 100k 这样的形式", "%q is not a count: write it like 8000, 100k or 10万"),
	KindMonths: txt("%q 不是时长:请写成 18个月、一年半 或 2年 这样的形式", "%q is not a duration: write it like 18 months, 2 years or a year and a half"),
	KindAmount: txt("%q 不是金额:请写成 1.5亿、2000万、150M 或 $2.3m 这样的形式", "%q is not an amount: write it like 150M, $2.3m, 1.5亿 or 2000万"),
}

// want marks err's ParseError with the kind of answer that was expected.
func want(err error, k FieldKind) error {
	var pe *ParseError
	if errors.As(err, &pe) {
		pe.Want = k
	}
	return err
}

func as(err error, target **ParseError) bool { return errors.As(err, target) }
