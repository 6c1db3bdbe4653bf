package assess

import (
	"io"
	"testing"
)

func BenchmarkWriteText(b *testing.B) {
	a := Score(testKB(b), loadProfile(b, "../examples/stability.yaml"))
	for b.Loop() {
		if err := a.WriteText(io.Discard, "zh"); err != nil {
			b.Fatal(err)
		}
	}
}
