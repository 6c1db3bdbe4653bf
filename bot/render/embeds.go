package render

import "github.com/bwmarrin/discordgo"

// EmbedSize counts what Discord counts toward the 6000-unit total of a
// message's embeds.
func EmbedSize(e *discordgo.MessageEmbed) int {
	n := Units(e.Title) + Units(e.Description)
	for _, f := range e.Fields {
		n += Units(f.Name) + Units(f.Value)
	}
	if e.Footer != nil {
		n += Units(e.Footer.Text)
	}
	if e.Author != nil {
		n += Units(e.Author.Name)
	}
	return n
}

// EmbedsSize is what a message's embeds count together toward the 6000
// units.
func EmbedsSize(es []*discordgo.MessageEmbed) int {
	n := 0
	for _, e := range es {
		n += EmbedSize(e)
	}
	return n
}

// Pack puts embeds into as few messages as Discord's limits allow (10
// embeds, 6000 units in all). An embed bigger than 6000 on its own (a full
// description and 25 full fields) is moved in parts. It is the packer for
// content that may take several messages (answers).
func Pack(embeds []*discordgo.MessageEmbed) []*discordgo.InteractionResponseData {
	var out []*discordgo.InteractionResponseData
	cur, size := &discordgo.InteractionResponseData{}, 0
	for _, e := range shrink(embeds) {
		n := EmbedSize(e)
		if len(cur.Embeds) == MaxEmbeds || (len(cur.Embeds) > 0 && size+n > MaxEmbedTotal) {
			out = append(out, cur)
			cur, size = &discordgo.InteractionResponseData{}, 0
		}
		cur.Embeds = append(cur.Embeds, e)
		size += n
	}
	return append(out, cur)
}

// Fit keeps embeds in one message (a wizard step or report that replaces
// the message clicked): at most 10, and descriptions shortened, last embed
// first, until the total is inside the 6000 units Pack also counts.
func Fit(es []*discordgo.MessageEmbed) []*discordgo.MessageEmbed {
	es = es[:min(len(es), MaxEmbeds)]
	for i := len(es) - 1; i >= 0 && EmbedsSize(es) > MaxEmbedTotal; i-- {
		over := EmbedsSize(es) - MaxEmbedTotal
		es[i].Description = Clip(es[i].Description, max(40, Units(es[i].Description)-over))
	}
	return es
}

// shrink splits any embed over the total limit into embeds under it,
// moving fields into embeds of their own.
func shrink(embeds []*discordgo.MessageEmbed) []*discordgo.MessageEmbed {
	var out []*discordgo.MessageEmbed
	for _, e := range embeds {
		if EmbedSize(e) <= MaxEmbedTotal {
			out = append(out, e)
			continue
		}
		head := *e
		head.Fields, head.Footer = nil, nil
		out = append(out, &head)
		cur := &discordgo.MessageEmbed{Color: e.Color}
		for _, f := range e.Fields {
			if len(cur.Fields) > 0 && EmbedSize(cur)+Units(f.Name)+Units(f.Value) > MaxEmbedTotal-MaxFooter {
				out = append(out, cur)
				cur = &discordgo.MessageEmbed{Color: e.Color}
			}
			cur.Fields = append(cur.Fields, f)
		}
		cur.Footer = e.Footer
		out = append(out, cur)
	}
	return out
}
