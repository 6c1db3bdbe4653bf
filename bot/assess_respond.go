package bot

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"
)

// Hook for the bot's router. Route to AssessFlow:
//
//   - the application command "assess" -> Command, "forget" -> Forget;
//   - a component or modal submission whose custom_id satisfies Owns.
//
// A router whose handlers return response values calls those methods and
// sends AssessReply.Response; Deliver does the same over a discordgo
// session for routers that respond themselves. Either way, when
// AssessReply.Later is set, run it after responding (it may call a model
// for seconds) and apply its edit to the original response.

// Handle runs the wizard for one interaction and reports whether it was
// the wizard's (false: route it elsewhere).
func (f *AssessFlow) Handle(ctx context.Context, i *discordgo.Interaction) (AssessReply, bool) {
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		switch i.ApplicationCommandData().Name {
		case "assess":
			return f.Command(ctx, i), true
		case "forget":
			return f.Forget(ctx, i), true
		}
	case discordgo.InteractionMessageComponent:
		if f.Owns(i.MessageComponentData().CustomID) {
			return f.Component(ctx, i), true
		}
	case discordgo.InteractionModalSubmit:
		if f.Owns(i.ModalSubmitData().CustomID) {
			return f.Component(ctx, i), true
		}
	}
	return AssessReply{}, false
}

// Deliver sends r for interaction i over s, then runs r.Later and edits the
// response with its result. It returns when both are done.
func Deliver(ctx context.Context, s *discordgo.Session, i *discordgo.Interaction, r AssessReply) error {
	if err := s.InteractionRespond(i, r.Response, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("respond to interaction: %w", err)
	}
	if r.Later == nil {
		return nil
	}
	edit, err := r.Later(ctx)
	if err != nil {
		return fmt.Errorf("assessment narrative: %w", err)
	}
	if edit == nil {
		return nil
	}
	if _, err := s.InteractionResponseEdit(i, edit, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("edit report with narrative: %w", err)
	}
	return nil
}
