package render

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/advisor"
	"github.com/premortem/premortem/knowledge"
)

func loadKB(t testing.TB) *knowledge.Base {
	t.Helper()
	kb, err := knowledge.Load()
	if err != nil {
		t.Fatal(err)
	}
	return kb
}

// checkLimits fails for any message over one of Discord's limits.
func checkLimits(t *testing.T, msgs []*discordgo.InteractionResponseData) {
	t.Helper()
	for n, m := range msgs {
		if err := Check(m); err != nil {
			t.Errorf("message %d: %v", n, err)
		}
	}
}

func narrativeOf(msgs []*discordgo.InteractionResponseData) string {
	var b strings.Builder
	for _, m := range msgs {
		for _, e := range m.Embeds {
			b.WriteString(e.Description)
		}
	}
	return b.String()
}

func TestAnswerWithinLimits(t *testing.T) {
	kb := loadKB(t)
	risk := func(id string, n int) advisor.Risk {
		return advisor.Risk{ID: id, Title: strings.Repeat("标题", n), Why: strings.Repeat("因为", 40*n),
			Citations: []knowledge.Citation{{Paragraph: 7, Quote: strings.Repeat("引用", 30*n)}}}
	}
	long := strings.Repeat("市场不行的公司会死。`market` 收入远低于成本。\n\n", 400) // ~10k units
	var many []advisor.Risk
	for i := range 30 {
		many = append(many, risk(fmt.Sprintf("mode-%d", i), 10))
	}
	for _, tc := range []struct {
		name     string
		ans      advisor.Answer
		notice   string
		wantMsgs int
	}{
		{"short", advisor.Answer{Lang: "zh", Text: "短答 `market`", Risks: []advisor.Risk{risk("market", 1)}}, "", 1},
		{"off topic", advisor.Answer{Lang: "en", Text: "Out of scope."}, "", 1},
		{"long narrative", advisor.Answer{Lang: "zh", Text: long, Risks: []advisor.Risk{risk("market", 1), risk("capital", 1)}}, strings.Repeat("注意", 2000), 3},
		{"thirty huge risks", advisor.Answer{Lang: "zh", Text: long, Risks: many}, "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			msgs := Answer(&tc.ans, kb, AnswerOptions{Notice: tc.notice})
			checkLimits(t, msgs)
			if tc.wantMsgs > 0 && len(msgs) != tc.wantMsgs {
				t.Errorf("%d messages; want %d", len(msgs), tc.wantMsgs)
			}
			if got := narrativeOf(msgs); !strings.Contains(got, strings.TrimSpace(tc.ans.Text)) && strings.TrimSpace(tc.ans.Text) != got {
				t.Errorf("narrative lost text: %d of %d bytes", len(got), len(tc.ans.Text))
			}
			fields := 0
			for _, m := range msgs {
				for _, e := range m.Embeds {
					fields += len(e.Fields)
					for _, f := range e.Fields {
						if !strings.HasPrefix(f.Name, "`") {
							t.Errorf("field name %q does not start with the ID as code", f.Name)
						}
					}
				}
			}
			if fields != len(tc.ans.Risks) {
				t.Errorf("%d risk fields; want %d", fields, len(tc.ans.Risks))
			}
			last := msgs[len(msgs)-1]
			if len(last.Components) == 0 {
				t.Error("no buttons under the answer")
			}
			ids := componentIDs(last.Components)
			hasSources := slices.ContainsFunc(ids, func(id string) bool { return strings.HasPrefix(id, IDSources) })
			if hasSources != (len(tc.ans.Risks) > 0) {
				t.Errorf("sources button %v with %d risks", hasSources, len(tc.ans.Risks))
			}
			for _, id := range ids {
				if len(id) > 100 {
					t.Errorf("custom_id %d chars", len(id))
				}
			}
			if want := (len(ids) + MaxButtons - 1) / MaxButtons; len(last.Components) != want {
				t.Errorf("%d buttons in %d rows; want %d", len(ids), len(last.Components), want)
			}
		})
	}
}

func TestOffTopicShowsNoID(t *testing.T) {
	kb := loadKB(t)
	msgs := Answer(&advisor.Answer{Lang: "zh", Text: "这个问题不在文章范围内。", Model: advisor.ModelInfo{Backend: "builtin", Name: "builtin"}}, kb, AnswerOptions{})
	for _, e := range msgs[0].Embeds {
		for _, id := range knowledge.ModeIDs {
			if strings.Contains(e.Description+fmt.Sprint(e.Fields), "`"+id+"`") {
				t.Errorf("off-topic answer shows %s: %+v", id, e)
			}
		}
	}
	if f := msgs[0].Embeds[0].Footer; f == nil || !strings.HasPrefix(f.Text, "builtin · 知识库 "+kb.Version) || strings.Count(f.Text, "builtin") != 1 {
		t.Errorf("footer %+v", f)
	}
}

func TestFooterSaysWhoWroteItOnce(t *testing.T) {
	kb := loadKB(t)
	for _, tc := range []struct {
		m    advisor.ModelInfo
		lang string
		want string
	}{
		{advisor.ModelInfo{Backend: "builtin", Name: "builtin"}, "en", "builtin · knowledge "},
		{advisor.ModelInfo{Backend: "hosted", Name: "deepseek-chat"}, "en", "hosted · deepseek-chat · knowledge "},
		{advisor.ModelInfo{Backend: "builtin", Name: "builtin", FallbackFrom: "hosted"}, "en", "builtin (after hosted failed) · knowledge "},
		{advisor.ModelInfo{Backend: "local", Name: "qwen2.5:7b", FallbackFrom: "hosted"}, "zh", "local · qwen2.5:7b(hosted 出错后回退) · 知识库 "},
	} {
		got := footer(tc.m, []advisor.Risk{{ID: "market"}}, kb, tc.lang)
		if !strings.HasPrefix(got, tc.want+kb.Version) || !strings.HasSuffix(got, T(tc.lang, "hint", "market")) {
			t.Errorf("footer %q; want it to start %q", got, tc.want)
		}
	}
}

func TestRiskButtonsRoundTrip(t *testing.T) {
	kb := loadKB(t)
	m, _ := kb.Mode("open-source")
	r := advisor.Risk{ID: m.ID, Actions: []string{m.Actions[1].Text.ZH, m.Actions[0].Text.ZH + "。"}}
	for _, tc := range []struct {
		id   string
		want RiskButton
	}{
		{ToDoID(r, kb, "zh"), RiskButton{Lang: "zh", ID: "open-source", Actions: []int{1, 0}}},
		{ToDoID(advisor.Risk{ID: "market", Actions: []string{"not in the knowledge"}}, kb, "en"), RiskButton{Lang: "en", ID: "market"}},
		{MoreID("capital", "en"), RiskButton{Lang: "en", ID: "capital"}},
	} {
		got, ok := ParseRiskButton(tc.id)
		if !ok || !slices.Equal(got.Actions, tc.want.Actions) || got.Lang != tc.want.Lang || got.ID != tc.want.ID {
			t.Errorf("ParseRiskButton(%q) = %+v, %v; want %+v", tc.id, got, ok, tc.want)
		}
	}
	for _, bad := range []string{IDToDo, IDToDo + "zh:", IDToDo + "zh:market:x", IDSources + "market"} {
		if b, ok := ParseRiskButton(bad); ok {
			t.Errorf("ParseRiskButton(%q) = %+v; want not ok", bad, b)
		}
	}
	todo := ToDo(m, []int{1}, "en")
	if err := Check(todo); err != nil || !strings.HasPrefix(todo.Embeds[0].Description, "1. "+m.Actions[1].Text.EN) || strings.Contains(todo.Embeds[0].Description, "2. ") {
		t.Errorf("ToDo: %v\n%s", err, todo.Embeds[0].Description)
	}
	if all := ToDo(m, nil, "zh"); !strings.Contains(all.Embeds[0].Description, "2. ") {
		t.Errorf("ToDo without a choice shows one step:\n%s", all.Embeds[0].Description)
	}
}

// componentIDs lists the custom IDs of the buttons in rows.
func componentIDs(rows []discordgo.MessageComponent) []string {
	var ids []string
	for _, row := range rows {
		for _, c := range row.(discordgo.ActionsRow).Components {
			if b, ok := c.(discordgo.Button); ok {
				ids = append(ids, b.CustomID)
			}
		}
	}
	return ids
}
