package knowledge

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"
)

//go:embed data/questions.yaml
var questionsYAML []byte

// Question is one step of the guided assessment: it fills one profile field
// (see package assess) and informs the failure modes it lists.
type Question struct {
	ID      string    `yaml:"id"`
	Field   string    `yaml:"field"` // profile field, e.g. annual_cost
	Kind    string    `yaml:"kind"`  // choice | amount | months | count | bool
	Modes   []string  `yaml:"modes"` // failure-mode IDs it informs
	Prompt  Text      `yaml:"prompt"`
	Choices []Choice  `yaml:"choices"` // for choice and bool (bool gets yes/no when empty)
	When    Condition `yaml:"when"`    // ask only when another answer fits; empty: always
}

// Choice is one answer offered for a choice or bool question.
type Choice struct {
	Value string `yaml:"value"` // the profile value ("true"/"false" for bool)
	Label Text   `yaml:"label"`
}

// Condition limits a question to profiles where Field has one of In.
type Condition struct {
	Field string   `yaml:"field"`
	In    []string `yaml:"in"`
}

// QuestionKinds are the kinds a question may have.
var QuestionKinds = []string{"choice", "amount", "months", "count", "bool"}

// ModeIDs are the seven fixed failure-mode IDs, in the article's order.
var ModeIDs = []string{"market", "open-source", "scenario", "generality", "segment", "capital", "on-device"}

// Questions parses and checks the embedded question bank. The bank is small;
// callers that ask often keep the result.
func Questions() ([]Question, error) {
	return ParseQuestions(questionsYAML)
}

// ParseQuestions reads a question bank in the questions.yaml schema.
func ParseQuestions(data []byte) ([]Question, error) {
	var qs []Question
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&qs); err != nil {
		return nil, fmt.Errorf("questions: %w", err)
	}
	seen := map[string]bool{}
	for i := range qs {
		q := &qs[i]
		if q.Kind == "bool" && len(q.Choices) == 0 {
			q.Choices = []Choice{
				{Value: "true", Label: Text{ZH: "是", EN: "Yes"}},
				{Value: "false", Label: Text{ZH: "否", EN: "No"}},
			}
		}
		if err := q.check(seen); err != nil {
			return nil, fmt.Errorf("questions: %s: %w", q.ID, err)
		}
	}
	return qs, nil
}

func (q *Question) check(seen map[string]bool) error {
	switch {
	case q.ID == "" || q.Field == "":
		return fmt.Errorf("id and field are required")
	case seen[q.ID]:
		return fmt.Errorf("id given twice")
	case !slices.Contains(QuestionKinds, q.Kind):
		return fmt.Errorf("kind %q: want one of %v", q.Kind, QuestionKinds)
	case q.Prompt.ZH == "" || q.Prompt.EN == "":
		return fmt.Errorf("prompt needs zh and en")
	case len(q.Modes) == 0:
		return fmt.Errorf("modes: name the failure modes it informs")
	case (q.Kind == "choice") != (len(q.Choices) > 0) && q.Kind != "bool":
		return fmt.Errorf("choices: only choice and bool questions have them, and they must")
	}
	seen[q.ID] = true
	for _, m := range q.Modes {
		if !slices.Contains(ModeIDs, m) {
			return fmt.Errorf("mode %q is not a failure-mode ID", m)
		}
	}
	for _, c := range q.Choices {
		if c.Value == "" || c.Label.ZH == "" || c.Label.EN == "" {
			return fmt.Errorf("choice %q needs a value and zh and en labels", c.Value)
		}
	}
	return nil
}

// Applies reports whether q should be asked given the answers so far;
// answer returns a field's current value ("" when unanswered).
func (q Question) Applies(answer func(field string) string) bool {
	if q.When.Field == "" {
		return true
	}
	return slices.Contains(q.When.In, answer(q.When.Field))
}
