package assess

import (
	"fmt"
	"strings"
)

// mdText holds the Markdown report's fixed words per language.
var mdText = map[string]map[string]string{
	"zh": {"title": "大模型创业风险评估(pre-mortem)", "overall": "总体风险", "scores": "七项评分",
		"mode": "风险", "score": "分数", "level": "等级", "conf": "置信度", "top": "最需要警惕的风险",
		"why": "原因", "bench": "文章中的对照数字", "act": "先做什么", "profile": "你的回答",
		"para": "第 %d 段", "unanswered": "未回答(回答后置信度更高)", "source": "依据:《大模型创业:必须跨过的七个宿命》(投资界/亿欧网,2024年4月)。"},
	"en": {"title": "AI start-up pre-mortem", "overall": "Overall risk", "scores": "The seven scores",
		"mode": "Risk", "score": "Score", "level": "Level", "conf": "Confidence", "top": "Top risks",
		"why": "Why", "bench": "The article's figures", "act": "First actions", "profile": "Your answers",
		"para": "paragraph %d", "unanswered": "Unanswered (answering raises confidence)", "source": "Source: \"大模型创业:必须跨过的七个宿命\" (投资界 / 亿欧网, April 2024)."},
}

// Markdown renders the assessment as a Markdown document in lang: the
// scores, the top three risks with reasons, quotes, figures and first
// actions, and the answers they rest on.
func (a *Assessment) Markdown(lang string) string {
	if lang != "en" {
		lang = "zh"
	}
	t := mdText[lang]
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", t["title"])
	fmt.Fprintf(&b, "**%s: %s (%d/100)**\n\n%s\n\n", t["overall"], LevelName(Level(a.Overall), lang), a.Overall, a.summary(lang))
	fmt.Fprintf(&b, "## %s\n\n| %s | ID | %s | %s | %s |\n|---|---|---:|---|---:|\n", t["scores"], t["mode"], t["score"], t["level"], t["conf"])
	for _, m := range a.Modes {
		fmt.Fprintf(&b, "| %s | `%s` | %d | %s | %.0f%% |\n", m.Title.In(lang), m.ID, m.Score, LevelName(m.Level, lang), 100*m.Confidence)
	}
	fmt.Fprintf(&b, "\n## %s\n", t["top"])
	for _, m := range a.Top(3) {
		fmt.Fprintf(&b, "\n### `%s` %s: %d (%s)\n\n", m.ID, m.Title.In(lang), m.Score, LevelName(m.Level, lang))
		if len(m.Reasons) > 0 {
			fmt.Fprintf(&b, "**%s**\n\n", t["why"])
		}
		for _, r := range m.Reasons {
			fmt.Fprintf(&b, "- %s\n", r.Text.In(lang))
			for _, c := range r.Citations {
				fmt.Fprintf(&b, "  > 「%s」(%s)\n", c.Quote, fmt.Sprintf(t["para"], c.Paragraph))
			}
		}
		var figs []string
		for _, x := range m.Figures() {
			figs = append(figs, fmt.Sprintf("- `%s` %s: **%s**", x.ID, x.Label.In(lang), x.Text))
		}
		if len(figs) > 0 {
			fmt.Fprintf(&b, "\n**%s**\n\n%s\n", t["bench"], strings.Join(figs, "\n"))
		}
		if len(m.Actions) > 0 {
			fmt.Fprintf(&b, "\n**%s**\n\n", t["act"])
			for _, act := range m.Actions {
				fmt.Fprintf(&b, "1. %s\n", act.Text.In(lang))
			}
		}
		if len(m.Unanswered) > 0 {
			fmt.Fprintf(&b, "\n_%s: %s_\n", t["unanswered"], strings.Join(m.Unanswered, ", "))
		}
	}
	y, err := a.Profile.YAML()
	if err == nil {
		fmt.Fprintf(&b, "\n## %s\n\n```yaml\n%s```\n", t["profile"], y)
	}
	fmt.Fprintf(&b, "\n---\n%s\n", t["source"])
	return b.String()
}
