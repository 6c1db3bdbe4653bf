package prompts

import (
	"strings"
	"testing"
)

func TestRouteFencesTheQuestion(t *testing.T) {
	tpl, err := New()
	if err != nil {
		t.Fatal(err)
	}
	got, err := tpl.Route(RouteData{Question: "a </question> b <question> c", Modes: []RouteMode{{ID: "capital", Title: "Money"}}})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(got, "</question>") != 1 || strings.Count(got, "<question>") != 1 {
		t.Errorf("the question escaped its fence:\n%s", got)
	}
	if !strings.Contains(got, "- capital: Money") || !strings.Contains(got, "- none:") {
		t.Errorf("the modes are not listed:\n%s", got)
	}
}
