// Package advisor is premortem's pipeline from a founder's question to a
// cited answer. It knows the knowledge base and the provider-neutral model
// vocabulary (package llm), never an SDK or a chat platform.
//
// One question flows through Ask in this order:
//
//  1. Clean: trim, refuse empty or over-long input (CleanQuestion).
//  2. Detect the language: "zh" or "en", by the majority of meaningful
//     content (DetectLang); the answer comes in that language.
//  3. Retrieve: the knowledge index ranks the seven failure modes and the
//     benchmarks (knowledge.Index.Search); an off-topic question finds
//     nothing. Beside it, a backend configured to route is asked which
//     modes the question concerns (route.go); a valid verdict decides
//     on-topic and re-ranks.
//  4. Ground: pick the risks worth showing, and for each the warning signs,
//     evidence, figures and actions a writer may use, with their verbatim
//     citations (Grounding). Nothing outside the Grounding may be cited.
//  5. Write: the builtin composer (Compose: deterministic, offline, about a
//     millisecond) or a model backend through the fallback chain, prompted
//     with the Grounding (backends.go, chain.go).
//  6. Check: drop citations the model invented, flag figures its cited
//     entries do not hold, strip reasoning (checks*.go), on the stream as
//     it comes, so what OnDelta shows only grows; OnNotice hears of a
//     silent backend and of each fallback (notice.go, chain_watch.go).
//  7. Answer: the text, the cited risks and figures, which model wrote it,
//     and timings, in the JSON shape of `premortem ask --json`.
package advisor
