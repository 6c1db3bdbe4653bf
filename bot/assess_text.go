package bot

// wizardText holds the wizard's fixed words per language.
var wizardText = map[string]map[string]string{
	"zh": {
		"title":     "**大模型创业风险评估** · 第 %d/%d 题",
		"prev":      "✅ %s → **%s**",
		"skipped":   "(跳过)",
		"enter":     "填写",
		"back":      "上一题",
		"skip":      "跳过",
		"cancel":    "取消",
		"resume":    "继续(第 %d/%d 题)",
		"restart":   "重新开始",
		"share":     "分享到频道",
		"offer":     "你有一份没有完成的评估(第 %d/%d 题)。继续,还是重新开始?",
		"cancelled": "评估已取消,回答已删除。随时可以用 /assess 重新开始。",
		"invalid":   "这个按钮无效或已过时。请用 /assess 开始或继续评估。",
		"notfound":  "这份评估已经不存在或已过期。请用 /assess 重新开始。",
		"expired":   "这份评估已过期,回答已删除。请用 /assess 重新开始。",
		"notyours":  "这是别人的评估,不能替他作答。用 /assess 开始你自己的评估。",
		"stale":     "这一题已经回答过了,请在最新的问题上继续。",
		"race":      "这次点击已经处理过了。",
		"modal":     "第 %d 题",
		"input":     "你的回答",
		"forgot":    "已删除你的评估和反馈记录(%d 条)。",
		"forgotnil": "没有找到你的任何记录。",
		"failed":    "出了点问题,你的回答没有丢失,请稍后再试。",
		"done":      "评估完成。报告只有你能看到;可以用下方按钮分享到频道。",
		"shared":    "<@%s> 分享了一份风险评估:",
		"notdone":   "评估还没有完成,完成后才能分享报告。",
	},
	"en": {
		"title":     "**AI start-up pre-mortem** · question %d/%d",
		"prev":      "✅ %s → **%s**",
		"skipped":   "(skipped)",
		"enter":     "Enter",
		"back":      "Back",
		"skip":      "Skip",
		"cancel":    "Cancel",
		"resume":    "Resume (question %d/%d)",
		"restart":   "Start over",
		"share":     "Share in channel",
		"offer":     "You have an unfinished assessment (question %d/%d). Resume it or start over?",
		"cancelled": "Assessment cancelled and your answers deleted. Start again any time with /assess.",
		"invalid":   "This button is not valid or is out of date. Use /assess to start or resume.",
		"notfound":  "This assessment no longer exists or has expired. Use /assess to start again.",
		"expired":   "This assessment expired and its answers were deleted. Use /assess to start again.",
		"notyours":  "This is someone else's assessment. Start your own with /assess.",
		"stale":     "That question was already answered; carry on with the latest one.",
		"race":      "That click was already applied.",
		"modal":     "Question %d",
		"input":     "Your answer",
		"forgot":    "Deleted your assessments and feedback (%d records).",
		"forgotnil": "Nothing stored about you was found.",
		"failed":    "Something went wrong; your answers are safe. Please try again shortly.",
		"done":      "Assessment complete. Only you can see this report; share it with the button below.",
		"shared":    "<@%s> shared a risk assessment:",
		"notdone":   "The assessment is not finished yet; the report can be shared once it is.",
	},
}

func wizT(lang, key string) string {
	if lang != "zh" {
		lang = "en"
	}
	return wizardText[lang][key]
}
