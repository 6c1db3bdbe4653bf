package commands

import "github.com/bwmarrin/discordgo"

func zh(s string) *map[discordgo.Locale]string {
	return &map[discordgo.Locale]string{discordgo.ChineseCN: s}
}

func zhMap(s string) map[discordgo.Locale]string {
	return map[discordgo.Locale]string{discordgo.ChineseCN: s}
}

// Where the commands can be used: /model needs a guild, the others work in
// the bot's DMs too. (Discord shows DMs the global commands only: with
// discord.guild_id set, the commands appear in that guild alone.)
var (
	everywhere = &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild, discordgo.InteractionContextBotDM}
	guildOnly  = &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild}
)

// Definitions are the slash commands the bot registers, with zh-CN names
// and descriptions. Names stay ASCII in every locale, so /ask works
// whatever the client's language; descriptions are translated.
func Definitions() []*discordgo.ApplicationCommand {
	return []*discordgo.ApplicationCommand{
		{
			Name: "ask", Contexts: everywhere, Description: "Ask about your AI start-up's risks; answers cite the article",
			DescriptionLocalizations: zh("问你的大模型创业风险,回答引用原文"),
			Options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionString, Name: "question", Required: true, MaxLength: 1000, // characters, within advisor.MaxQuestionChars
				Description: "Your question, in Chinese or English", NameLocalizations: zhMap("问题"),
				DescriptionLocalizations: zhMap("你的问题,中文或英文都可以"),
			}},
		},
		{
			Name: "assess", Contexts: everywhere, Description: "Assess your company against the seven failure modes",
			DescriptionLocalizations: zh("按七个宿命给你的公司做一次风险评估"),
		},
		{
			Name: "risks", Contexts: everywhere, Description: "The seven failure modes, or one of them in detail",
			DescriptionLocalizations: zh("七个宿命一览,或查看其中一个"),
			Options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionString, Name: "id", Autocomplete: true,
				Description: "Risk ID, e.g. market", NameLocalizations: zhMap("编号"),
				DescriptionLocalizations: zhMap("风险 ID,例如 market"),
			}},
		},
		{
			Name: "model", Contexts: guildOnly, Description: "Model backends: list, status, or switch (admins)",
			DescriptionLocalizations: zh("模型后端:列表、状态,或切换(管理员)"),
			Options: []*discordgo.ApplicationCommandOption{
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "list", Description: "List the model backends",
					DescriptionLocalizations: zhMap("列出模型后端")},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "status", Description: "This server's model and fallback chain",
					DescriptionLocalizations: zhMap("本服务器的模型和回退链")},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "use", Description: "Switch this server's model (admins only)",
					DescriptionLocalizations: zhMap("切换本服务器的模型(仅管理员)"),
					Options: []*discordgo.ApplicationCommandOption{{
						Type: discordgo.ApplicationCommandOptionString, Name: "name", Required: true, Autocomplete: true,
						Description: "Backend name", NameLocalizations: zhMap("名称"), DescriptionLocalizations: zhMap("后端名称"),
					}}},
			},
		},
		{Name: "help", Contexts: everywhere, Description: "What premortem does and how to ask", DescriptionLocalizations: zh("premortem 能做什么、怎么问")},
		{Name: "forget", Contexts: everywhere, Description: "Delete your stored assessments and feedback", DescriptionLocalizations: zh("删除保存的你的评估和反馈")},
	}
}
