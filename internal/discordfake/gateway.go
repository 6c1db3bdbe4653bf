package discordfake

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Gateway opcodes and close codes used by the fake.
const (
	opDispatch       = 0
	opHeartbeat      = 1
	opIdentify       = 2
	opResume         = 6
	opReconnect      = 7
	opInvalidSession = 9
	opHello          = 10
	opHeartbeatACK   = 11

	CloseUnknownOpcode        = 4001
	CloseDecodeError          = 4002
	CloseNotAuthenticated     = 4003
	CloseAuthenticationFailed = 4004
	CloseAlreadyAuthenticated = 4005
	CloseInvalidShard         = 4010
	CloseInvalidAPIVersion    = 4012
	CloseDisallowedIntents    = 4014
)

const writeTimeout = 5 * time.Second

// gwSession is a gateway session: its sequence and every dispatch sent in
// it, so that a Resume can replay what the client missed.
type gwSession struct {
	id      string
	seq     int64
	events  []gwEvent
	conn    *gwConn // the authenticated connection, nil while disconnected
	intents discordgo.Intent
	shard   [2]int // [shard_id, shard_count] from Identify; [0, 1] without
	order   int    // Server.sessionSeq when identified: newer sessions win
}

type gwEvent struct {
	seq     int64
	name    string
	payload []byte
}

type gwFrame struct {
	Op   int             `json:"op"`
	Data json.RawMessage `json:"d"`
	Seq  *int64          `json:"s,omitempty"`
	Type string          `json:"t,omitempty"`
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		s.log.Debug("gateway upgrade failed", "err", err)
		return
	}
	q := r.URL.Query()
	c := newConn(s, ws, q.Get("v"))
	go c.writeLoop(q.Get("compress") == "zlib-stream")
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		close(c.done)
		ws.Close()
		return
	}
	s.conns[c] = struct{}{}
	s.notifyLocked()
	s.mu.Unlock()
	s.log.Debug("gateway connected", "query", r.URL.RawQuery)
	defer s.forget(c)

	if enc := q.Get("encoding"); enc != "" && enc != "json" {
		c.closeWith(CloseDecodeError, "Error while decoding payload.")
		return
	}
	switch c.version {
	case "", "6", "7", "8", "9", "10":
	default:
		c.closeWith(CloseInvalidAPIVersion, "Invalid API version.")
		return
	}
	hello := map[string]any{"heartbeat_interval": s.opts.HeartbeatInterval.Milliseconds()}
	c.send(opHello, hello)
	for {
		_, data, err := ws.ReadMessage()
		if err != nil {
			s.log.Debug("gateway connection ended", "err", err)
			return
		}
		var f gwFrame
		if err := json.Unmarshal(data, &f); err != nil {
			s.log.Debug("gateway: undecodable payload", "err", err)
			c.closeWith(CloseDecodeError, "Error while decoding payload.")
			return
		}
		switch f.Op {
		case opHeartbeat:
			s.mu.Lock()
			c.heartbeats++
			s.heartbeats++
			s.notifyLocked()
			s.mu.Unlock()
			c.send(opHeartbeatACK, nil)
		case opIdentify:
			if !s.identify(c, f.Data) {
				return
			}
		case opResume:
			if !s.resume(c, f.Data) {
				return
			}
		case 3, 4, 8: // presence, voice state, request guild members: accepted, ignored
		default:
			c.closeWith(CloseUnknownOpcode, "Unknown opcode.")
			return
		}
	}
}

// forget unregisters a finished connection once its writer has flushed
// what was queued (a close frame, typically).
func (s *Server) forget(c *gwConn) {
	close(c.done)
	<-c.writerDone
	c.ws.Close()
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.conns, c)
	if c.session != nil && c.session.conn == c {
		c.session.conn = nil
	}
	s.notifyLocked()
}

func newSessionID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func (s *Server) identify(c *gwConn, raw json.RawMessage) bool {
	// discordgo.Identify does not round-trip (its presence's created_at
	// marshals as a time but unmarshals as an integer), so decode the
	// fields the fake uses.
	var id struct {
		Token    string           `json:"token"`
		Intents  discordgo.Intent `json:"intents"`
		Compress bool             `json:"compress"`
		Shard    *[2]int          `json:"shard"`
	}
	if err := json.Unmarshal(raw, &id); err != nil {
		s.log.Debug("bad identify", "err", err, "raw", string(raw))
		c.closeWith(CloseDecodeError, "Error while decoding payload.")
		return false
	}
	rec := Identify{Token: id.Token, Intents: id.Intents, Compress: id.Compress, Shard: id.Shard, At: time.Now()}
	shard := [2]int{0, 1}
	if id.Shard != nil {
		shard = *id.Shard
	}
	s.mu.Lock()
	switch {
	case c.session != nil:
		rec.CloseCode = CloseAlreadyAuthenticated
	case strings.TrimPrefix(id.Token, "Bot ") != s.opts.Token:
		rec.CloseCode = CloseAuthenticationFailed
	case id.Intents&s.opts.DisallowedIntents != 0:
		rec.CloseCode = CloseDisallowedIntents
	case shard[1] < 1 || shard[0] < 0 || shard[0] >= shard[1]:
		rec.CloseCode = CloseInvalidShard
	}
	if rec.CloseCode == 0 && !s.identifySlotLocked(shard[0], rec.At) {
		rec.Throttled = true
	}
	s.identifies = append(s.identifies, rec)
	s.log.Debug("gateway identify", "intents", int64(id.Intents), "shard", shard, "close_code", rec.CloseCode, "throttled", rec.Throttled)
	if rec.CloseCode != 0 {
		s.notifyLocked()
		s.mu.Unlock()
		c.closeWith(rec.CloseCode, closeText[rec.CloseCode])
		return false
	}
	if rec.Throttled { // Discord's answer to an identify over the bucket's limit
		s.notifyLocked()
		s.mu.Unlock()
		c.send(opInvalidSession, false)
		return true
	}
	s.sessionSeq++
	sess := &gwSession{id: newSessionID(), intents: id.Intents, shard: shard, order: s.sessionSeq}
	s.sessions[sess.id] = sess
	s.current = sess
	sess.conn = c
	c.session = sess
	c.compress = id.Compress

	var guilds []map[string]any
	var creates []map[string]any
	for _, g := range s.sortedGuildsLocked() {
		if ShardOf(g.ID, shard[1]) == shard[0] {
			guilds = append(guilds, map[string]any{"id": g.ID, "unavailable": true})
			creates = append(creates, s.guildCreateLocked(g))
		}
	}
	ready := map[string]any{
		"v":                  apiVersionNumber(c.version),
		"user":               s.opts.Bot,
		"guilds":             guilds,
		"session_id":         sess.id,
		"resume_gateway_url": s.GatewayURL(),
		"shard":              shard[:],
		"application":        map[string]any{"id": s.opts.Bot.ID, "flags": 0},
		"private_channels":   []any{},
	}
	c.enqueueLocked(s.queueLocked(sess, "READY", ready))
	for _, gc := range creates {
		c.enqueueLocked(s.queueLocked(sess, "GUILD_CREATE", gc))
	}
	s.notifyLocked()
	s.mu.Unlock()
	return true
}

var closeText = map[int]string{
	CloseInvalidShard:         "Invalid shard.",
	CloseAuthenticationFailed: "Authentication failed.",
	CloseAlreadyAuthenticated: "Already authenticated.",
	CloseDisallowedIntents:    "Disallowed intent(s).",
}

func apiVersionNumber(v string) int {
	var n int
	fmt.Sscan(v, &n)
	if n == 0 {
		n = 9
	}
	return n
}

func (s *Server) resume(c *gwConn, raw json.RawMessage) bool {
	var p struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		c.closeWith(CloseDecodeError, "Error while decoding payload.")
		return false
	}
	if strings.TrimPrefix(p.Token, "Bot ") != s.opts.Token {
		c.closeWith(CloseAuthenticationFailed, closeText[CloseAuthenticationFailed])
		return false
	}
	s.mu.Lock()
	sess := s.sessions[p.SessionID]
	s.log.Debug("gateway resume", "session", p.SessionID, "seq", p.Seq, "known", sess != nil)
	if sess == nil || p.Seq > sess.seq {
		s.mu.Unlock()
		// Not resumable: the client must identify again.
		c.send(opInvalidSession, false)
		return true
	}
	if old := sess.conn; old != nil && old != c {
		go old.drop()
	}
	sess.conn = c
	c.session = sess
	s.current = sess
	for _, ev := range sess.events {
		if ev.seq > p.Seq {
			c.enqueueLocked(ev)
		}
	}
	c.enqueueLocked(s.queueLocked(sess, "RESUMED", map[string]any{}))
	s.resumes++
	s.notifyLocked()
	s.mu.Unlock()
	return true
}

// queueLocked assigns the next sequence number to a dispatch and keeps it
// for replay; s.mu must be held.
func (s *Server) queueLocked(sess *gwSession, name string, data any) gwEvent {
	sess.seq++
	seq := sess.seq
	d, err := json.Marshal(data)
	if err != nil {
		panic(fmt.Sprintf("discord fake: marshal %s: %v", name, err)) // fake's own data: a bug here
	}
	payload, _ := json.Marshal(gwFrame{Op: opDispatch, Data: d, Seq: &seq, Type: name})
	ev := gwEvent{seq: seq, name: name, payload: payload}
	sess.events = append(sess.events, ev)
	return ev
}

// dispatch sends an event of a guild ("": a direct message) in the session
// of the guild's shard, or keeps it for replay if the client is
// disconnected. It fails only when no session of that shard exists.
func (s *Server) dispatch(guildID, name string, data any) (int64, error) {
	s.mu.Lock()
	sess := s.sessionForLocked(guildID)
	if sess == nil {
		s.mu.Unlock()
		return 0, fmt.Errorf("discord fake: dispatch %s: no gateway session (wait for READY first)", name)
	}
	ev := s.queueLocked(sess, name, data)
	if sess.conn != nil {
		sess.conn.enqueueLocked(ev)
	}
	s.mu.Unlock()
	return ev.seq, nil
}
