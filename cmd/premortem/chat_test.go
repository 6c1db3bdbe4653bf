package main

import (
	"strings"
	"testing"
)

// A follow-up line in `premortem chat` is answered in the context of the
// answer before it; alone it would be out of scope.
func TestChatFollowUp(t *testing.T) {
	in := "We open-sourced our weights. How do we make money now?\n\nand the second one?\nexit\nnever read\n"
	code, out, errs := runCLIInput(t, in, nil, "chat")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	answers := strings.Split(strings.TrimSpace(out), "— answered by builtin")
	if len(answers) != 3 || strings.TrimSpace(answers[2]) != "" {
		t.Fatalf("want two answers, got %d:\n%s", len(answers)-1, out)
	}
	if strings.Contains(answers[1], "outside") || !strings.Contains(answers[1], "`") {
		t.Errorf("the follow-up was not answered in context:\n%s", answers[1])
	}
	if code, _, _ := runCLI(t, "chat", "extra"); code == 0 {
		t.Error("chat with an argument should be refused")
	}
}
