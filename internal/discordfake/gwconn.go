package discordfake

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"time"

	"github.com/gorilla/websocket"
)

// gwConn is one websocket connection. Everything it sends goes through one
// queue drained by writeLoop, so dispatches keep their sequence order and
// no lock is held while writing to a slow client.
type gwConn struct {
	s          *Server
	ws         *websocket.Conn
	version    string
	out        chan outFrame
	done       chan struct{} // closed when the reader has finished
	writerDone chan struct{} // closed when writeLoop has returned

	// Under s.mu.
	compress   bool       // Identify asked for per-payload compression
	session    *gwSession // the session this connection is authenticated for
	heartbeats int        // op 1 received on this connection
}

// outFrame is one queued websocket message, or a close frame.
type outFrame struct {
	payload   []byte
	compress  bool // zlib this payload (Identify's compress)
	closeCode int
	closeText string
}

const queueSize = 4096

func newConn(s *Server, ws *websocket.Conn, version string) *gwConn {
	return &gwConn{
		s: s, ws: ws, version: version,
		out:        make(chan outFrame, queueSize),
		done:       make(chan struct{}),
		writerDone: make(chan struct{}),
	}
}

// enqueue queues a frame without blocking; a client too slow to drain
// queueSize frames is disconnected, as Discord does.
func (c *gwConn) enqueue(f outFrame) {
	select {
	case c.out <- f:
	case <-c.done:
	default:
		c.s.log.Debug("gateway client too slow; dropping connection")
		c.drop()
	}
}

// enqueueLocked queues a dispatch; s.mu must be held (for c.compress).
func (c *gwConn) enqueueLocked(ev gwEvent) {
	big := ev.name == "READY" || ev.name == "GUILD_CREATE" || len(ev.payload) >= 4096
	c.enqueue(outFrame{payload: ev.payload, compress: c.compress && big})
}

// send queues a non-dispatch payload (hello, heartbeat ACK, op 7, op 9).
func (c *gwConn) send(op int, data any) {
	d, _ := json.Marshal(data)
	payload, _ := json.Marshal(gwFrame{Op: op, Data: d})
	c.enqueue(outFrame{payload: payload})
}

// closeWith queues a close frame with a gateway close code; the connection
// closes once it is written.
func (c *gwConn) closeWith(code int, text string) {
	c.enqueue(outFrame{closeCode: code, closeText: text})
}

// drop closes the TCP connection without a close frame, like a network
// failure.
func (c *gwConn) drop() { c.ws.NetConn().Close() }

// writeLoop writes queued frames until a close frame, a write error, or
// the reader's end (after flushing what is already queued).
func (c *gwConn) writeLoop(zlibStream bool) {
	defer close(c.writerDone)
	var zbuf bytes.Buffer
	var zw *zlib.Writer
	if zlibStream {
		zw = zlib.NewWriter(&zbuf)
	}
	write := func(f outFrame) bool {
		deadline := time.Now().Add(writeTimeout)
		if f.closeCode != 0 {
			c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(f.closeCode, f.closeText), deadline)
			c.ws.Close()
			return false
		}
		c.ws.SetWriteDeadline(deadline)
		var err error
		switch {
		case zw != nil:
			zbuf.Reset()
			zw.Write(f.payload)
			zw.Flush() // ends with 00 00 ff ff, as Discord's zlib-stream
			err = c.ws.WriteMessage(websocket.BinaryMessage, zbuf.Bytes())
		case f.compress:
			var b bytes.Buffer
			w := zlib.NewWriter(&b)
			w.Write(f.payload)
			w.Close()
			err = c.ws.WriteMessage(websocket.BinaryMessage, b.Bytes())
		default:
			err = c.ws.WriteMessage(websocket.TextMessage, f.payload)
		}
		if err != nil {
			c.ws.Close()
			return false
		}
		return true
	}
	for {
		select {
		case f := <-c.out:
			if !write(f) {
				return
			}
		case <-c.done:
			for {
				select {
				case f := <-c.out:
					if !write(f) {
						return
					}
				default:
					return
				}
			}
		}
	}
}
