package main

import (
	"maps"
	"slices"
	"testing"

	"github.com/premortem/premortem/provider/catalog"
)

// TestProvidersMatchCatalog keeps the constructor table and the names the
// config accepts one list.
func TestProvidersMatchCatalog(t *testing.T) {
	got := slices.Sorted(maps.Keys(providers()))
	want := slices.Sorted(slices.Values(catalog.Providers()))
	if !slices.Equal(got, want) {
		t.Errorf("constructors for %v; the catalog names %v", got, want)
	}
}
