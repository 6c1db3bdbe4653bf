package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// buildBinary builds this command into a temporary folder, once per test
// binary, and returns its path.
var buildBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "premortem-bin-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "premortem")
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	if _, err := os.Stat(gobin); err != nil {
		gobin = "go"
	}
	out, err := exec.Command(gobin, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
})

// proc is one `premortem bot` process with its JSON log lines.
type proc struct {
	t    *testing.T
	name string
	cmd  *exec.Cmd
	http string // its /healthz address
	done chan struct{}

	mu   sync.Mutex
	logs []map[string]any
	raw  []string
}

// startProc runs `premortem bot --config cfg` with env added to a clean
// environment, until the test ends (or kill).
func startProc(t *testing.T, name, cfg, httpAddr string, env map[string]string) *proc {
	t.Helper()
	bin, err := buildBinary()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "bot", "--config", cfg)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "PREMORTEM_HTTP_ADDR=" + httpAddr}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &proc{t: t, name: name, cmd: cmd, http: httpAddr, done: make(chan struct{})}
	go func() {
		defer close(p.done)
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var m map[string]any
			json.Unmarshal(sc.Bytes(), &m)
			p.mu.Lock()
			p.logs, p.raw = append(p.logs, m), append(p.raw, sc.Text())
			p.mu.Unlock()
		}
		cmd.Wait()
	}()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.done:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			<-p.done
		}
		if t.Failed() {
			t.Logf("%s's log:\n%s", name, strings.Join(p.lines(), "\n"))
		}
	})
	return p
}

func (p *proc) lines() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.raw...)
}

// logged returns the log records whose msg is msg and whose attributes
// include every key/value of attrs.
func (p *proc) logged(msg string, attrs map[string]string) []map[string]any {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []map[string]any
	for _, m := range p.logs {
		if m["msg"] != msg {
			continue
		}
		ok := true
		for k, v := range attrs {
			ok = ok && fmt.Sprint(m[k]) == v
		}
		if ok {
			out = append(out, m)
		}
	}
	return out
}

// kill ends the process with SIGKILL, as a crash would.
func (p *proc) kill() {
	p.cmd.Process.Kill()
	<-p.done
}

// health returns /healthz's status and body ("" while it does not answer).
func (p *proc) health() (int, string) {
	c := http.Client{Timeout: 2 * time.Second}
	resp, err := c.Get("http://" + p.http + "/healthz")
	if err != nil {
		return 0, ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitFor polls cond until it holds, failing the test after a minute, or
// at once if the process exited.
func (p *proc) waitFor(what string, cond func() bool) {
	p.t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		select {
		case <-p.done:
			p.t.Fatalf("%s exited while waiting for %s", p.name, what)
		default:
		}
		if time.Now().After(deadline) {
			code, body := p.health()
			p.t.Fatalf("%s: no %s after a minute; /healthz %d %q", p.name, what, code, body)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitHealth waits until /healthz answers 200 with a line containing line.
func (p *proc) waitHealth(line string) {
	p.t.Helper()
	p.waitFor(fmt.Sprintf("/healthz line %q", line), func() bool {
		code, body := p.health()
		return code == http.StatusOK && strings.Contains(body, line)
	})
}

// holds reports whether /healthz says the process holds shard id of 2
// with its gateway connected.
func (p *proc) holds(id int) bool {
	_, body := p.health()
	return strings.Contains(body, fmt.Sprintf("shard %d/2: lease held, gateway connected", id)) ||
		strings.Contains(body, fmt.Sprintf("shard %d/2 (configured): lease held, gateway connected", id))
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func ctxFor(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}
