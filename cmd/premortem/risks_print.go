package main

import (
	"fmt"
	"io"

	"github.com/premortem/premortem/knowledge"
)

// risksWords are the section headings of the printed risk, per language.
var risksWords = map[string]map[string]string{
	"en": {
		"list":     "How an AI start-up dies: the seven fates (premortem risks ID shows one in full)",
		"section":  "Section",
		"stance":   "The article's position",
		"first":    "First",
		"signals":  "Warning signs",
		"actions":  "What to do",
		"evidence": "Evidence",
		"figures":  "Figures",
		"cases":    "Cases",
		"footer":   "Source: 大模型创业:必须跨过的七个宿命 (投资界/亿欧网, April 2024); knowledge",
	},
	"zh": {
		"list":     "大模型创业的七个宿命(premortem risks ID 查看详情)",
		"section":  "原文章节",
		"stance":   "文章的立场",
		"first":    "先做",
		"signals":  "预警信号",
		"actions":  "怎么办",
		"evidence": "证据",
		"figures":  "数据",
		"cases":    "案例",
		"footer":   "来源:《大模型创业:必须跨过的七个宿命》(投资界/亿欧网,2024年4月);知识库",
	},
}

func printModeList(w io.Writer, kb *knowledge.Base, lang string) {
	words := risksWords[lang]
	fmt.Fprintln(w, words["list"])
	fmt.Fprintln(w)
	for _, m := range kb.Modes {
		fmt.Fprintf(w, "  %-12s %s\n", m.ID, m.Title.In(lang))
	}
	fmt.Fprintf(w, "\n%s %s\n", words["footer"], kb.Version)
}

func printMode(w io.Writer, kb *knowledge.Base, m *knowledge.Mode, lang string) {
	words := risksWords[lang]
	fmt.Fprintf(w, "%s: %s\n", m.ID, m.Title.In(lang))
	fmt.Fprintf(w, "%s %s\n\n", words["section"], cite(m.Heading))
	fmt.Fprintf(w, "%s\n", m.Summary.In(lang))
	if s, ok := kb.Stance(m.ID); ok {
		printStance(w, s, lang)
	}
	claims := func(title string, cs []knowledge.Claim) {
		if len(cs) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s\n", title)
		for _, c := range cs {
			fmt.Fprintf(w, "  - %s\n", c.Text.In(lang))
			for _, ci := range c.Citations {
				fmt.Fprintf(w, "    %s\n", cite(ci))
			}
		}
	}
	claims(words["signals"], m.Signals)
	claims(words["actions"], m.Actions)
	claims(words["evidence"], m.Evidence)
	if len(m.Benchmarks) > 0 {
		fmt.Fprintf(w, "\n%s\n", words["figures"])
		for _, id := range m.Benchmarks {
			x, _ := kb.Benchmark(id)
			fmt.Fprintf(w, "  - %s: %s (%s) [%s]\n    %s\n", x.Label.In(lang), x.Text, figure(x), x.ID, cite(x.Citation))
		}
	}
	if len(m.Cases) > 0 {
		fmt.Fprintf(w, "\n%s\n", words["cases"])
		for _, id := range m.Cases {
			c, _ := kb.Case(id)
			fmt.Fprintf(w, "  - %s [%s]: %s\n", c.Name.In(lang), c.ID, c.Summary.In(lang))
			for _, ci := range c.Citations {
				fmt.Fprintf(w, "    %s\n", cite(ci))
			}
		}
	}
	fmt.Fprintf(w, "\n%s %s\n", words["footer"], kb.Version)
}

// printStance shows the article's side on the mode's dilemma, with the
// sentences that state it.
func printStance(w io.Writer, s *knowledge.Stance, lang string) {
	words := risksWords[lang]
	fmt.Fprintf(w, "\n%s\n", s.Dilemma.In(lang))
	fmt.Fprintf(w, "%s: %s\n", words["stance"], s.Answer.In(lang))
	for _, c := range s.Citations {
		fmt.Fprintf(w, "  %s\n", cite(c))
	}
	fmt.Fprintf(w, "%s: %s\n", words["first"], s.First.In(lang))
}
