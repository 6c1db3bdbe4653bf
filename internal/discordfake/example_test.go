package discordfake_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/premortem/premortem/internal/discordfake"
)

// The shape of an end-to-end bot test: start the fake, point discordgo at
// it (the bot does this itself from PREMORTEM_DISCORD_API_BASE), open the
// session, wait until it is steady, then drive Discord from outside and
// assert on what the bot sent.
func Example() {
	// In a test: srv := discordfake.New(t, discordfake.Options{}).
	srv, err := discordfake.NewServer(discordfake.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	if err := discordfake.PointDiscordgo(srv.URL()); err != nil {
		log.Fatal(err)
	}
	dg, _ := discordgo.New(srv.Token())
	dg.Identify.Intents = discordgo.IntentsAllWithoutPrivileged | discordgo.IntentMessageContent
	dg.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource})
	})
	if err := dg.Open(); err != nil {
		log.Fatal(err)
	}
	defer dg.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv.WaitReady(ctx)
	in := srv.Command(discordfake.UserMember, discordfake.ChannelGeneral, "ask", discordfake.StringOption("question", "最大的风险?"))
	srv.DispatchInteraction(in)
	ack, err := srv.WaitAck(ctx, in.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ack.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource, ack.Latency < 3*time.Second)
}
