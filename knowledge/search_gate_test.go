package knowledge

import "testing"

// TestSearchGateRules covers the gate's paths one rule at a time: each
// question is on-topic (want is its first mode) or off-topic (want "").
func TestSearchGateRules(t *testing.T) {
	ix := NewIndex(loadForTest(t))
	tests := []struct {
		rule, q, want string
	}{
		// Out of scope, whatever else the question names.
		{"out: engineering", "What LoRA rank should I use for a 7B model?", ""},
		{"out: engineering with a domain word", "how many epochs should I fine-tune llama for on 10k examples?", ""},
		{"out: engineering zh", "向量数据库用 Milvus 还是 Pinecone?", ""},
		{"out: engineering with an AI word", "怎么在 Kubernetes 上部署大模型推理服务?", ""},
		{"out: career", "How should I rewrite my résumé for a PM interview at a big tech company?", ""},
		{"out: career zh", "想跳槽去大模型公司,简历怎么写?", ""},
		{"out: office", "my startup's office lease ends next month, should we go remote?", ""},
		{"out: legal", "how do we incorporate a Delaware C-corp for our AI startup?", ""},
		{"out: personal", "how do I set up a GPU server at home for Stable Diffusion?", ""},
		// A business-risk concept in words of its own lifts the veto.
		{"out lifted by runway", "LoRA or full fine-tuning, our runway is six months either way", "capital"},
		{"out lifted by 融资", "融资没谈下来,办公室还要不要续租", "capital"},
		// An AI word needs a business-risk word, not just "startup".
		{"ai + startup alone", "how much should an ML engineer at an AI startup earn?", ""},
		{"ai + risk", "what is the biggest risk for my AI startup?", "market"},
		// A company the article discusses, beside an AI word.
		{"case + ai", "美图做大模型的思路值得我们学习吗?", "scenario"},
		{"case alone", "美图秀秀好用吗", ""},
		// A noun's stem in -率/-性/-度 is a weak word of its concept.
		{"stem + weak word", "甲方要求百分之百准确", "segment"},
		// English phrases may take a word between their words.
		{"phrase with a gap", "nobody has ever heard of us outside of a few hackathons", "market"},
		// The sentence path: an everyday word of the domain and a sentence
		// that shares more than one word of its own with the question.
		{"sentence path", "我们拿了好几个技术大奖,可就是没有付费客户", "market"},
		{"sentence path, a signal's words", "我们的产品什么都能做,但说不清楚到底给谁用", "scenario"},
		{"sentence path needs a cue", "怎么提高工作效率", ""},
		{"one everyday word is not enough", "客户投诉怎么回复比较好", ""},
		// Licence choice is legal admin; asking about money lifts it.
		{"out: licence", "开源协议选Apache 2.0还是MIT?", ""},
		{"out: licence, no name", "我们的开源项目用什么许可证比较好?", ""},
		{"out: licence lifted by making money", "we open-sourced under Apache 2.0, how do we make money?", "open-source"},
		// A how-to about using a tool.
		{"out: tool usage", "How do I write better Stable Diffusion prompts for anime images?", ""},
		{"out: tool usage zh", "Midjourney 的提示词怎么写才能出好图?", ""},
		{"a prompt wrapper is a company's question", "Our product is just a prompt wrapper around GPT-4, do we have a moat?", "generality"},
		// The form of an out-of-scope ask: how to set a tool up, what value
		// to set, who made what when, what to buy for oneself; a business
		// topic (risk, trade or money words) named apart from it lifts it.
		{"ask: how-to", "How do I set up autoscaling for a Triton inference server on EKS?", ""},
		{"ask: a value to set", "我们用8卡H100跑推理,tensor parallel 设成4还是8?", ""},
		{"ask: trivia", "Transformer 是哪一年谁提出的?", ""},
		{"ask: personal", "Should I put my savings in an AI ETF or just buy NVDA?", ""},
		{"ask lifted by making money", "how do I make money from our open-source model?", "open-source"},
		// ... but a founder's own how and should stay the article's.
		{"a founder's how", "how do I know when to pivot our AI startup?", "scenario"},
		{"a founder's how, giants", "best way to compete with big tech as a small AI startup?", "generality"},
		{"a founder's need", "do I need a moat if we're just a wrapper on GPT-4?", "generality"},
		{"ask lifted by customers", "how do I get the first paying customers for our AI tool?", "market"},
		{"a model size is not money", "how do I serve a 70B model on two A100s?", ""},
		{"nor a model's version and size", "how do I serve Llama 3 70B at 100 requests per second?", ""},
		{"nor gigabytes", "our inference pod gets OOMKilled at 40GB, how to set memory limits?", ""},
		// An out-of-scope word right before a product noun describes what
		// the company makes, not what it asks.
		{"out word describes the product", "我们做简历优化的AI助手,用户试用完都不付费", "segment"},
		{"out word describes the startup", "we sell an AI résumé assistant, 2,000 users but nobody pays", "market"},
		{"a description needs the company's voice", "30岁运营想转行做AI应用产品,要不要报班?", ""},
		{"or the question opening with the product", "AI简历工具,用户两万但付费率不到1%,要不要转B端?", "segment"},
		{"out word not before a product", "报销和发票用什么 SaaS 比较好?", ""},
		{"out word after a maker's words", "我们是做简历优化的,用户很多但没人付费", "market"},
		{"a maker's words, then an ask", "我们是 Delaware C-corp,期权行权价怎么定?", ""},
		{"out word in a sentence of context", "我们的产品帮 HR 筛简历。钉钉也出了一样的功能,我们会不会被巨头干掉?", "generality"},
		{"who asks counts in any sentence", "Kimi 的长文本功能在哪里?我手机上找不到", ""},
		// Investors name who, not a state: they lift no veto.
		{"a party lifts no veto", "Any tips on the font for our investor update deck?", ""},
		{"a state does", "我们的落地页没人看,融资也没谈下来,跑道只剩三个月,怎么办?", "capital"},
		// Daily life is firm: a startup's flavour does not lift it.
		{"daily life, firm", "路演那天上海下雨吗?要不要给投资人带伞", ""},
		// Jargon: most Latin words unknown to the knowledge.
		{"jargon", "kubectl rollout restart leaves the old replicaset hanging with stale endpoints, any idea?", ""},
		// Typos are read as the word one edit away, and still rank.
		{"typos", "should we sell to consmuers or enterprsies?", "segment"},
		{"typos, a business word", "nobdy pays for our chatbot, is the buisness model broken?", "market"},
		// ... but lift no veto: "gunicorn" is one edit from "unicorn".
		{"a typo lifts no veto", "gunicorn 4 workers 的 timeout 该怎么配?", ""},
		{"a name and a business word", "Midjourney 为什么能赚钱?", "market"},
		// Vendor shopping: price words beside two vendors, or a
		// superlative beside one; the article's own priced dilemma stays.
		{"out: two vendors, cheaper", "AWS和CoreWeave哪个GPU云更便宜?", ""},
		{"out: one vendor, cheapest", "which GPU cloud is cheapest for renting H100s?", ""},
		{"out: two vendors, which is better", "阿里云和腾讯云哪个好用?", ""},
		{"one vendor, cheaper", "Is it cheaper to rent GPUs from AWS or buy our own?", "capital"},
		{"no vendor, cheaper", "租卡还是买卡,哪个更便宜?", "capital"},
		{"vendors and a bill", "GPU cloud bills are eating our runway", "capital"},
		// A phrase of two content words takes a gap; "what product" none.
		{"gap of two words", "nobody outside our discord knows our product exists", "market"},
		{"function words anchor a phrase", "what is the best product to clean a carpet", ""},
		// Phrases of the article's signals.
		{"nobody uses it", "我们的产品没人用,怎么办", "market"},
		{"an agent that needs every step", "我们的 AI 要用户一步一步告诉它怎么做", "scenario"},
		{"a model for everything", "we built a model that can do everything", "scenario"},
		{"zero tolerance for errors", "the hospital wants the model to be right every single time", "segment"},
	}
	for _, tc := range tests {
		t.Run(tc.rule, func(t *testing.T) {
			res := ix.Search(tc.q)
			switch {
			case tc.want == "" && !res.OffTopic():
				t.Errorf("Search(%q) cites %v, want nothing", tc.q, ids(res.Modes))
			case tc.want != "" && res.OffTopic():
				t.Errorf("Search(%q) is off-topic, want %s first", tc.q, tc.want)
			case tc.want != "" && res.Modes[0].ID != tc.want:
				t.Errorf("Search(%q) ranks %v, want %s first", tc.q, ids(res.Modes), tc.want)
			}
			if res.OffTopic() && len(res.Benchmarks) > 0 {
				t.Errorf("an off-topic question has benchmarks %v", ids(res.Benchmarks))
			}
		})
	}
}

func ids(hs []Hit) []string {
	out := make([]string, len(hs))
	for i, h := range hs {
		out[i] = h.ID
	}
	return out
}

// TestOutOfScopeWordsAreForeign keeps the out-of-scope vocabulary honest:
// no out-of-scope form occurs in the article's or the claims' sentences
// (a form that stems like the knowledge's own words, as "tokenizer" does
// "tokens", would veto questions the article answers).
func TestOutOfScopeWordsAreForeign(t *testing.T) {
	ix := NewIndex(loadForTest(t))
	var us []unit
	for _, st := range ix.sents.sents {
		us, _ = analyze(us[:0], nil, st.text, ix.voc, false)
		for i := range us {
			for _, si := range ix.lex.first[us[i].key] {
				sf := ix.lex.surfaces[si]
				if c := ix.lex.concepts[sf.concept]; c.kind == kindOut && matchAt(us, i, sf.keys) {
					t.Errorf("out-of-scope concept %s matches the knowledge's own sentence %q", c.id, st.text)
				}
			}
		}
	}
}
