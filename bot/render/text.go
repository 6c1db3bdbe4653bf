package render

import (
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// words holds every fixed word the bot shows, per language ("zh", "en"):
// one table for the answers, the commands, the refusals and the wizard
// ("wizard." and "report." keys).
var words = map[string]map[string]string{
	"zh": {
		"busy":         "你上一个问题还在回答中,请等它完成再问。",
		"rate":         "问得有点快了,请 %d 秒后再试。",
		"usercap":      "你今天的提问次数(%d 次)已用完,明天再来吧。",
		"guildcap":     "本服务器今天的提问次数(%d 次)已用完,明天再来吧。",
		"channel":      "这个频道里不能使用我,请到允许的频道提问。",
		"role":         "你的身份组还不能向我提问,请联系管理员。",
		"stopping":     "我正在重启,请稍后再问一次。",
		"stopped":      "⏹️ 我正在重启,这个回答没有写完,请稍后再问一次。",
		"timeout":      "⏱️ 回答超时了,请换个说法或稍后再问。",
		"failed":       "出了点问题,请稍后再试。",
		"empty":        "请写下你的问题,比如:/ask 我们是做开源文生图的,最大的风险是什么?",
		"toolong":      "问题太长了(最多 %d 个字),请精简后再问。",
		"unknown":      "我不认识这个指令,试试 /help。",
		"writing":      "✍️ 正在写……",
		"older":        "(更早的消息没有作为上下文)",
		"sources":      "来源",
		"assessbtn":    "评估我的公司",
		"up":           "有帮助",
		"down":         "没帮助",
		"thanks":       "谢谢反馈!",
		"thanksagain":  "已经记下了你的反馈。",
		"nosources":    "这个回答没有引用原文。",
		"assesssoon":   "公司风险评估马上就来,敬请期待。",
		"notadmin":     "只有拥有「管理服务器」权限或管理员身份组的成员才能切换模型。",
		"nomodel":      "没有名为 %s 的模型后端。可选:%s",
		"modelset":     "本服务器的模型已从 %s 切换为 **%s**。",
		"modelsame":    "本服务器已经在用 **%s**。",
		"modelstatus":  "本服务器使用 **%s**(%s)。\n回退链:%s",
		"modelby":      "由 <@%s> 于 <t:%d:R> 设置",
		"modeldefault": "配置的默认值",
		"modellist":    "可用的模型后端:",
		"noguild":      "这个指令只能在服务器里使用。",
		"norisk":       "没有这个风险 ID:%s。可选:%s",
		"risklist":     "大模型创业的七个宿命(用 /risks ID 查看详情):",
		"signals":      "预警信号",
		"actions":      "该做什么",
		"evidence":     "原文证据",
		"footer":       "%s · 知识库 %s · %s",
		"kbversion":    "知识库 %s",
		"fellback":     "%s(%s 出错后回退)",
		"situation":    "你的情况:",
		"hint":         "/risks %s 看全部信号和案例",
		"hintlist":     "/risks 看七种死法",
		"todo":         "怎么做",
		"firststep":    "先做:",
		"moreon":       "详情",
		"todotitle":    "先做什么 · %s",
		"nosuchrisk":   "这个风险已不在知识库里,试试 /risks。",
		"thread":       "%s",
		"help": "**premortem**:在公司死之前,先看看它可能怎么死。\n" +
			"• `/ask 问题`:按《大模型创业:必须跨过的七个宿命》回答,引用原文。\n" +
			"• @我 或回复我的回答,也可以提问;在我开的帖子里可以接着问。\n" +
			"• `/risks [ID]`:七种死法及其原文证据。\n" +
			"• `/assess`:十几道题,给你的公司做一次风险评估。\n" +
			"• `/model list|status`:查看模型;管理员可用 `/model use` 切换。\n" +
			"• `/forget`:删除我保存的你的评估和反馈。",
		// The /assess wizard.
		"wizard.title":     "**大模型创业风险评估** · 第 %d/%d 题",
		"wizard.prev":      "✅ %s → **%s**",
		"wizard.skipped":   "(跳过)",
		"wizard.enter":     "填写",
		"wizard.back":      "上一题",
		"wizard.skip":      "跳过",
		"wizard.cancel":    "取消",
		"wizard.resume":    "继续(第 %d/%d 题)",
		"wizard.restart":   "重新开始",
		"wizard.share":     "分享到频道",
		"wizard.offer":     "你有一份没有完成的评估(第 %d/%d 题)。继续,还是重新开始?",
		"wizard.cancelled": "评估已取消,回答已删除。随时可以用 /assess 重新开始。",
		"wizard.invalid":   "这个按钮无效或已过时。请用 /assess 开始或继续评估。",
		"wizard.notfound":  "这份评估已经不存在或已过期。请用 /assess 重新开始。",
		"wizard.expired":   "这份评估已过期,回答已删除。请用 /assess 重新开始。",
		"wizard.notyours":  "这是别人的评估,不能替他作答。用 /assess 开始你自己的评估。",
		"wizard.stale":     "这一题已经回答过了,请在最新的问题上继续。",
		"wizard.race":      "这次点击已经处理过了。",
		"wizard.modal":     "第 %d 题",
		"wizard.input":     "你的回答",
		"wizard.forgot":    "已删除你的评估和反馈记录(%d 条)。",
		"wizard.forgotnil": "没有找到你的任何记录。",
		"wizard.failed":    "出了点问题,你的回答没有丢失,请稍后再试。",
		"wizard.done":      "评估完成。报告只有你能看到;可以用下方按钮分享到频道。",
		"wizard.shared":    "<@%s> 分享了一份风险评估:",
		"wizard.notdone":   "评估还没有完成,完成后才能分享报告。",
		"report.title":     "风险评估报告 · 总体%s %d/100",
		"report.bench":     "文章中的对照数字",
		"report.act":       "先做什么",
		"report.para":      "第%d段",
		"report.narr":      "解读",
		// The /assess review and report (bot/wizard).
		"wizard.clear":      "清除",
		"wizard.keep":       "保留",
		"wizard.review":     "**大模型创业风险评估** · 核对你的回答",
		"wizard.row":        "%d. %s:**%s**",
		"wizard.reviewhint": "要改哪一题,在下面选它;没问题就点「查看报告」。",
		"wizard.reviewfew":  "⚠️ 现在的回答还不够评分,最值得补上:%s。",
		"wizard.edit":       "修改一题的回答…",
		"wizard.report":     "查看报告",
		"wizard.answers":    "修改回答",
		"wizard.offerdone":  "你的评估已经答完,还没有看报告。核对回答、查看报告,还是重新开始?",
		"wizard.toreview":   "核对回答",
		"report.head":       "风险评估报告 · %s",
		"report.unscored":   "未评估",
		"report.conf":       "置信度 %d%%",
		"report.act1":       "先做什么",
		"report.favour":     "对你们有利的",
		"report.few":        "七种宿命里只有 %d 种有可依据的回答,分数还说明不了什么。",
		"report.first":      "最值得先回答",
		"report.firsthint":  "点「修改回答」补上这几题。",
		"report.unanswered": "还没回答:%s",
		"report.sep":        "、",
		"report.none":       "七种宿命都还没有可依据的回答。",
	},
	"en": {
		"busy":         "Your previous question is still being answered; please wait for it to finish.",
		"rate":         "That was quick: please try again in %d seconds.",
		"usercap":      "You have used today's %d questions; come back tomorrow.",
		"guildcap":     "This server has used today's %d questions; come back tomorrow.",
		"channel":      "I can't be used in this channel; please ask in one of the allowed channels.",
		"role":         "Your roles can't ask me questions yet; please ask an admin.",
		"stopping":     "I'm restarting; please ask again in a minute.",
		"stopped":      "⏹️ I'm restarting and could not finish this answer; please ask again in a minute.",
		"timeout":      "⏱️ The answer took too long; please rephrase or ask again later.",
		"failed":       "Something went wrong; please try again later.",
		"empty":        "Please write your question, e.g. /ask We do open-source text-to-image; what is our biggest risk?",
		"toolong":      "The question is too long (at most %d characters); please shorten it.",
		"unknown":      "I don't know that command; try /help.",
		"writing":      "✍️ Writing…",
		"older":        "(earlier messages were left out of the context)",
		"sources":      "Sources",
		"assessbtn":    "Assess my company",
		"up":           "Helpful",
		"down":         "Not helpful",
		"thanks":       "Thanks for the feedback!",
		"thanksagain":  "Your feedback is already recorded.",
		"nosources":    "This answer cites nothing from the article.",
		"assesssoon":   "The company risk assessment is coming soon.",
		"notadmin":     "Only members with Manage Server or an admin role can switch models.",
		"nomodel":      "There is no model backend named %s. Choose one of: %s",
		"modelset":     "This server's model changed from %s to **%s**.",
		"modelsame":    "This server already uses **%s**.",
		"modelstatus":  "This server uses **%s** (%s).\nFallback chain: %s",
		"modelby":      "set by <@%s> <t:%d:R>",
		"modeldefault": "the configured default",
		"modellist":    "Model backends:",
		"noguild":      "This command works in servers only.",
		"norisk":       "There is no risk ID %s. Choose one of: %s",
		"risklist":     "The seven fates of an LLM start-up (/risks ID for details):",
		"signals":      "Warning signs",
		"actions":      "What to do",
		"evidence":     "From the article",
		"footer":       "%s · knowledge %s · %s",
		"kbversion":    "knowledge %s",
		"fellback":     "%s (after %s failed)",
		"situation":    "Your situation: ",
		"hint":         "/risks %s for every sign and case",
		"hintlist":     "/risks lists the seven fates",
		"todo":         "What to do",
		"firststep":    "First: ",
		"moreon":       "More",
		"todotitle":    "First steps · %s",
		"nosuchrisk":   "That risk is no longer in the knowledge base; try /risks.",
		"thread":       "%s",
		"help": "**premortem**: how your AI start-up could die, before it does.\n" +
			"• `/ask question`: an answer grounded in the article \"大模型创业:必须跨过的七个宿命\", with quotes.\n" +
			"• Mention me or reply to my answer to ask too; keep asking in the thread I open.\n" +
			"• `/risks [ID]`: the seven failure modes and the article's evidence.\n" +
			"• `/assess`: a dozen quick questions and a risk report for your company.\n" +
			"• `/model list|status`: the models; admins switch with `/model use`.\n" +
			"• `/forget`: delete your stored assessments and feedback.",
		// The /assess wizard.
		"wizard.title":     "**AI start-up pre-mortem** · question %d/%d",
		"wizard.prev":      "✅ %s → **%s**",
		"wizard.skipped":   "(skipped)",
		"wizard.enter":     "Enter",
		"wizard.back":      "Back",
		"wizard.skip":      "Skip",
		"wizard.cancel":    "Cancel",
		"wizard.resume":    "Resume (question %d/%d)",
		"wizard.restart":   "Start over",
		"wizard.share":     "Share in channel",
		"wizard.offer":     "You have an unfinished assessment (question %d/%d). Resume it or start over?",
		"wizard.cancelled": "Assessment cancelled and your answers deleted. Start again any time with /assess.",
		"wizard.invalid":   "This button is not valid or is out of date. Use /assess to start or resume.",
		"wizard.notfound":  "This assessment no longer exists or has expired. Use /assess to start again.",
		"wizard.expired":   "This assessment expired and its answers were deleted. Use /assess to start again.",
		"wizard.notyours":  "This is someone else's assessment. Start your own with /assess.",
		"wizard.stale":     "That question was already answered; carry on with the latest one.",
		"wizard.race":      "That click was already applied.",
		"wizard.modal":     "Question %d",
		"wizard.input":     "Your answer",
		"wizard.forgot":    "Deleted your assessments and feedback (%d records).",
		"wizard.forgotnil": "Nothing stored about you was found.",
		"wizard.failed":    "Something went wrong; your answers are safe. Please try again shortly.",
		"wizard.done":      "Assessment complete. Only you can see this report; share it with the button below.",
		"wizard.shared":    "<@%s> shared a risk assessment:",
		"wizard.notdone":   "The assessment is not finished yet; the report can be shared once it is.",
		"report.title":     "Pre-mortem · overall %s %d/100",
		"report.bench":     "The article's figures",
		"report.act":       "First actions",
		"report.para":      "para. %d",
		"report.narr":      "Narrative",
		// The /assess review and report (bot/wizard).
		"wizard.clear":      "Clear",
		"wizard.keep":       "Keep",
		"wizard.review":     "**AI start-up pre-mortem** · check your answers",
		"wizard.row":        "%d. %s: **%s**",
		"wizard.reviewhint": "Pick a question below to change its answer, or click See the report.",
		"wizard.reviewfew":  "⚠️ These answers are not yet enough to score; most useful to add: %s.",
		"wizard.edit":       "Change an answer…",
		"wizard.report":     "See the report",
		"wizard.answers":    "Change answers",
		"wizard.offerdone":  "Your assessment is answered but you have not seen the report. Check the answers and see it, or start over?",
		"wizard.toreview":   "Check answers",
		"report.head":       "Pre-mortem · %s",
		"report.unscored":   "not scored",
		"report.conf":       "confidence %d%%",
		"report.act1":       "First action",
		"report.favour":     "In your favour",
		"report.few":        "Only %d of the seven fates have an answer to go on: the scores do not mean much yet.",
		"report.first":      "Answer these first",
		"report.firsthint":  "Use Change answers to fill them in.",
		"report.unanswered": "Not answered yet: %s",
		"report.sep":        ", ",
		"report.none":       "None of the seven fates has an answer to go on yet.",
	},
}

// T returns the text for key in lang ("en" for any other language, and for
// a key lang lacks), formatted with args.
func T(lang, key string, args ...any) string {
	m, ok := words[lang]
	if !ok {
		m = words["en"]
	}
	s, ok := m[key]
	if !ok {
		s = words["en"][key]
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Lang maps a Discord locale to the product's languages.
func Lang(l discordgo.Locale) string {
	if strings.HasPrefix(string(l), "zh") {
		return "zh"
	}
	return "en"
}
