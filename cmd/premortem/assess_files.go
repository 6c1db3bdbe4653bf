package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/premortem/premortem/assess"
)

// relativeTo returns target's path as seen from the folder of the file at
// from, with forward slashes, for a Markdown link; "" when target is "".
func relativeTo(from, target string) string {
	if target == "" {
		return ""
	}
	absFrom, err1 := filepath.Abs(filepath.Dir(from))
	absTarget, err2 := filepath.Abs(target)
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(target)
	}
	rel, err := filepath.Rel(absFrom, absTarget)
	if err != nil {
		return filepath.ToSlash(target)
	}
	return filepath.ToSlash(rel)
}

// saveAnswers writes the wizard's answers, the skipped questions as nulls.
func saveAnswers(path string, p assess.Profile, skipped []string) error {
	y, err := assess.EncodeProfile(p, skipped)
	if err != nil {
		return fmt.Errorf("save answers: %w", err)
	}
	return writeFileAtomic(path, y)
}

// writeFileAtomic writes through a temporary file in the same folder, so
// readers never see half a file. The file is readable by others (0644)
// unless it already existed with other permissions, which it keeps.
func writeFileAtomic(path string, data []byte) error {
	mode := os.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".premortem-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	_, werr := f.Write(data)
	merr := f.Chmod(mode)
	cerr := f.Close()
	if err := errors.Join(werr, merr, cerr); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
