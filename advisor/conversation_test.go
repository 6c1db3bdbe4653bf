package advisor

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestIsFollowUp(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"具体该怎么做?", true},
		{"那第二个呢?", true},
		{"and the second one?", true},
		{"how do we fix that?", true},
		{"tell me more", true},
		{"明天北京天气怎么样", false},
		{"is it going to rain", false},
		{"thatch roof repair cost", false},
		{"我们是做开源文生图的,钱还能烧一年,最大的风险是什么?这个问题我想了很久,一直没有答案,团队也有分歧,有人说先融资,有人说先降本,还有人说应该先把产品做好再说,这个分歧已经持续了三个月", false},
	}
	for _, tt := range tests {
		if got := isFollowUp(tt.q); got != tt.want {
			t.Errorf("isFollowUp(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestCitedIDs(t *testing.T) {
	h := []Turn{
		{Text: "我们是做文生图的"},
		{FromBot: true, Text: "1. `scenario` ... 2. `capital` ..."},
		{Text: "钱呢?"},
		{FromBot: true, Text: "1. `capital` 不一定死于缺卡 ... 2. `market` ..."},
	}
	if diff := cmp.Diff([]string{"capital", "market"}, citedIDs(h)); diff != "" {
		t.Errorf("citedIDs (-want +got):\n%s", diff)
	}
	if got := citedIDs([]Turn{{Text: "`market`"}}); got != nil {
		t.Errorf("a founder's backticks are not citations: %v", got)
	}
}

func TestCapHistory(t *testing.T) {
	newest := []Turn{{Text: "c"}, {Text: " "}, {Text: "bb"}, {Text: "aaaa"}}
	got, cut := CapHistory(newest, 6, 4, false)
	if diff := cmp.Diff([]Turn{{Text: "bb"}, {Text: "c"}}, got); diff != "" || !cut {
		t.Errorf("CapHistory = %v, cut %v (-want +got):\n%s", got, cut, diff)
	}
	if _, cut := CapHistory(newest[:1], 6, 100, false); cut {
		t.Error("nothing was left out")
	}
}

// A follow-up in a conversation is answered with the risks already
// discussed; the same words alone stay out of scope.
func TestFollowUpUsesHistory(t *testing.T) {
	a := builtinAdvisor(t)
	ctx := context.Background()
	first, err := a.Ask(ctx, Request{Question: "我们是做开源文生图的,钱还能烧一年,最大的风险是什么?"})
	if err != nil || len(first.Risks) == 0 {
		t.Fatalf("first answer: %v, %v", first, err)
	}
	history := []Turn{{Text: first.Question}, {FromBot: true, Text: first.Text}}
	alone, err := a.Ask(ctx, Request{Question: "具体该怎么做?"})
	if err != nil || len(alone.Risks) != 0 {
		t.Fatalf("a follow-up alone should be out of scope: %+v %v", alone.Risks, err)
	}
	tests := []struct {
		q    string
		want []string
	}{
		{"具体该怎么做?", riskIDs(first)},
		{"那第二个呢?", riskIDs(first)[1:2]},
		{"明天天气怎么样?", nil},
	}
	for _, tt := range tests {
		got, err := a.Ask(ctx, Request{Question: tt.q, History: history})
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(tt.want, riskIDs(got)); diff != "" {
			t.Errorf("%q in a conversation (-want +got):\n%s", tt.q, diff)
		}
	}
}

func riskIDs(a *Answer) []string {
	var ids []string
	for _, r := range a.Risks {
		ids = append(ids, r.ID)
	}
	return ids
}
