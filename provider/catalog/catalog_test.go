package catalog_test

import (
	"testing"

	"github.com/premortem/premortem/provider/catalog"
)

func TestLookupPreset(t *testing.T) {
	p, err := catalog.LookupPreset("deepseek")
	if err != nil || p.APIKeyEnv != "DEEPSEEK_API_KEY" {
		t.Errorf("deepseek preset = %+v, %v", p, err)
	}
	if _, err := catalog.LookupPreset("deepsek"); err == nil {
		t.Error("a typo found a preset")
	}
	for _, p := range catalog.Presets() {
		if p.Name == "" || p.BaseURL == "" {
			t.Errorf("preset %+v lacks a name or a base URL", p)
		}
	}
}
