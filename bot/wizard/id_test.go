package wizard

import "testing"

func TestWizardIDRoundTrip(t *testing.T) {
	for _, id := range []wizardID{
		{Session: "0123456789abcdef", Step: 3, Action: actSkip},
		{Session: "0123456789abcdef", Step: 0, Action: actChoice, Choice: 4},
		{Session: "fedcba9876543210", Step: 15, Action: actShare},
	} {
		s := id.String()
		if id.Action == actChoice {
			s = choiceID(id.Session, id.Step, id.Choice)
		}
		got, err := parseWizardID(s)
		if err != nil || got != id {
			t.Errorf("parse(%q) = %+v, %v; want %+v", s, got, err, id)
		}
	}
}

func TestWizardIDForged(t *testing.T) {
	for _, s := range []string{
		"", "assess:", "ask:0123456789abcdef:1:skip", "assess:0123456789abcdef:1:explode",
		"assess:0123456789ABCDEF:1:skip", "assess:0123:1:skip", "assess:0123456789abcdef:-1:skip",
		"assess:0123456789abcdef:01:skip", "assess:0123456789abcdef:1:c99", "assess:0123456789abcdef:1:c",
		"assess:0123456789abcdef:1:skip:extra", "assess:'; DROP TABLE x;--:1:skip",
	} {
		if _, err := parseWizardID(s); err == nil {
			t.Errorf("parse(%q) accepted", s)
		}
	}
}

func FuzzWizardID(f *testing.F) {
	f.Add("assess:0123456789abcdef:3:c2")
	f.Fuzz(func(t *testing.T, s string) {
		id, err := parseWizardID(s)
		if err != nil {
			return
		}
		if id.Action != actChoice && id.String() != s {
			t.Fatalf("%q parsed to %+v which prints %q", s, id, id.String())
		}
	})
}
