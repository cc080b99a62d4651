package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// PaperFormPage uploads a paper, or edits one and lists its versions.
type PaperFormPage struct {
	Chrome
	Meeting *mb.Meeting
	Form    *form.Paper
	IsNew   bool
	Items   []Option
	// Paper is the stored paper being edited, with its versions.
	Paper *mb.Paper
	// FileError is the refusal of the file (its kind, its size).
	FileError string
	// Levels are the classifications the paper may take.
	Levels []Option
}

// LevelOptions offers the classifications from least, up: a paper's, at
// least its item's.
func LevelOptions(least mb.Classification) []Option {
	var o []Option
	for _, c := range mb.Classifications {
		if c >= least {
			o = append(o, Option{Value: c.String(), Label: c.String() + " – " + c.Audience()})
		}
	}
	return o
}
