package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/premortem/premortem/knowledge"
)

// runRisks lists the failure modes, or prints one in full:
// `premortem risks [--json] [--lang zh|en] [ID]`.
func runRisks(_ context.Context, env *cli, args []string) error {
	fs, cfgPath := newFlags(env, "risks", "Usage: premortem risks [--config FILE] [--json] [--lang zh|en] [ID]")
	asJSON := fs.Bool("json", false, "print JSON (titles and texts in both languages)")
	lang := fs.String("lang", "", "zh or en (default: from $LANG, else en)")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 1 {
		return fmt.Errorf("one risk ID at most, got %d (%s)", len(rest), strings.Join(rest, " "))
	}
	l, err := outputLang(*lang, env.getenv)
	if err != nil {
		return err
	}
	kb, err := loadKnowledge(env, *cfgPath)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		if *asJSON {
			return writeJSON(env.stdout, modeList(kb))
		}
		printModeList(env.stdout, kb, l)
		return nil
	}
	m, ok := kb.Mode(rest[0])
	if !ok {
		ids := make([]string, len(kb.Modes))
		for i, m := range kb.Modes {
			ids[i] = m.ID
		}
		return fmt.Errorf("unknown risk %q; valid IDs: %s", rest[0], strings.Join(ids, ", "))
	}
	if *asJSON {
		return writeJSON(env.stdout, modeDetail(kb, m))
	}
	printMode(env.stdout, kb, m, l)
	return nil
}

// loadKnowledge reads only what risks needs from the config: the packs.
func loadKnowledge(env *cli, cfgPath string) (*knowledge.Base, error) {
	cfg, err := loadConfig(env, cfgPath)
	if err != nil {
		return nil, err
	}
	return knowledge.Load(cfg.Knowledge.Packs...)
}

// outputLang picks the language of what risks and assess print: the
// --lang flag, else the locale.
func outputLang(flagValue string, getenv func(string) string) (string, error) {
	switch flagValue {
	case "zh", "en":
		return flagValue, nil
	case "":
	default:
		return "", fmt.Errorf("unknown --lang %q; use zh or en", flagValue)
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "zh") {
				return "zh", nil
			}
			return "en", nil
		}
	}
	return "en", nil
}

// cite formats a citation the way every answer shows one.
func cite(c knowledge.Citation) string { return fmt.Sprintf("¶%d 「%s」", c.Paragraph, c.Quote) }

// figure renders a benchmark's value in base units, with its unit and
// period: "153,000,000 USD, 2023", "21%, 2023-05/2023-08".
func figure(x *knowledge.Benchmark) string {
	if x.Unit == "date" {
		return x.Period
	}
	v := groupThousands(strconv.FormatFloat(x.Value, 'f', -1, 64))
	switch x.Unit {
	case "percent":
		v += "%"
	case "ratio":
		v = "×" + v
	case "count":
	default:
		v += " " + x.Unit
	}
	if x.Period != "" {
		v += ", " + x.Period
	}
	return v
}

// groupThousands puts commas in the integer part of a decimal number.
func groupThousands(s string) string {
	intPart, frac, _ := strings.Cut(s, ".")
	if len(intPart) <= 4 {
		return s
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return b.String()
}
