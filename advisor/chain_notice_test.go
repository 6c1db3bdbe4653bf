package advisor

import (
	"context"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/premortem/premortem/llm"
)

// ctxModel is a fakeModel whose reply sees the call's context.
type ctxModel struct {
	reply func(ctx context.Context, onDelta func(string)) (llm.Response, error)
}

func (m ctxModel) Generate(ctx context.Context, _ llm.Request, onDelta func(string)) (llm.Response, error) {
	return m.reply(ctx, onDelta)
}

func silentUntilCut(ctx context.Context, _ func(string)) (llm.Response, error) {
	<-ctx.Done()
	return llm.Response{}, ctx.Err()
}

func TestNoticesForASilentBackend(t *testing.T) {
	slow := ctxModel{reply: func(ctx context.Context, d func(string)) (llm.Response, error) {
		select {
		case <-time.After(3 * time.Second): // slow, within its first-token timeout
		case <-ctx.Done():
			return llm.Response{}, ctx.Err()
		}
		d("见 `capital`。")
		return llm.Response{Content: "见 `capital`。", FinishReason: "stop"}, nil
	}}
	thinker := ctxModel{reply: func(ctx context.Context, d func(string)) (llm.Response, error) {
		time.Sleep(time.Second)
		d("") // reasoning: alive, nothing to show
		time.Sleep(5 * time.Second)
		d("见 `capital`。")
		return llm.Response{Content: "见 `capital`。", FinishReason: "stop"}, nil
	}}
	tests := []struct {
		name    string
		specs   []BackendSpec
		want    []Notice
		backend string
	}{
		{"silent, then the next backend", []BackendSpec{
			{Name: "hosted", ModelName: "deepseek-chat", Model: ctxModel{reply: silentUntilCut}, FirstTokenTimeout: 10 * time.Second},
			{Name: "local", ModelName: "qwen", Model: &fakeModel{reply: says("见 `capital`")}},
		}, []Notice{
			{Kind: NoticeWaiting, Lang: "zh", Backend: "hosted", Model: "deepseek-chat", Waited: 2 * time.Second},
			{Kind: NoticeFallback, Lang: "zh", Backend: "hosted", Model: "deepseek-chat", Next: "local", Reason: "no first token within 10s"},
		}, "local"},
		{"slow but answering", []BackendSpec{{Name: "hosted", ModelName: "deepseek-chat", Model: slow, FirstTokenTimeout: 10 * time.Second}},
			[]Notice{{Kind: NoticeWaiting, Lang: "zh", Backend: "hosted", Model: "deepseek-chat", Waited: 2 * time.Second}}, "hosted"},
		{"thinks before its first word", []BackendSpec{{Name: "hosted", Model: thinker, FirstTokenTimeout: 2 * time.Second}},
			[]Notice{{Kind: NoticeWaiting, Lang: "zh", Backend: "hosted", Waited: 2 * time.Second}}, "hosted"},
		{"whole timeout, then builtin", []BackendSpec{{Name: "hosted", Model: ctxModel{reply: silentUntilCut}, Timeout: 5 * time.Second}},
			[]Notice{
				{Kind: NoticeWaiting, Lang: "zh", Backend: "hosted", Waited: 2 * time.Second},
				{Kind: NoticeFallback, Lang: "zh", Backend: "hosted", Next: Builtin, Reason: "no complete answer within 5s"},
			}, Builtin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				a, _ := testAdvisor(t, tt.specs...)
				g := testGrounding("zh")
				var got []Notice
				ans := &Answer{TimingMS: map[string]float64{}}
				req := Request{Question: g.Question, OnNotice: func(n Notice) { got = append(got, n) }}
				if err := a.write(context.Background(), req, g, ans); err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("notices (-want +got):\n%s", diff)
				}
				if ans.Model.Backend != tt.backend {
					t.Errorf("answered by %+v, want %s", ans.Model, tt.backend)
				}
			})
		})
	}
}

func TestNoticeText(t *testing.T) {
	tests := []struct {
		n    Notice
		want string
	}{
		{Notice{Kind: NoticeWaiting, Lang: "en", Backend: "hosted", Model: "deepseek-chat"}, "waiting for hosted (deepseek-chat)..."},
		{Notice{Kind: NoticeWaiting, Lang: "zh", Backend: "local", Model: "local"}, "正在等待 local 回答……"},
		{Notice{Kind: NoticeFallback, Lang: "en", Backend: "hosted", Model: "deepseek-chat", Next: "local", Reason: "connection refused"},
			"hosted (deepseek-chat) failed: connection refused; local answers instead"},
		{Notice{Kind: NoticeFallback, Lang: "zh", Backend: "hosted", Next: Builtin, Reason: "no first token within 10s"},
			"hosted 不可用(no first token within 10s),改由 内置撰写器 回答"},
	}
	for _, tt := range tests {
		if got := tt.n.String(); got != tt.want {
			t.Errorf("%+v: got %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestModelCitedAndFirstToken(t *testing.T) {
	a, _ := testAdvisor(t, BackendSpec{Name: "m", Model: &fakeModel{reply: says("先看 `segment`,", "再看 `capital` 和 `moat`。")}})
	ans, _, err := ask(t, a, "")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"segment", "capital"}, ans.ModelCited); diff != "" {
		t.Errorf("ModelCited (-want +got):\n%s", diff)
	}
	if rs := ans.CitedRisks(); len(rs) != 2 || rs[0].ID != "segment" || rs[1].ID != "capital" {
		t.Errorf("CitedRisks = %+v, want segment, capital", rs)
	}
	if _, ok := ans.TimingMS["first_token"]; !ok {
		t.Errorf("no first_token timing: %v", ans.TimingMS)
	}
	// Citing nothing: the advisor's Sources line is not the model's citation.
	a, _ = testAdvisor(t, BackendSpec{Name: "m", Model: &fakeModel{reply: says("钱是关键。")}})
	ans, _, _ = ask(t, a, "")
	if len(ans.ModelCited) != 0 || !strings.Contains(ans.Text, "`capital`") || len(ans.CitedRisks()) != len(ans.Risks) {
		t.Errorf("ModelCited %q for a reply citing nothing; text %q", ans.ModelCited, ans.Text)
	}
}
