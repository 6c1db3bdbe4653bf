package advisor

// words are the builtin composer's fixed phrases in one language.
type words struct {
	introOne, introMany     string // %d: the number of risks
	why, evidence, figure   string
	todo, alsoFigures, stop string
	more                    string // %s: the first risk's ID
	offTopic                string
}

var zhWords = words{
	introOne:    "按《大模型创业:必须跨过的七个宿命》一文,你的问题主要落在这个宿命上:",
	introMany:   "按《大模型创业:必须跨过的七个宿命》一文,你的问题落在 %d 个宿命上,按相关程度排列:",
	why:         "为什么:",
	evidence:    "文章的证据:",
	figure:      "数字:",
	todo:        "怎么做:",
	alsoFigures: "相关数字:",
	stop:        "。",
	more:        "想看某个宿命的全部信号、案例和数字,运行 `premortem risks %s`(或在 Discord 用 /risks)。",
	offTopic: "抱歉,这个问题超出了我的范围。我只依据《大模型创业:必须跨过的七个宿命》一文," +
		"回答大模型创业公司可能的七种死法:市场不行、开源到闭源、场景选错、通用还是垂直、B端还是C端、缺钱(与缺卡、缺电)、AI PC 与端侧模型。" +
		"你可以问比如「我们把模型开源了,怎么赚钱?」,或运行 `premortem risks` 看七个宿命的列表。",
}

var enWords = words{
	introOne:    "Going by the article \"大模型创业:必须跨过的七个宿命\" (the seven fates of LLM start-ups), your question falls under this failure mode:",
	introMany:   "Going by the article \"大模型创业:必须跨过的七个宿命\" (the seven fates of LLM start-ups), your question touches %d failure modes, most relevant first:",
	why:         "Why: ",
	evidence:    "Evidence: ",
	figure:      "Figure: ",
	todo:        "What to do:",
	alsoFigures: "Related figures:",
	stop:        ".",
	more:        "For every warning sign, case and figure of a failure mode, run `premortem risks %s` (or /risks on Discord).",
	offTopic: "Sorry, that is outside what I can answer. I work only from the article \"大模型创业:必须跨过的七个宿命\" " +
		"and cover the seven ways an LLM start-up dies: no market, open source that never turns paid, the wrong use case, " +
		"general versus vertical models, consumers versus enterprises, running out of money (and GPUs, and power), and AI PCs with on-device models. " +
		"Try \"we open-sourced our model, how do we make money?\", or run `premortem risks` for the list.",
}

func wordsFor(lang string) *words {
	if lang == "en" {
		return &enWords
	}
	return &zhWords
}
