package shards

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/gorilla/websocket"
)

// echoServer reads every message a client sends and reports them.
func echoServer(t *testing.T) (url string, got <-chan string) {
	t.Helper()
	msgs := make(chan string, 16)
	up := websocket.Upgrader{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer ws.Close()
		for {
			_, data, err := ws.ReadMessage()
			if err != nil {
				close(msgs)
				return
			}
			msgs <- string(data)
		}
	}))
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http"), msgs
}

type identifyOp struct {
	Op   int            `json:"op"`
	Data map[string]any `json:"d"`
}

func TestIdentifyFramesWaitForTheirSlot(t *testing.T) {
	url, got := echoServer(t)
	var waits atomic.Int32
	ws, _, err := dialer(func() error { waits.Add(1); return nil }).Dial(url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	big := strings.Repeat("x", 70000) // a 64-bit length, and more than one write
	sends := []func() error{
		func() error { return ws.WriteJSON(map[string]any{"op": 1, "d": 7}) },
		func() error { return ws.WriteMessage(websocket.TextMessage, []byte(`{"op":2,"d":`+`"`+big+`"}`)) },
		func() error { return ws.WriteJSON(identifyOp{Op: 6, Data: map[string]any{"seq": 3}}) },
		func() error { return ws.WriteMessage(websocket.PingMessage, []byte(`{"op":2,`)) },
		func() error {
			return ws.WriteJSON(identifyOp{Op: 2, Data: map[string]any{"token": "Bot x", "pad": strings.Repeat("y", 300)}})
		},
		func() error { return ws.WriteMessage(websocket.BinaryMessage, []byte(`{"op":2,"d":1}`)) },
	}
	for i, send := range sends {
		if err := send(); err != nil {
			t.Fatalf("send %d: %v", i, err)
		}
	}
	for i, want := range []string{`{"d":7,"op":1}`, `{"op":2,"d":"` + big + `"}`, `{"op":6,"d":{"seq":3}}`, `{"op":2,"d":{"pad":"`, `{"op":2,"d":1}`} {
		if m := <-got; !strings.HasPrefix(strings.TrimSpace(m), want) {
			t.Errorf("message %d = %.60q; want %.60q", i, m, want)
		}
	}
	// The big text frame and the JSON identify waited; the resume, the
	// heartbeat, the ping and the binary frame did not.
	if n := waits.Load(); n != 2 {
		t.Errorf("waits %d; want 2", n)
	}
}

func TestIdentifyFailsWhenTheWaitDoes(t *testing.T) {
	url, _ := echoServer(t)
	stop := errors.New("lease lost")
	ws, _, err := dialer(func() error { return stop }).Dial(url, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	if err := ws.WriteJSON(map[string]any{"op": 1, "d": nil}); err != nil {
		t.Fatalf("heartbeat: %v", err)
	}
	if err := ws.WriteJSON(identifyOp{Op: 2}); !errors.Is(err, stop) {
		t.Errorf("identify = %v; want the wait's error", err)
	}
}
