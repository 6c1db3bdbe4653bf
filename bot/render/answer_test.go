package render

import (
	"fmt"
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
		if Units(m.Content) > MaxContent {
			t.Errorf("message %d content is %d units", n, Units(m.Content))
		}
		if len(m.Embeds) > MaxEmbeds {
			t.Errorf("message %d has %d embeds", n, len(m.Embeds))
		}
		total := 0
		for _, e := range m.Embeds {
			total += EmbedSize(e)
			if Units(e.Description) > MaxDescription || len(e.Fields) > MaxFields || Units(e.Title) > MaxTitle {
				t.Errorf("message %d embed over a limit: %d description, %d fields", n, Units(e.Description), len(e.Fields))
			}
			for _, f := range e.Fields {
				if Units(f.Name) > MaxFieldName || Units(f.Value) > MaxFieldValue || f.Name == "" || f.Value == "" {
					t.Errorf("field %q: name %d, value %d units", f.Name, Units(f.Name), Units(f.Value))
				}
			}
		}
		if total > MaxEmbedTotal {
			t.Errorf("message %d embeds total %d units", n, total)
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
			msgs := Answer(&tc.ans, kb, tc.notice)
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
			hasSources := len(ids) > 0 && strings.HasPrefix(ids[0], IDSources)
			if hasSources != (len(tc.ans.Risks) > 0) {
				t.Errorf("sources button %v with %d risks", hasSources, len(tc.ans.Risks))
			}
			for _, id := range ids {
				if len(id) > 100 {
					t.Errorf("custom_id %d chars", len(id))
				}
			}
		})
	}
}

func TestOffTopicShowsNoID(t *testing.T) {
	msgs := Answer(&advisor.Answer{Lang: "zh", Text: "这个问题不在文章范围内。", Model: advisor.ModelInfo{Backend: "builtin", Name: "builtin"}}, loadKB(t), "")
	for _, e := range msgs[0].Embeds {
		if strings.Contains(e.Description+fmt.Sprint(e.Fields), "`") {
			t.Errorf("off-topic answer shows an ID: %+v", e)
		}
	}
	if f := msgs[0].Embeds[0].Footer; f == nil || !strings.Contains(f.Text, "builtin · builtin") {
		t.Errorf("footer %+v", f)
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
