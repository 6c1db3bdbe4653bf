package discordfake_test

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/premortem/premortem/internal/discordfake"
)

// frame is a gateway payload as a raw client sees it.
type frame struct {
	Op   int             `json:"op"`
	Data json.RawMessage `json:"d"`
	Seq  int64           `json:"s"`
	Type string          `json:"t"`
}

// rawClient speaks the gateway protocol by hand, to check what discordgo
// does not show: sequence numbers, replay order, zlib-stream framing.
type rawClient struct {
	t  *testing.T
	ws *websocket.Conn
	z  io.ReadCloser // zlib-stream reader, nil without compression
	zb *bytes.Buffer
}

func dialRaw(t *testing.T, srv *discordfake.Server, query string) *rawClient {
	t.Helper()
	ws, _, err := websocket.DefaultDialer.Dial(srv.GatewayURL()+"/?"+query, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	c := &rawClient{t: t, ws: ws}
	if strings.Contains(query, "zlib-stream") {
		c.zb = &bytes.Buffer{}
	}
	return c
}

func (c *rawClient) read() frame {
	c.t.Helper()
	c.ws.SetReadDeadline(time.Now().Add(10 * time.Second))
	mt, data, err := c.ws.ReadMessage()
	if err != nil {
		c.t.Fatalf("read gateway: %v", err)
	}
	if c.zb != nil {
		if mt != websocket.BinaryMessage {
			c.t.Fatalf("zlib-stream frame type %d", mt)
		}
		c.zb.Write(data)
		if c.z == nil {
			if c.z, err = zlib.NewReader(c.zb); err != nil {
				c.t.Fatal(err)
			}
		}
		var f frame
		if err := json.NewDecoder(c.z).Decode(&f); err != nil {
			c.t.Fatalf("inflate: %v", err)
		}
		return f
	}
	var f frame
	if err := json.Unmarshal(data, &f); err != nil {
		c.t.Fatal(err)
	}
	return f
}

func (c *rawClient) send(op int, d any) {
	c.t.Helper()
	if err := c.ws.WriteJSON(map[string]any{"op": op, "d": d}); err != nil {
		c.t.Fatal(err)
	}
}

func TestRawIdentifyResumeReplay(t *testing.T) {
	for _, query := range []string{"v=10&encoding=json", "v=10&encoding=json&compress=zlib-stream"} {
		t.Run(query, func(t *testing.T) {
			srv := discordfake.New(t, discordfake.Options{HeartbeatInterval: time.Second})
			c := dialRaw(t, srv, query)
			if h := c.read(); h.Op != 10 || !strings.Contains(string(h.Data), `"heartbeat_interval":1000`) {
				t.Fatalf("hello = %+v", h)
			}
			c.send(2, map[string]any{"token": srv.Token(), "intents": 1 << 9})
			ready := c.read()
			var r struct {
				V                int    `json:"v"`
				SessionID        string `json:"session_id"`
				ResumeGatewayURL string `json:"resume_gateway_url"`
			}
			json.Unmarshal(ready.Data, &r)
			if ready.Type != "READY" || ready.Seq != 1 || r.V != 10 || r.ResumeGatewayURL != srv.GatewayURL() {
				t.Fatalf("ready = %+v %+v", ready, r)
			}
			if g := c.read(); g.Type != "GUILD_CREATE" || g.Seq != 2 {
				t.Fatalf("guild create = %+v", g)
			}
			c.send(1, 2)
			if ack := c.read(); ack.Op != 11 {
				t.Fatalf("heartbeat ack = %+v", ack)
			}
			c.ws.Close()
			if err := srv.WaitDisconnected(ctx(t)); err != nil {
				t.Fatal(err)
			}
			for _, text := range []string{"one", "two"} {
				if _, err := srv.DispatchMessage(discordfake.UserMessage{ChannelID: discordfake.ChannelGeneral, AuthorID: discordfake.UserMember, Content: text}); err != nil {
					t.Fatal(err)
				}
			}
			c2 := dialRaw(t, srv, query)
			c2.read()
			c2.send(6, map[string]any{"token": srv.Token(), "session_id": r.SessionID, "seq": 2})
			for i, want := range []string{"MESSAGE_CREATE", "MESSAGE_CREATE", "RESUMED"} {
				if f := c2.read(); f.Type != want || f.Seq != int64(3+i) {
					t.Fatalf("replay %d = %s seq %d, want %s seq %d", i, f.Type, f.Seq, want, 3+i)
				}
			}
			if srv.Resumes() != 1 {
				t.Fatalf("resumes = %d", srv.Resumes())
			}
			// An unknown session is refused with op 9 d=false.
			c3 := dialRaw(t, srv, query)
			c3.read()
			c3.send(6, map[string]any{"token": srv.Token(), "session_id": "nope", "seq": 1})
			if f := c3.read(); f.Op != 9 || string(f.Data) != "false" {
				t.Fatalf("resume of unknown session = %+v", f)
			}
		})
	}
}

func TestRawProtocolErrors(t *testing.T) {
	tests := []struct {
		name, query string
		payload     string
		want        int
	}{
		{"etf encoding", "v=10&encoding=etf", "", discordfake.CloseDecodeError},
		{"bad version", "v=3&encoding=json", "", discordfake.CloseInvalidAPIVersion},
		{"garbage", "v=10&encoding=json", "{not json", discordfake.CloseDecodeError},
		{"unknown opcode", "v=10&encoding=json", `{"op":42,"d":null}`, discordfake.CloseUnknownOpcode},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := discordfake.New(t, discordfake.Options{})
			c := dialRaw(t, srv, tc.query)
			if tc.payload != "" {
				c.read() // hello
				c.ws.WriteMessage(websocket.TextMessage, []byte(tc.payload))
			}
			c.ws.SetReadDeadline(time.Now().Add(10 * time.Second))
			for {
				_, _, err := c.ws.ReadMessage()
				if err == nil {
					continue
				}
				if ce, ok := err.(*websocket.CloseError); !ok || ce.Code != tc.want {
					t.Fatalf("got %v, want close %d", err, tc.want)
				}
				return
			}
		})
	}
}
