package bot

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/bot/render"
	"github.com/premortem/premortem/internal/discordfake"
)

// way is one way a question reaches the bot.
type way struct {
	name   string
	metric string // the route's name in premortem_interactions_total
	// ask sends text as the asker and returns the ID of what was sent.
	ask func(h *harness, text string) string
	// refusal is the refusal shown for the question id.
	refusal func(h *harness, id string) string
	// answer waits for the answer to the question id.
	answer func(h *harness, id string) *discordgo.Message
}

// message is the way of a member's message in channel, built by content.
func message(name, channel string, content func(h *harness, text string) discordfake.UserMessage) way {
	return way{name: name, metric: "message:" + name,
		ask: func(h *harness, text string) string {
			um := content(h, text)
			um.AuthorID = discordfake.UserMember
			if um.ChannelID == "" {
				um.ChannelID = channel
			}
			m, err := h.srv.DispatchMessage(um)
			if err != nil {
				h.t.Fatal(err)
			}
			return m.ChannelID + "/" + m.ID
		},
		refusal: func(h *harness, id string) string {
			ch, mid, _ := strings.Cut(id, "/")
			m, err := h.srv.WaitMessage(ctxT(h.t), ch, func(m *discordgo.Message) bool {
				return m.Author != nil && m.Author.ID == discordfake.BotID && m.MessageReference != nil && m.MessageReference.MessageID == mid
			})
			if err != nil {
				h.t.Fatalf("no refusal: %v", err)
			}
			return m.Content
		},
		answer: func(h *harness, id string) *discordgo.Message {
			ch, mid, _ := strings.Cut(id, "/")
			return h.botAnswer(ch, mid)
		},
	}
}

// TestEveryWayInRunsThroughOneChain sends a question by each way in: the
// slash command, a mention, a reply, a thread message and a DM. Each is
// acknowledged, refused while the asker's first question is in flight
// (the shared per-user limit), and answered by the same handler (the
// model's own text, the cited risk as code), with its conversation as the
// model's context where it has one.
func TestEveryWayInRunsThroughOneChain(t *testing.T) {
	h := startBot(t)
	if err := h.adv.Backends().SetDefault("local"); err != nil { // DMs have no guild to choose one
		t.Fatal(err)
	}
	var lastAnswer *discordgo.Message // the previous answer, for the reply
	var thread string                 // the thread opened from the mention's answer
	dm := h.srv.DMChannel(discordfake.UserMember)
	ways := []way{
		{name: "slash", metric: "/ask",
			ask: func(h *harness, text string) string {
				i := h.srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", text))
				if err := h.srv.DispatchInteraction(i); err != nil {
					h.t.Fatal(err)
				}
				h.pending[i.ID] = i
				return i.ID
			},
			refusal: func(h *harness, id string) string { return ackData(h.t, h.waitAck(id)).Content },
			answer: func(h *harness, id string) *discordgo.Message {
				return h.waitOriginal(h.pending[id], func(m *discordgo.Message) bool { return len(m.Components) > 0 })
			}},
		message("mention", discordfake.ChannelGeneral, func(h *harness, text string) discordfake.UserMessage {
			return discordfake.UserMessage{Content: "<@" + discordfake.BotID + "> " + text}
		}),
		message("reply", discordfake.ChannelGeneral, func(h *harness, text string) discordfake.UserMessage {
			return discordfake.UserMessage{Content: text, ReplyTo: lastAnswer.ID}
		}),
		message("thread", "", func(h *harness, text string) discordfake.UserMessage {
			return discordfake.UserMessage{ChannelID: thread, Content: text}
		}),
		message("dm", dm, func(h *harness, text string) discordfake.UserMessage {
			return discordfake.UserMessage{Content: text}
		}),
	}
	parent := h.t
	for _, w := range ways {
		t.Run(w.name, func(t *testing.T) {
			h.t = t
			block := make(chan struct{})
			h.model.setBlock(block)
			first := w.ask(h, "收入远低于成本,market 风险大吗?")
			h.waitBusy(discordfake.UserMember)
			second := w.ask(h, "还有呢?")
			if r := w.refusal(h, second); !strings.Contains(r, "still being answered") && !strings.Contains(r, "还在回答中") {
				t.Errorf("second question while the first is in flight: %q", r)
			}
			close(block)
			lastAnswer = w.answer(h, first)
			var fields []string
			for _, e := range lastAnswer.Embeds {
				for _, f := range e.Fields {
					fields = append(fields, f.Name)
				}
			}
			if !strings.Contains(lastAnswer.Embeds[0].Description, "收入远低于成本") || !strings.Contains(strings.Join(fields, " "), "`market`") {
				t.Errorf("answer %q, fields %q", lastAnswer.Embeds[0].Description, fields)
			}
			if ids := componentIDs(lastAnswer.Components); !slices.ContainsFunc(ids, func(id string) bool { return strings.HasPrefix(id, render.IDSources) }) {
				t.Errorf("buttons %v", ids)
			}
			reqs := h.model.requests()
			prompt := lastUser(reqs[len(reqs)-1])
			if hasContext := w.name == "reply" || w.name == "thread"; hasContext && !strings.Contains(prompt, "premortem: 市场不行") {
				t.Errorf("no earlier answer in the context:\n%s", prompt)
			}
			if got := counterWith(t, h.bot.metrics, "premortem_interactions_total", w.metric); got != 2 {
				t.Errorf("%s counted %v times; want 2", w.metric, got)
			}
			h.settle(discordfake.UserMember)
			if w.name == "mention" {
				c, err := h.srv.WaitCall(ctxT(t), "POST", "/channels/"+discordfake.ChannelGeneral+"/messages/"+lastAnswer.ID+"/threads")
				if err != nil {
					t.Fatalf("no thread from the mention's answer: %v", err)
				}
				var th discordgo.Channel
				json.Unmarshal(c.Response, &th)
				thread = th.ID
			}
		})
	}
	h.t = parent
	if got := counter(t, h.bot.metrics, "premortem_refusals_total"); got != float64(len(ways)) {
		t.Errorf("%v refusals; want one busy refusal per way", got)
	}
	h.assertNoPings()
}
