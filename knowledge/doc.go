// Package knowledge owns the article "大模型创业:必须跨过的七个宿命" as
// data, and the search over it.
//
// The article text is embedded (data/article.zh.txt) and split into
// numbered paragraphs by ParseArticle: paragraph 1 is the title line, the
// page furniture before it and from "相关资讯" on is dropped. Citations use
// that numbering, and every quote must appear verbatim in its paragraph,
// masked characters ("*") included.
//
// On top of the text sit three embedded YAML files in one schema (top-level
// keys modes, benchmarks, cases):
//
//   - modes.yaml: the seven failure modes with fixed IDs (market,
//     open-source, scenario, generality, segment, capital, on-device), each
//     with its section heading, bilingual title and summary, warning
//     signals, actions and evidence as cited claims, and retrieval keywords;
//   - benchmarks.yaml: every figure the article gives, as written ("1.53亿美元")
//     and as a value in base units with unit, currency, period and entity;
//   - cases.yaml: the companies the article discusses, with aliases.
//
// Load decodes them strictly, adds any operator packs (folders of files in
// the same schema) and validates the whole: IDs unique across kinds,
// references resolve, both languages present, every quote verbatim, every
// figure inside its quote. A problem is one error line naming the file and
// the entry. The resulting Base is read-only and safe to share; Index
// (search*.go) ranks its modes and benchmarks for a question: a concept
// lexicon (data/concepts.yaml, which also names what is out of scope), BM25
// over each mode's text, and a sentence index over the article and every
// claim that recognises questions in the article's own words and returns
// each mode's best-matching sentences.
package knowledge
