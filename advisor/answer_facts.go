package advisor

import "github.com/premortem/premortem/situation"

// FactText words one fact of Answer.Situation as the builtin answer does
// ("跑道 12个月(「还能烧一年」)", "runway 12 months (“a year left”)"), for
// front ends that lay the situation out themselves.
func FactText(f situation.Fact, lang string) string { return factText(f, lang) }
