package config

import "fmt"

// Storage selects where state (feedback, model choices, assessments) lives.
type Storage struct {
	Driver string `yaml:"driver"` // sqlite (default, embedded) | postgres
	DSN    string `yaml:"dsn"`
}

func (s *Storage) validate() []error {
	switch s.Driver {
	case "sqlite":
		if s.DSN == "" {
			return []error{fmt.Errorf("storage.dsn is empty: name a database file")}
		}
	case "postgres":
		return []error{fmt.Errorf("storage.driver postgres is not supported by this build yet; use sqlite")}
	default:
		return []error{fmt.Errorf("storage.driver %q: want sqlite or postgres", s.Driver)}
	}
	return nil
}
