package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestHelperProcess is premortem itself when a test re-runs this binary
// with PREMORTEM_AS_MAIN=1: the arguments after "--" are the command line.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("PREMORTEM_AS_MAIN") != "1" {
		t.Skip("runs only as a child of the terminal tests")
	}
	for i, a := range os.Args {
		if a == "--" {
			os.Args = append([]string{"premortem"}, os.Args[i+1:]...)
			break
		}
	}
	main()
}

// ptySession is premortem running on a real pseudo-terminal.
type ptySession struct {
	t    *testing.T
	cmd  *exec.Cmd
	tty  *os.File
	mu   sync.Mutex
	out  bytes.Buffer // everything the terminal showed
	seen int          // how much of out expect has consumed
	done chan error
}

// ansi matches the escape sequences the line editor sends.
var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`)

func startPTY(t *testing.T, dir, lang string, args ...string) *ptySession {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestHelperProcess$", "--"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PREMORTEM_AS_MAIN=1", "TERM=xterm", "LANG="+lang, "LC_ALL=", "LC_MESSAGES=", "PREMORTEM_CONFIG=")
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 60, Cols: 160})
	if err != nil {
		t.Fatalf("start on a pty: %v", err)
	}
	s := &ptySession{t: t, cmd: cmd, tty: tty, done: make(chan error, 1)}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := tty.Read(buf)
			s.mu.Lock()
			s.out.Write(buf[:n])
			s.mu.Unlock()
			if err != nil {
				break // EIO once the child has gone
			}
		}
		s.done <- cmd.Wait()
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		tty.Close()
	})
	return s
}

// screen is what the terminal showed, without escape sequences.
func (s *ptySession) screen() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return ansi.ReplaceAllString(s.out.String(), "")
}

// expect waits until want appears after what earlier expects consumed.
func (s *ptySession) expect(want string) {
	s.t.Helper()
	deadline := time.Now().Add(30 * time.Second) // a hang guard, not a timing check
	for time.Now().Before(deadline) {
		sc := s.screen()
		if i := strings.Index(sc[min(s.seen, len(sc)):], want); i >= 0 {
			s.seen += i + len(want)
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	sc := s.screen()
	s.t.Fatalf("terminal never showed %q; it shows:\n%s", want, sc[max(0, len(sc)-3000):])
}

// send types text; "\r" is Enter and "\x03" is Ctrl-C.
func (s *ptySession) send(text string) {
	s.t.Helper()
	if _, err := s.tty.Write([]byte(text)); err != nil {
		s.t.Fatalf("type %q: %v", text, err)
	}
}

// answer waits for the prompt and types one line.
func (s *ptySession) answer(prompt, line string) {
	s.t.Helper()
	s.expect(prompt)
	if prompt != "> " {
		s.expect("> ")
	}
	s.send(line + "\r")
}

// interrupt waits for the prompt, types Ctrl-C, and checks that the
// command says want and exits with 130.
func (s *ptySession) interrupt(want string) {
	s.t.Helper()
	s.expect("> ")
	s.send("\x03")
	s.expect(want)
	if code := s.exit(); code != 130 {
		s.t.Errorf("Ctrl-C exit code %d, want 130", code)
	}
}

// exit waits for the command to end and returns its exit code.
func (s *ptySession) exit() int {
	s.t.Helper()
	select {
	case err := <-s.done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			s.t.Fatal(err)
		}
		return 0
	case <-time.After(30 * time.Second):
		s.t.Fatalf("still running; the terminal shows:\n%s", s.screen())
		return -1
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustContain(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, got)
		}
	}
}

// TestWizardTerminalZH drives the wizard in Chinese on a real terminal:
// a fuzzy choice, back, Enter to keep, skip, Ctrl-C with --save, then
// --resume, a wrong answer, the review with an edit, and the report.
func TestWizardTerminalZH(t *testing.T) {
	dir := t.TempDir()
	save := filepath.Join(dir, "answers.yaml")
	s := startPTY(t, dir, "zh_CN.UTF-8", "assess", "--save", save)
	s.expect("大模型创业风险评估")
	s.answer("[1/18] 你们的主要场景是什么", "通用聊天")
	s.answer("[2/18] 谁为你们付钱", "1")
	s.answer("[3/16] 你们的模型策略是", "开源")
	s.expect("对应多个选项(1、2):请输入编号")
	s.answer("> ", "4")
	s.answer("[4/16]", "back")
	s.expect("[3/16]")
	s.expect("当前回答: 调用第三方模型")
	s.answer("> ", "") // Enter keeps the answer
	s.answer("[4/16] 你们的模型是通用大模型还是垂直模型", "skip")
	s.answer("[5/16] 下面的金额用哪种货币", "美元")
	s.answer("[6/16] 一年的总成本", "$2m")
	s.answer("[7/16] 一年的收入", "10万")
	s.expect("[8/16] 账上的钱还能撑多久")
	s.interrupt("已中断;回答已保存到")
	if sc := s.screen(); strings.Contains(sc, "context canceled") || strings.Contains(sc, "总体风险") {
		t.Errorf("Ctrl-C printed more than a line:\n%s", sc)
	}
	mustContain(t, "saved answers", readFile(t, save), "scenario: general-chat\n", "model_strategy: third-party\n",
		"model_scope: null\n", "annual_cost: 2000000\n", "annual_revenue: 100000\n")

	s = startPTY(t, dir, "zh_CN.UTF-8", "assess", "--resume", save)
	s.answer("[8/16] 账上的钱还能撑多久", "一年半")
	s.answer("[9/16] 有没有能承担亏损的母公司", "否")
	s.answer("[10/16] 云服务或算力账单有逾期吗", "不是")
	s.answer("[11/16] 你们的算力从哪里来", "1")
	s.answer("[12/16] 现在有多少付费用户", "很多")
	s.expect("不是人数")
	s.answer("> ", "2000")
	s.answer("[13/16] 一个付费用户每月大约付多少钱", "4")
	s.answer("[14/16]", "部分")
	s.answer("[15/16]", "是")
	s.answer("[16/16]", "2")
	s.expect("你的回答:输入编号修改")
	s.expect("(跳过)")
	s.answer("> ", "4") // model scope, skipped before
	s.answer("[4/16] 你们的模型是通用大模型还是垂直模型", "1")
	s.expect("你的回答:输入编号修改")
	s.expect("通用(千亿参数级)")
	s.answer("> ", "")
	s.expect("总体风险")
	s.expect("`segment`")
	s.expect("对你们有利的")
	if code := s.exit(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	mustContain(t, "saved answers", readFile(t, save), "model_scope: general\n", "runway_months: 18\n", "paying_users: 2000\n", "cloud_bills_overdue: false\n")
}

// TestWizardTerminalEN: English from LANG, a wrong choice with the number
// hint, Ctrl-C without --save writes nothing; then a resumed file goes
// straight to the review, an edit, and the report.
func TestWizardTerminalEN(t *testing.T) {
	dir := t.TempDir()
	s := startPTY(t, dir, "en_US.UTF-8", "assess")
	s.answer("[1/18] What is your main use case", "general chat")
	s.answer("[2/18] Who pays you", "martians")
	s.expect("type a number from 1 to 3")
	s.answer("> ", "consumers")
	s.answer("[3/16]", "skip")
	s.answer("[4/16]", "back")
	s.answer("[3/16]", "4")
	s.expect("[4/16]")
	s.interrupt("Interrupted; nothing saved")
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("Ctrl-C without --save left %v", entries)
	}

	saved := filepath.Join(dir, "chat.yaml")
	example := readFile(t, "../../examples/consumer-chat.yaml")
	if err := os.WriteFile(saved, []byte(example), 0o644); err != nil {
		t.Fatal(err)
	}
	s = startPTY(t, dir, "en_US.UTF-8", "assess", "--resume", saved, "--chart", "chart.png")
	s.expect("Your answers: type a number to change one")
	s.expect("$2M")
	s.answer("> ", "8") // runway
	s.expect("current answer: 14 months")
	s.answer("> ", "a year and a half")
	s.expect("18 months")
	s.answer("> ", "")
	s.expect("Overall risk")
	s.expect("`segment`")
	s.expect("In your favour")
	s.expect("chart written to chart.png")
	if code := s.exit(); code != 0 {
		t.Errorf("exit code %d", code)
	}
	mustContain(t, "resumed file", readFile(t, saved), "runway_months: 18\n")
	if _, err := os.Stat(filepath.Join(dir, "chart.png")); err != nil {
		t.Error(err)
	}
}
