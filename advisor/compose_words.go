package advisor

// words are the builtin composer's fixed phrases in one language.
type words struct {
	direct, qmark, stance  string // the direct answer; the dilemma's question mark; the article's side
	biggest, caseSays      string // %s: the risk's ID and title; the company's name
	situation, sep, unread string // the founder's facts as read; between facts; what could not be read
	why, evidence, figure  string
	fromFacts, asked       string // why: from the founder's facts; from the words they asked with
	common                 string // why, when nothing ties the risk to the question
	check, checkEnd        string // a warning sign offered to check, not asserted
	favour                 string // a fact in the founder's favour
	stated, isSign         string // the founder's words that say a warning sign
	firstFor, about        string // %s: the risk's ID and title
	todo, stop, space      string // space: between sentences
	lq, rq, termSep        string // around the founder's words; between quoted words
	alsoFigures            string
	more                   string // %s: the first risk's ID
	offTopic               string
}

var zhWords = words{
	direct:      "直接回答:",
	qmark:       "?",
	stance:      "文章的立场:",
	biggest:     "最大的威胁是 %s。",
	caseSays:    "文章这样说%s:",
	situation:   "你的情况(从你的话里读出):",
	sep:         ";",
	unread:      "没能读懂:",
	why:         "为什么:",
	evidence:    "文章的证据:",
	figure:      "数字:",
	fromFacts:   "从你说的看:",
	asked:       "你问到",
	common:      "这是大模型创业最常见的死法之一。",
	check:       "值得自查(你没有提到):",
	checkEnd:    "。",
	favour:      "对你有利:",
	stated:      "你提到",
	isSign:      ",这正是文章说的警示信号:",
	firstFor:    "%s 先做什么:",
	about:       "接着说 %s:",
	todo:        "先做什么:",
	stop:        "。",
	space:       "",
	lq:          "「",
	rq:          "」",
	termSep:     "",
	alsoFigures: "你问到的其他数字:",
	more:        "想看某个宿命的全部信号、案例和数字,运行 `premortem risks %s`(或在 Discord 用 /risks)。",
	offTopic: "抱歉,这个问题超出了我的范围。我只依据《大模型创业:必须跨过的七个宿命》一文," +
		"回答大模型创业公司可能的七种死法:市场不行、开源到闭源、场景选错、通用还是垂直、B端还是C端、缺钱(与缺卡、缺电)、AI PC 与端侧模型。" +
		"你可以问比如「我们把模型开源了,怎么赚钱?」,或运行 `premortem risks` 看七个宿命的列表。",
}

var enWords = words{
	direct:      "In short: ",
	qmark:       "? ",
	stance:      "The article's position: ",
	biggest:     "the biggest threat is %s. ",
	caseSays:    "what the article says of %s: ",
	situation:   "Your situation, as read from your message: ",
	sep:         "; ",
	unread:      "Could not read: ",
	why:         "Why: ",
	evidence:    "Evidence: ",
	figure:      "Figure: ",
	fromFacts:   "From what you said: ",
	asked:       "You ask about ",
	common:      "This is one of the commonest ways an AI start-up dies.",
	check:       "A sign to check (you did not say so): ",
	checkEnd:    ".",
	favour:      "In your favour: ",
	stated:      "You mention ",
	isSign:      ", which is the warning sign the article describes: ",
	firstFor:    "what to do first about %s: ",
	about:       "on %s: ",
	todo:        "What to do first:",
	stop:        ".",
	space:       " ",
	lq:          "“",
	rq:          "”",
	termSep:     ", ",
	alsoFigures: "Other figures you asked about:",
	more:        "For every warning sign, case and figure of a failure mode, run `premortem risks %s` (or /risks on Discord).",
	offTopic: "Sorry, that is outside what I can answer. I work only from the article \"大模型创业:必须跨过的七个宿命\" " +
		"and cover the seven ways an LLM start-up dies: no market, open source that never turns paid, the wrong use case, " +
		"general versus vertical models, consumers versus enterprises, running out of money (and GPUs, and power), and AI PCs with on-device models. " +
		"Try \"we open-sourced our model, how do we make money?\", or run `premortem risks` for the list.",
}

// quote quotes the founder's words s.
func (w *words) quote(s string) string { return w.lq + s + w.rq }

func wordsFor(lang string) *words {
	if lang == "en" {
		return &enWords
	}
	return &zhWords
}
