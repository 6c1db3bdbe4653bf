package assess

import (
	"slices"
	"strconv"
	"strings"
)

// englishNumbers are the number words a duration may be written with.
var englishNumbers = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
}

// englishDuration reads durations spelt out in English, in months: "a year
// and a half", "one and a half years", "half a year", "eighteen months",
// "two years", "1.5 years". ok is false for anything else.
func englishDuration(s string) (float64, bool) {
	words := strings.Fields(strings.ToLower(strings.NewReplacer("-", " ", ",", " ").Replace(s)))
	var n, unit float64
	have, halfFirst, halfAfter := false, false, false
	for _, w := range words {
		switch {
		case w == "and" || w == "about" || w == "around" || w == "roughly" || w == "another":
		case w == "a" || w == "an":
			if !have {
				n, have = 1, true
			}
		case w == "half":
			if have {
				halfAfter = true
			} else {
				halfFirst = true
			}
		case unit == 0 && englishNumbers[w] > 0:
			n += englishNumbers[w]
			have = true
		case slices.Contains(yearUnits, w) || slices.Contains(monthUnits, w):
			if unit != 0 {
				return 0, false // two units: "14 months a year"
			}
			unit = 1
			if slices.Contains(yearUnits, w) {
				unit = 12
			}
		default:
			v, err := strconv.ParseFloat(w, 64)
			if err != nil || v < 0 || unit != 0 {
				return 0, false
			}
			n += v
			have = true
		}
	}
	if unit == 0 || !have {
		return 0, false
	}
	switch {
	case halfFirst && halfAfter:
		return 0, false
	case halfFirst:
		n *= 0.5
	case halfAfter:
		n += 0.5
	}
	return n * unit, true
}
