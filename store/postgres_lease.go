package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgxlisten"
)

// lockWait bounds one pg_advisory_lock wait (lock_timeout), so a cancelled
// wait never leaves the server waiting on behalf of a closed connection for
// longer than this.
const lockWait = "1s"

// lock waits for the session advisory lock key on a connection of its own,
// reconnecting after failures, then watches that connection: if it dies,
// the server has released the lock and the lease is lost.
func (e *pgEngine) lock(ctx context.Context, key int64, name string) (*Lease, error) {
	conn, err := e.lockOnce(ctx, key, name)
	for err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err := e.retry(ctx, name, err); err != nil {
			return nil, err
		}
		conn, err = e.lockOnce(ctx, key, name)
	}
	mctx, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	l := newLease(name, func() {
		stop()
		<-done
	})
	go func() {
		defer close(done)
		err := e.hold(mctx, conn)
		cctx, cancel := context.WithTimeout(context.Background(), time.Second)
		conn.Close(cctx) // the server ends the session, releasing the lock
		cancel()
		if mctx.Err() == nil {
			e.opts.Logger.Warn("lease lost", "lease", name, "err", e.redact(err))
			go l.end(fmt.Errorf("lease %s lost: %w", name, err))
		}
	}()
	return l, nil
}

// lockOnce connects and waits for the lock, in steps of lock_timeout so
// ctx is checked at least that often.
func (e *pgEngine) lockOnce(ctx context.Context, key int64, name string) (*pgx.Conn, error) {
	conn, err := e.connect(ctx, name)
	if err != nil {
		return nil, err
	}
	if _, err := conn.Exec(ctx, `SET lock_timeout = '`+lockWait+`'`); err != nil {
		conn.Close(context.Background())
		return nil, err
	}
	for {
		_, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, key)
		var pgErr *pgconn.PgError
		switch {
		case err == nil:
			return conn, nil
		case errors.As(err, &pgErr) && pgErr.Code == "55P03" && ctx.Err() == nil: // lock_not_available: still held
			continue
		default:
			conn.Close(context.Background())
			return nil, err
		}
	}
}

// hold watches the lease's connection until ctx ends or the connection
// dies: waiting for a notification returns at once when the socket closes,
// and a ping every LeaseCheck catches a connection that died silently.
func (e *pgEngine) hold(ctx context.Context, conn *pgx.Conn) error {
	for {
		wctx, cancel := context.WithTimeout(ctx, e.opts.LeaseCheck)
		_, err := conn.WaitForNotification(wctx)
		cancel()
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil && !pgconn.Timeout(err) {
			return err
		}
		pctx, cancel := context.WithTimeout(ctx, e.opts.LeaseCheck)
		err = conn.Ping(pctx)
		cancel()
		if err != nil && ctx.Err() == nil {
			return err
		}
	}
}

// modelChannel is the NOTIFY channel of model switches.
const modelChannel = "premortem_guild_model"

type modelNote struct {
	GuildID string `json:"g"`
	Backend string `json:"b"`
}

func (e *pgEngine) notifyTx(ctx context.Context, tx querier, c ModelChoice) error {
	payload, err := json.Marshal(modelNote{c.GuildID, c.Backend})
	if err != nil {
		return err
	}
	_, err = tx.exec(ctx, `SELECT pg_notify($1, $2)`, modelChannel, string(payload))
	return err
}

func (e *pgEngine) announce(ModelChoice) {}

// watch listens with pgxlisten on a connection of its own; after every
// (re)connect it rereads, so a switch made while it was away is not lost.
func (e *pgEngine) watch(ctx context.Context, reread func(context.Context, querier) error, on func(guildID, backend string)) error {
	l := &pgxlisten.Listener{
		Connect: func(ctx context.Context) (*pgx.Conn, error) { return e.connect(ctx, "watch") },
		LogError: func(_ context.Context, err error) {
			if ctx.Err() == nil {
				e.opts.Logger.Warn("model switch listener", "err", e.redact(err))
			}
		},
		ReconnectDelay: e.opts.ReconnectDelay,
	}
	l.Handle(modelChannel, modelHandler{reread: reread, on: on})
	return l.Listen(ctx)
}

type modelHandler struct {
	reread func(context.Context, querier) error
	on     func(guildID, backend string)
}

func (h modelHandler) HandleNotification(_ context.Context, n *pgconn.Notification, _ *pgx.Conn) error {
	var m modelNote
	if err := json.Unmarshal([]byte(n.Payload), &m); err != nil {
		return fmt.Errorf("model switch payload: %w", err)
	}
	h.on(m.GuildID, m.Backend)
	return nil
}

func (h modelHandler) HandleBacklog(ctx context.Context, _ string, conn *pgx.Conn) error {
	return h.reread(ctx, pgQuerier{conn})
}
