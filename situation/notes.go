package situation

import (
	"fmt"

	"github.com/premortem/premortem/knowledge"
)

// The notes' wording, in both languages.

func unitNote(in string, money bool) Note {
	if money {
		return Note{Kind: NoteUnit, Input: in, Text: knowledge.Text{
			ZH: fmt.Sprintf("没看出「%s」是成本、收入、现金还是价格,没有采用。", in),
			EN: fmt.Sprintf("Could not tell whether “%s” is cost, revenue, cash or a price; not used.", in)}}
	}
	return Note{Kind: NoteUnit, Input: in, Text: knowledge.Text{
		ZH: fmt.Sprintf("没看懂「%s」:没有单位或用途,没有采用。", in),
		EN: fmt.Sprintf("Could not read “%s”: no unit or meaning given; not used.", in)}}
}

func invalidNote(in string, negative bool) Note {
	if negative {
		return Note{Kind: NoteInvalid, Input: in, Text: knowledge.Text{
			ZH: fmt.Sprintf("「%s」是负数,没有采用。", in),
			EN: fmt.Sprintf("“%s” is negative; not used.", in)}}
	}
	return Note{Kind: NoteInvalid, Input: in, Text: knowledge.Text{
		ZH: fmt.Sprintf("「%s」大得不合理,没有采用(请检查单位:万、亿、M、B)。", in),
		EN: fmt.Sprintf("“%s” is implausibly large; not used (check the unit: M, B, 万, 亿).", in)}}
}

func conflictNote(kept, other string) Note {
	return Note{Kind: NoteConflict, Input: other, Text: knowledge.Text{
		ZH: fmt.Sprintf("「%s」和「%s」说法不一致,按先说的「%s」计算。", kept, other, kept),
		EN: fmt.Sprintf("“%s” and “%s” disagree; using the first, “%s”.", kept, other, kept)}}
}

func currencyNote(rate float64) Note {
	return Note{Kind: NoteCurrency, Input: "", Text: knowledge.Text{
		ZH: fmt.Sprintf("金额用了两种货币,按 1 美元 = %g 元换算。", rate),
		EN: fmt.Sprintf("The amounts are in two currencies; converted at $1 = ¥%g.", rate)}}
}

func truncatedNote(runes int) Note {
	return Note{Kind: NoteTruncated, Input: "", Text: knowledge.Text{
		ZH: fmt.Sprintf("消息太长,只读了前 %d 个字。", runes),
		EN: fmt.Sprintf("The message is long; only its first %d characters were read.", runes)}}
}

func moreNote(n int) Note {
	return Note{Kind: NoteMore, Input: "", Text: knowledge.Text{
		ZH: fmt.Sprintf("另有 %d 处数字没有看懂。", n),
		EN: fmt.Sprintf("%d more numbers could not be read.", n)}}
}
