package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestAssessPipedWizard runs the wizard from piped answers (no terminal):
// number hints, back, Enter to keep, skip, the review with an edit, the
// saved file and its report.
func TestAssessPipedWizard(t *testing.T) {
	dir := t.TempDir()
	save := filepath.Join(dir, "p.yaml")
	input := strings.Join([]string{
		"1",        // scenario: text-to-image
		"consumer", // customers
		"开源",       // two choices hold it: asked for the number
		"1",        // model strategy: open-source
		"back",     // back to model strategy
		"",         // Enter keeps open-source
		"general",  // model scope
		"USD",      // currency
		"-3",       // negative: asked again
		"1.53亿",    // cost
		"$11m",     // revenue
		"3个月",      // runway
		"否",        // parent
		"yes",      // cloud bills overdue
		"1",        // GPUs: rented
		"lots",     // paying users: not a count
		"skip",     // paying users
		"0",        // price: free
		"partly",   // on-device
		"是",        // platform giants
		"3",        // visibility: high
		"1",        // review: edit scenario
		"5",        // general chat now
		"",         // review: the report
	}, "\n") + "\n"
	code, out, errs := runCLIInput(t, input, nil, "assess", "--save", save, "--json", "--lang", "zh")
	if code != 0 {
		t.Fatalf("exit %d: %s\n%s", code, errs, out)
	}
	for _, want := range []string{"[1/18]", "对应多个选项", "负数", "不是人数", "当前回答: 开源,没有付费版", "你的回答:输入编号修改", "(跳过)"} {
		if !strings.Contains(errs, want) {
			t.Errorf("wizard talk (on stderr with --json) lacks %q", want)
		}
	}
	if strings.Contains(errs, "1e+") || !strings.HasPrefix(out, "{") {
		t.Errorf("stdout is not the JSON report alone:\n%s", out)
	}
	b, err := os.ReadFile(save)
	if err != nil {
		t.Fatal(err)
	}
	saved := string(b)
	for _, want := range []string{"scenario: general-chat\n", "annual_cost: 153000000\n", "cloud_bills_overdue: true\n", "paying_users: null\n", "monthly_price: 0\n"} {
		if !strings.Contains(saved, want) {
			t.Errorf("saved profile lacks %q:\n%s", want, saved)
		}
	}
	if !strings.HasSuffix(saved, "\n") {
		t.Error("saved profile has no final newline")
	}
	// The saved profile reads back and gives the same report.
	code, again, _ := runCLI(t, "assess", "--profile", save, "--json", "--lang", "zh")
	if code != 0 || again != out {
		t.Errorf("saved profile's report differs")
	}
}

func TestAssessWizardQuit(t *testing.T) {
	dir := t.TempDir()
	for _, input := range []string{"1\nquit\n", "1\n"} {
		code, out, errs := runCLIInput(t, input, nil, "assess", "--lang", "en")
		if code != 0 || strings.Contains(out, "Overall risk") || !strings.Contains(errs, "nothing saved") {
			t.Errorf("input %q: exit %d, printed a report or no notice:\n%s\n%s", input, code, out, errs)
		}
	}
	// Asked to save, quitting keeps the answers so far, and --resume goes on
	// from the first question not yet seen.
	save := filepath.Join(dir, "half.yaml")
	code, _, errs := runCLIInput(t, "5\nskip\nquit\n", nil, "assess", "--lang", "en", "--save", save)
	if code != 0 || !strings.Contains(errs, "--resume "+save) {
		t.Fatalf("quit with --save: exit %d %q", code, errs)
	}
	code, out, _ := runCLIInput(t, "quit\n", nil, "assess", "--lang", "en", "--resume", save)
	if code != 0 || !strings.Contains(out, "[3/") || strings.Contains(out, "[1/") {
		t.Errorf("resume: exit %d, did not go on at question 3:\n%s", code, out)
	}
}
