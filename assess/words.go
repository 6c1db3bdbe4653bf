package assess

import (
	"fmt"
	"strings"
)

// reportWords are the fixed words of the Markdown and terminal reports,
// per language, in one place.
var reportWords = map[string]map[string]string{
	"zh": {"title": "大模型创业风险评估(pre-mortem)", "scores": "七项评分", "chart": "七种宿命:风险评分",
		"mode": "风险", "score": "分数", "level": "等级", "conf": "置信度", "explain": "需要警惕的风险",
		"why": "原因", "bench": "文章中的对照数字", "act": "先做什么", "profile": "你的回答",
		"favour": "对你们有利的", "unscored": "未评估", "para": "第 %d 段",
		"unanswered": "还没回答(回答后更有把握)", "first": "最值得先回答", "none": "没有中等以上的风险。",
		"source": "依据:《大模型创业:必须跨过的七个宿命》(投资界/亿欧网,2024年4月)。", "sep": "、"},
	"en": {"title": "AI start-up pre-mortem", "scores": "The seven scores", "chart": "Seven fates: risk scores",
		"mode": "Risk", "score": "Score", "level": "Level", "conf": "Confidence", "explain": "Risks to watch",
		"why": "Why", "bench": "The article's figures", "act": "First actions", "profile": "Your answers",
		"favour": "In your favour", "unscored": "not scored", "para": "paragraph %d",
		"unanswered": "Not answered yet (answering makes this surer)", "first": "Answer these first", "none": "No risk at medium or above.",
		"source": "Source: \"大模型创业:必须跨过的七个宿命\" (投资界 / 亿欧网, April 2024).", "sep": ", "},
}

// fieldList names fields for people, joined in lang.
func fieldList(fields []string, lang string) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = FieldLabel(f, lang)
	}
	return strings.Join(names, reportWords[lang]["sep"])
}

// scoreCell shows a mode's score, or that it was not scored.
func scoreCell(m ModeScore, lang string) (score, level string) {
	if !m.Scored {
		return "-", reportWords[lang]["unscored"]
	}
	return fmt.Sprint(m.Score), LevelName(m.Level, lang)
}

// confCell shows a confidence below 100%, else nothing: full confidence is
// the normal case and not worth a column of noise.
func confCell(m ModeScore) string {
	if m.Confidence >= 1 {
		return ""
	}
	return fmt.Sprintf("%.0f%%", 100*m.Confidence)
}

// fullyConfident reports whether every mode's questions are all answered.
func (a *Assessment) fullyConfident() bool {
	for _, m := range a.Modes {
		if m.Confidence < 1 {
			return false
		}
	}
	return true
}
