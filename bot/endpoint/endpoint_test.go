package endpoint

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/internal/discordfake"
)

func TestEndpointAnswersWithFilesAndInTime(t *testing.T) {
	srv := discordfake.New(t, discordfake.Options{})
	key, err := ParseKey(srv.PublicKey())
	if err != nil {
		t.Fatal(err)
	}
	e := New(key, func(i *discordgo.Interaction, first func(context.Context, *discordgo.InteractionResponse) error) {
		if i.ApplicationCommandData().Name == "silent" {
			return // never answers
		}
		err := first(context.Background(), &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "report", AllowedMentions: &discordgo.MessageAllowedMentions{},
				Files: []*discordgo.File{{Name: "chart.png", ContentType: "image/png", Reader: strings.NewReader("png")}}}})
		if err != nil {
			t.Errorf("first response: %v", err)
		}
	}, nil)
	e.deadline = 100 * time.Millisecond
	mux := http.NewServeMux()
	e.Register(mux)
	hs := httptest.NewServer(mux)
	defer hs.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	i := srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "assess")
	a, err := srv.PostInteraction(ctx, hs.URL+Path, i)
	if err != nil || a.Status != http.StatusNoContent || a.Type != discordgo.InteractionResponseChannelMessageWithSource {
		t.Fatalf("ack %+v, %v", a, err)
	}
	c, err := srv.WaitCall(ctx, "RESPONSE", "/interactions/"+i.ID)
	if err != nil || len(c.Files) != 1 || string(c.Files[0].Data) != "png" {
		t.Errorf("multipart response: %+v, %v", c.Files, err)
	}
	a, err = srv.PostInteraction(ctx, hs.URL+Path, srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "silent"))
	if err != nil || a.Status != http.StatusServiceUnavailable {
		t.Errorf("unanswered: %+v, %v", a, err)
	}
	if _, err := ParseKey("abc"); err == nil || strings.Contains(err.Error(), "abc") {
		t.Errorf("ParseKey(abc) = %v", err)
	}
}
