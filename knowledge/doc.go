// Package knowledge owns the article "大模型创业:必须跨过的七个宿命" as
// data, and the search over it.
//
// The article text is embedded (data/article.zh.txt) and split into
// numbered paragraphs by ParseArticle: paragraph 1 is the title line, the
// page furniture before it and from "相关资讯" on is dropped. Citations use
// that numbering, and every quote must appear verbatim in its paragraph,
// masked characters ("*") included.
//
// On top of the text sit four embedded YAML files in one schema (top-level
// keys modes, benchmarks, cases, stances):
//
//   - modes.yaml: the seven failure modes with fixed IDs (market,
//     open-source, scenario, generality, segment, capital, on-device), each
//     with its section heading, bilingual title and summary, warning
//     signals, actions and evidence as cited claims, and retrieval keywords;
//   - benchmarks.yaml: every figure the article gives, as written ("1.53亿美元")
//     and as a value in base units with unit, currency, period and entity;
//   - cases.yaml: the companies, products and people the article discusses,
//     with the names founders use for them (aliases; match_case for those
//     that are everyday words too; false_friends for phrases that only look
//     like a name) and what the article says about each, as cited claims;
//   - stances.yaml: the article's side on each mode's dilemma (buy GPUs or
//     keep the cash, open or closed, to B or to C), one stance per mode,
//     with the sentences that state it.
//
// Load decodes them strictly, adds any operator packs (folders of files in
// the same schema) and validates the whole: IDs unique across kinds,
// references resolve, both languages present, every quote verbatim, every
// figure inside its quote. A problem is one error line naming the file and
// the entry. The resulting Base is read-only and safe to share: Stance
// gives a mode's stance, CasesNamed the cases a question names (names.go,
// a trie built at load), and Index (search*.go) ranks its modes and
// benchmarks for a question: a concept lexicon (data/concepts.yaml, which
// also names what is out of scope: topics and the forms of asks), BM25
// over each mode's text, and a sentence index over the article and every
// claim that recognises questions in the article's own words and returns
// each mode's best-matching sentences. Words are read through typos one edit deep
// (search_typo.go); the on-topic gate is search_gate.go.
package knowledge
