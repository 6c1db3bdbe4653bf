package assess

import (
	"errors"
	"fmt"
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
}

func (e *ParseError) Error() string { return e.Message("en") }

// Message explains the problem in lang ("zh" or "en") in one line.
func (e *ParseError) Message(lang string) string {
	in := e.Input
	if len(in) > 40 {
		in = in[:40] + "..."
	}
	zh := lang == "zh"
	switch e.Kind {
	case ErrEmpty:
		if zh {
			return "没有填写数值"
		}
		return "no value given"
	case ErrNegative:
		if zh {
			return fmt.Sprintf("%q 是负数:请填写 0 或正数", in)
		}
		return fmt.Sprintf("%q is negative: give 0 or more", in)
	case ErrTooLarge:
		if zh {
			return fmt.Sprintf("%q 大得不合理,请检查单位(亿、万、M、B)", in)
		}
		return fmt.Sprintf("%q is implausibly large: check the unit (M, B, 万, 亿)", in)
	case ErrCurrency:
		if zh {
			return fmt.Sprintf("%q 同时写了两种货币", in)
		}
		return fmt.Sprintf("%q names two different currencies", in)
	case ErrChoice:
		if zh {
			return fmt.Sprintf("%q 不是可选项之一", in)
		}
		return fmt.Sprintf("%q is not one of the choices", in)
	}
	if zh {
		return fmt.Sprintf("%q 不是数字:请写成 1.5亿、150M、$2.3m 或 18个月 这样的形式", in)
	}
	return fmt.Sprintf("%q is not a number: write it like 150M, $2.3m, 1.5亿 or 18 months", in)
}

func as(err error, target **ParseError) bool { return errors.As(err, target) }
