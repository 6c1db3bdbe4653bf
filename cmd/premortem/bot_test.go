package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/premortem/premortem/internal/discordfake"
)

// TestBotCommandAgainstFake runs `premortem bot` with DISCORD_TOKEN and
// PREMORTEM_DISCORD_API_BASE pointing at the loopback Discord fake, until
// interrupted.
func TestBotCommandAgainstFake(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{})
	dir := t.TempDir()
	cfg := filepath.Join(dir, "premortem.yaml")
	os.WriteFile(cfg, []byte("storage:\n  dsn: "+filepath.Join(dir, "state.db")+"\ndiscord:\n  guild_id: \""+discordfake.GuildID+"\"\n"), 0o600)
	env := map[string]string{"DISCORD_TOKEN": discordfake.DefaultToken, "PREMORTEM_DISCORD_API_BASE": srv.URL()}
	var out, errb syncBuffer
	c := &cli{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return env[k] }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- run(ctx, c, []string{"bot", "--config", cfg}) }()
	deadline := time.Now().Add(20 * time.Second)
	for len(srv.Commands(discordfake.GuildID)) == 0 && time.Now().Before(deadline) {
		select {
		case code := <-done:
			t.Fatalf("bot exited %d: %s", code, errb.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	if len(srv.Commands(discordfake.GuildID)) == 0 {
		t.Fatalf("no commands registered; stderr: %s", errb.String())
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after interrupt: %s", code, errb.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("bot did not stop after interrupt")
	}
}

func TestBotCommandWithoutToken(t *testing.T) {
	code, _, stderr := runCLI(t, "bot")
	if code != 1 || !strings.Contains(stderr, "DISCORD_TOKEN is not set") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// syncBuffer is a bytes.Buffer safe for the bot's logger and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }
