package shards

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/binary"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// identifyFrame is how discordgo's Identify payload begins (encoding/json
// of its identifyOp: op first, then d).
var identifyFrame = []byte(`{"op":2,`)

// dialer returns a websocket dialer whose connections call wait before
// writing an Identify frame; an error from wait fails the write. There is
// no proxy: the gateway is dialled directly.
func dialer(wait func() error) *websocket.Dialer {
	nd := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	return &websocket.Dialer{
		HandshakeTimeout: 45 * time.Second,
		NetDialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := nd.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return &pacedConn{Conn: c, wait: wait}, nil
		},
		// wss: the TLS handshake here, so the pacing sees the frames in
		// clear.
		NetDialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := nd.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			host, _, _ := net.SplitHostPort(addr)
			tc := tls.Client(c, &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12})
			if err := tc.HandshakeContext(ctx); err != nil {
				c.Close()
				return nil, err
			}
			return &pacedConn{Conn: tc, wait: wait}, nil
		},
	}
}

// pacedConn follows the websocket frames a client writes (RFC 6455:
// masked, header then payload) and holds a frame that starts an Identify
// until wait returns. What is written before the server's first bytes
// arrive is the HTTP upgrade request, not frames. gorilla/websocket
// writes each frame's header and the start of its payload in one Write;
// should a header ever arrive split, the connection stops looking rather
// than guess.
type pacedConn struct {
	net.Conn
	wait     func() error
	upgraded atomic.Bool // the server has answered the upgrade: frames follow

	mu    sync.Mutex
	left  uint64 // payload bytes of the current frame still to come
	blind bool
}

func (c *pacedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if n > 0 && !c.upgraded.Load() {
		c.upgraded.Store(true)
	}
	return n, err
}

func (c *pacedConn) Write(p []byte) (int, error) {
	if !c.upgraded.Load() {
		return c.Conn.Write(p)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.scan(p) {
		if err := c.wait(); err != nil {
			return 0, fmt.Errorf("wait for an identify slot: %w", err)
		}
	}
	return c.Conn.Write(p)
}

// scan advances over p's frames and reports whether one is an Identify.
func (c *pacedConn) scan(p []byte) (identify bool) {
	for len(p) > 0 && !c.blind {
		if c.left > 0 {
			n := min(c.left, uint64(len(p)))
			c.left -= n
			p = p[n:]
			continue
		}
		op, hlen, plen, mask, ok := header(p)
		if !ok {
			c.blind = true
			return identify
		}
		p = p[hlen:]
		if op == websocket.TextMessage {
			head := p[:min(uint64(len(p)), plen, uint64(len(identifyFrame)))]
			identify = identify || bytes.Equal(unmask(head, mask), identifyFrame)
		}
		c.left = plen
	}
	return identify
}

// header parses a client frame's header: its opcode, the header's length
// and the payload's, and the masking key.
func header(p []byte) (op int, hlen int, plen uint64, mask [4]byte, ok bool) {
	if len(p) < 2 || p[1]&0x80 == 0 { // a client frame is always masked
		return 0, 0, 0, mask, false
	}
	op, hlen, plen = int(p[0]&0x0f), 2, uint64(p[1]&0x7f)
	switch plen {
	case 126:
		if len(p) < 4 {
			return 0, 0, 0, mask, false
		}
		plen, hlen = uint64(binary.BigEndian.Uint16(p[2:4])), 4
	case 127:
		if len(p) < 10 {
			return 0, 0, 0, mask, false
		}
		plen, hlen = binary.BigEndian.Uint64(p[2:10]), 10
	}
	if len(p) < hlen+4 {
		return 0, 0, 0, mask, false
	}
	copy(mask[:], p[hlen:hlen+4])
	return op, hlen + 4, plen, mask, true
}

func unmask(b []byte, mask [4]byte) []byte {
	out := make([]byte, len(b))
	for i := range b {
		out[i] = b[i] ^ mask[i%4]
	}
	return out
}
