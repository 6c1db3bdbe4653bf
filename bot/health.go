package bot

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"
)

// serveHTTP serves /healthz and /metrics on discord.http_addr, if set. It
// returns the function that stops the server.
func (b *Bot) serveHTTP(s *discordgo.Session) (stop func(), err error) {
	if b.cfg.HTTPAddr == "" {
		return func() {}, nil
	}
	ln, err := net.Listen("tcp", b.cfg.HTTPAddr)
	if err != nil {
		return nil, fmt.Errorf("listen for /healthz and /metrics on %s: %w", b.cfg.HTTPAddr, err)
	}
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", b.metrics.Handler())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := b.health(ctx, s); err != nil {
			http.Error(w, err.Error(), http.StatusServiceUnavailable)
			return
		}
		fmt.Fprintln(w, "ok")
	})
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			b.log.Error("health and metrics server", "err", err)
		}
	}()
	b.log.Info("serving /healthz and /metrics", "addr", ln.Addr().String())
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}, nil
}

// health reports why the bot is not healthy, or nil.
func (b *Bot) health(ctx context.Context, s *discordgo.Session) error {
	if !b.jobs.running() {
		return errors.New("shutting down")
	}
	if s != nil {
		s.RLock()
		ready := s.DataReady
		s.RUnlock()
		if !ready {
			return errors.New("gateway not connected")
		}
	}
	if err := b.store.Ping(ctx); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}
