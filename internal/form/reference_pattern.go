package form

import (
	"net/http"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ReferencePatterns is the installation's reference patterns as typed:
// one a line, "Label = pattern".
type ReferencePatterns struct {
	Patterns string
	Errors   Errors
}

// ReferencePatternsFrom writes the stored patterns as the form shows them.
func ReferencePatternsFrom(list []mb.ReferencePattern) *ReferencePatterns {
	var lines []string
	for _, p := range list {
		lines = append(lines, p.Label+" = "+p.Pattern)
	}
	return &ReferencePatterns{Patterns: strings.Join(lines, "\n"), Errors: Errors{}}
}

// ParseReferencePatterns reads the form.
func ParseReferencePatterns(r *http.Request) (*ReferencePatterns, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &ReferencePatterns{Patterns: value(r, "patterns"), Errors: Errors{}}, nil
}

// List converts the lines, or returns nil with a message.
func (f *ReferencePatterns) List() []mb.ReferencePattern {
	var out []mb.ReferencePattern
	for i, line := range strings.Split(f.Patterns, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		label, pattern, ok := strings.Cut(line, " = ")
		label, pattern = strings.TrimSpace(label), strings.TrimSpace(pattern)
		switch {
		case !ok || pattern == "":
			f.Errors["patterns"] = "Line " + strconv.Itoa(i+1) + " is not \"Label = pattern\"."
		case len(pattern) > 200 || len(label) > 100:
			f.Errors["patterns"] = "Line " + strconv.Itoa(i+1) + " is too long: a pattern is at most 200 characters, a label 100."
		}
		out = append(out, mb.ReferencePattern{Label: label, Pattern: pattern})
	}
	if len(f.Errors) > 0 {
		return nil
	}
	return out
}
