package knowledge

import (
	_ "embed"
	"errors"
	"fmt"
)

// Each fate in the article is a dilemma the article takes a side on: buy
// GPUs or keep the cash, open or closed, to B or to C. A Stance records that
// side, so a founder's decision question gets the article's direct answer
// first. Stances live in data/stances.yaml (top-level key stances), one per
// failure mode; operator packs may add stances for the modes they add.

//go:embed data/stances.yaml
var stancesYAML []byte

// Stance is the article's position on the dilemma of one failure mode.
type Stance struct {
	Mode      string     `yaml:"mode"`      // the failure mode's ID; one stance per mode
	Dilemma   Text       `yaml:"dilemma"`   // the decision, as the founder would ask it
	Answer    Text       `yaml:"answer"`    // the article's side, in one to three sentences
	First     Text       `yaml:"first"`     // what the stance means to do first
	Citations []Citation `yaml:"citations"` // the sentences that state the stance, verbatim
}

// maxStanceCitations keeps a stance's evidence to what a direct answer can show.
const maxStanceCitations = 3

// Stance returns the article's position on the dilemma of the mode with
// id. Every fixed mode has one; a mode an operator pack adds may not.
func (b *Base) Stance(modeID string) (*Stance, bool) {
	s, ok := b.stances[modeID]
	return s, ok
}

// addStances records where each stance came from; a second stance for a
// mode is an error.
func (v *validator) addStances(src string, ss []Stance) {
	for _, s := range ss {
		if v.err != nil {
			return
		}
		if prev, ok := v.stanceAt[s.Mode]; ok {
			v.err = fmt.Errorf("knowledge %s: stance %q: a second stance for the mode (already one in %s)", src, s.Mode, prev)
			return
		}
		v.stanceAt[s.Mode] = src
		v.b.Stances = append(v.b.Stances, s)
	}
}

// checkStances validates every stance and requires one per fixed mode.
func (v *validator) checkStances() error {
	for i := range v.b.Stances {
		s := &v.b.Stances[i]
		if err := v.stance(s); err != nil {
			return fmt.Errorf("knowledge %s: stance %q: %w", v.stanceAt[s.Mode], s.Mode, err)
		}
	}
	for _, id := range ModeIDs {
		if _, ok := v.stanceAt[id]; !ok {
			return fmt.Errorf("knowledge: the fixed failure mode %q has no stance", id)
		}
	}
	return nil
}

func (v *validator) stance(s *Stance) error {
	if err := v.refs("mode", "mode", []string{s.Mode}); err != nil {
		return err
	}
	if err := errors.Join(both("dilemma", s.Dilemma), both("answer", s.Answer), both("first", s.First)); err != nil {
		return firstErr(err)
	}
	if len(s.Citations) > maxStanceCitations {
		return fmt.Errorf("citations: %d given, at most %d", len(s.Citations), maxStanceCitations)
	}
	return v.cites(s.Citations)
}
