package situation

import (
	"sync"
	"testing"

	"github.com/premortem/premortem/knowledge"
)

var (
	kbOnce   sync.Once
	kbShared *knowledge.Base
	kbErr    error
	rdShared *Reader
)

// testKB loads the embedded knowledge base once for all tests.
func testKB(tb testing.TB) *knowledge.Base {
	tb.Helper()
	kbOnce.Do(func() {
		kbShared, kbErr = knowledge.Load()
		if kbErr == nil {
			rdShared = NewReader(kbShared)
		}
	})
	if kbErr != nil {
		tb.Fatalf("load knowledge: %v", kbErr)
	}
	return kbShared
}

// testReader is one Reader over the embedded knowledge base, shared.
func testReader(tb testing.TB) *Reader {
	testKB(tb)
	return rdShared
}
