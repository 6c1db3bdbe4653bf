package assess

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/premortem/premortem/knowledge"
)

// matchChoice reads a choice: its 1-based number, its value or label, a
// yes/no word for yes/no questions, or a part of one label only. Anything
// else is an AnswerError that says to type a number.
func matchChoice(q knowledge.Question, text string) (string, error) {
	if n, err := strconv.Atoi(text); err == nil {
		if n >= 1 && n <= len(q.Choices) {
			return q.Choices[n-1].Value, nil
		}
		return "", choiceErr(q, text, nil)
	}
	low := strings.ToLower(text)
	for _, c := range q.Choices {
		if low == strings.ToLower(c.Value) || low == strings.ToLower(c.Label.EN) || text == c.Label.ZH {
			return c.Value, nil
		}
	}
	if b, ok := parseBool(low, ""); ok {
		yes, no := "true", "false"
		if q.Kind == "choice" {
			yes, no = "yes", "no"
		}
		v := map[bool]string{true: yes, false: no}[b]
		for _, c := range q.Choices {
			if c.Value == v {
				return v, nil
			}
		}
	}
	var hits []int
	if len([]rune(text)) >= 2 {
		for i, c := range q.Choices {
			if strings.Contains(strings.ToLower(c.Label.EN), low) || strings.Contains(c.Label.ZH, text) || strings.Contains(c.Value, low) {
				hits = append(hits, i)
			}
		}
	}
	if len(hits) == 1 {
		return q.Choices[hits[0]].Value, nil
	}
	return "", choiceErr(q, text, hits)
}

// choiceErr explains a choice answer that matched none, or several, of the
// choices, and asks for the number.
func choiceErr(q knowledge.Question, text string, hits []int) *AnswerError {
	if len(hits) > 1 {
		var nums []string
		for _, i := range hits {
			nums = append(nums, strconv.Itoa(i+1))
		}
		return &AnswerError{
			ZH: fmt.Sprintf("%q 对应多个选项(%s):请输入编号", text, strings.Join(nums, "、")),
			EN: fmt.Sprintf("%q matches several choices (%s): type the number", text, strings.Join(nums, ", "))}
	}
	return &AnswerError{
		ZH: fmt.Sprintf("%q 不是可选项之一:请输入 1-%d 的编号", text, len(q.Choices)),
		EN: fmt.Sprintf("%q is not one of the choices: type a number from 1 to %d", text, len(q.Choices))}
}

// parseBool reads yes/no words; tag is the YAML tag of a file's value ("" from a person).
func parseBool(text, tag string) (bool, bool) {
	switch text {
	case "true", "True", "TRUE", "yes", "y", "yeah", "yep", "是", "是的", "有", "对", "会", "能", "嗯":
		return true, tag == "" || tag == "!!bool"
	case "false", "False", "FALSE", "no", "n", "nope", "否", "不", "不是", "没有", "没", "无", "不会", "不能":
		return false, tag == "" || tag == "!!bool"
	}
	return false, false
}

// currencyNames name the profile's currencies, and amountExamples show an
// amount written in each, for the hint when an amount's currency is not
// the one chosen.
var (
	currencyNames  = map[string]knowledge.Text{"USD": {ZH: "美元", EN: "US dollars"}, "CNY": {ZH: "人民币", EN: "yuan"}}
	amountExamples = map[string]knowledge.Text{"USD": {ZH: "300万美元", EN: "$3m"}, "CNY": {ZH: "2000万", EN: "¥20M"}}
)
