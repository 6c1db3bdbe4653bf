package situation

import (
	"testing"

	"github.com/premortem/premortem/assess"
)

// BenchmarkAssessScore is assess.Score alone on a profile Read builds: the
// part of an uncached Read that is not reading.
func BenchmarkAssessScore(b *testing.B) {
	r := testReader(b)
	p := r.Read("ARR 才 1M, burn 2M 每月, 账上还有 10M").Profile
	b.ReportAllocs()
	for b.Loop() {
		assess.Score(r.kb, p)
	}
}
