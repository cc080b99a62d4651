package form

import (
	"net/http"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Paper is the form that uploads a paper or edits its title, reference and
// classification. An upload's fields arrive with the file in one multipart
// body, read as a stream (server.readPaperUpload), so the form is filled
// from those values rather than from the request.
type Paper struct {
	ID             int64
	Version        string
	Item           string
	Title          string
	Reference      string
	Classification string
	Errors         Errors
}

// PaperFrom fills the form from a stored paper.
func PaperFrom(p *mb.Paper) *Paper {
	return &Paper{ID: p.ID, Version: strconv.Itoa(p.Version), Item: idString(p.ItemID), Title: p.Title,
		Reference: p.Reference, Classification: p.Classification.String(), Errors: Errors{}}
}

// PaperFromValues reads the fields of a paper's form.
func PaperFromValues(v map[string]string) *Paper {
	get := func(k string) string { return strings.TrimSpace(v[k]) }
	return &Paper{Version: get("version"), Item: get("item"), Title: get("title"), Reference: get("reference"),
		Classification: get("classification"), Errors: Errors{}}
}

// ParsePaper reads a submitted paper form without a file (an edit).
func ParsePaper(r *http.Request) (*Paper, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return PaperFromValues(map[string]string{"version": r.PostFormValue("version"), "title": r.PostFormValue("title"),
		"reference": r.PostFormValue("reference"), "classification": r.PostFormValue("classification")}), nil
}

// Paper converts the form, or returns nil with f.Errors set. The store
// checks the classification against the item's.
func (f *Paper) Paper(isNew bool, meetingID int64) *mb.Paper {
	p := &mb.Paper{ID: f.ID, MeetingID: meetingID, Title: f.Title, Reference: f.Reference}
	if !isNew {
		p.Version = parseVersion(f.Version, f.Errors)
	} else {
		p.ItemID = optionalID(f.Item, "item", f.Errors)
	}
	c, err := mb.ParseClassification(f.Classification)
	if err != nil {
		f.Errors["classification"] = "Choose the paper's classification."
	}
	p.Classification = c
	return checked(p, f.Errors, p.Validate(0))
}
