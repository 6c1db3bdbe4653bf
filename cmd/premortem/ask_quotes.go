package main

import (
	"fmt"
	"strings"

	"github.com/premortem/premortem/advisor"
)

// quotes is what follows a model's answer in the terminal: for each risk
// it cited (each retrieved risk when it cited none), the article's
// verbatim quotes with their paragraphs, as the builtin answer gives them.
func quotes(ans *advisor.Answer) string {
	risks := ans.CitedRisks()
	if len(risks) == 0 {
		return ""
	}
	var b strings.Builder
	if ans.Lang == "en" {
		b.WriteString("\n\nFrom the article:")
	} else {
		b.WriteString("\n\n原文出处:")
	}
	for _, r := range risks {
		fmt.Fprintf(&b, "\n`%s` %s", r.ID, r.Title)
		for _, c := range r.Citations {
			if ans.Lang == "en" {
				fmt.Fprintf(&b, "\n  para. %d: 「%s」", c.Paragraph, c.Quote)
			} else {
				fmt.Fprintf(&b, "\n  第%d段:「%s」", c.Paragraph, c.Quote)
			}
		}
	}
	return b.String()
}
