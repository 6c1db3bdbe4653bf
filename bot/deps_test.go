package bot

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/premortem/premortem"

// sdks are the model providers' client libraries.
var sdks = []string{"github.com/sashabaranov/go-openai", "github.com/tmc/langchaingo"}

const discordgoPath = "github.com/bwmarrin/discordgo"

// TestImportBoundaries proves with `go list -deps` that only the bot's
// packages import discordgo, only provider packages import a model SDK,
// and neither the bot nor config compiles one.
func TestImportBoundaries(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	imports := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		imports[f[0]] = f[1:]
	}
	under := func(p string, dirs ...string) bool {
		return slices.ContainsFunc(dirs, func(d string) bool { return p == module+"/"+d || strings.HasPrefix(p, module+"/"+d+"/") })
	}
	isSDK := func(p string) bool {
		return slices.ContainsFunc(sdks, func(s string) bool { return p == s || strings.HasPrefix(p, s+"/") })
	}
	var deps func(p string, seen map[string]bool)
	deps = func(p string, seen map[string]bool) {
		for _, d := range imports[p] {
			if !seen[d] {
				seen[d] = true
				deps(d, seen)
			}
		}
	}
	checked := 0
	for p, ims := range imports {
		if !strings.HasPrefix(p, module+"/") {
			continue
		}
		checked++
		for _, d := range ims {
			if d == discordgoPath && !under(p, "bot", "internal/discordfake", "internal/discordapi") {
				t.Errorf("%s imports discordgo; only the bot's packages may", p)
			}
			if isSDK(d) && !under(p, "provider") {
				t.Errorf("%s imports the SDK %s; only provider packages may", p, d)
			}
		}
		if under(p, "bot", "config", "advisor", "knowledge", "store", "llm", "prompts", "assess", "provider/catalog") {
			seen := map[string]bool{}
			deps(p, seen)
			for d := range seen {
				if isSDK(d) {
					t.Errorf("%s compiles the SDK %s", p, d)
				}
				if d == discordgoPath && !under(p, "bot") {
					t.Errorf("%s compiles discordgo", p)
				}
			}
		}
	}
	if checked < 20 {
		t.Fatalf("go list saw %d of the module's packages", checked)
	}
}
