package form

import (
	"net/http"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// AgendaItem is the form that adds an item to the agenda or edits what the
// agenda says of it: its title, place, purpose, presenter, time, duration
// and classification. The minute is the minutes form's.
type AgendaItem struct {
	ID             int64
	Version        string
	Parent         string
	Title          string
	Purpose        string
	Presenter      string // "person:12", "organisation:3" or ""
	Start          string // "13:05"
	Duration       string // minutes
	Classification string
	Errors         Errors
}

// PresenterValue is a presenter's value in the form's list.
func PresenterValue(p mb.Presenter) string {
	switch {
	case p.PersonID != nil:
		return "person:" + strconv.FormatInt(*p.PersonID, 10)
	case p.OrganisationID != nil:
		return "organisation:" + strconv.FormatInt(*p.OrganisationID, 10)
	}
	return ""
}

// AgendaItemFrom fills the form from a stored item.
func AgendaItemFrom(ai *mb.AgendaItem) *AgendaItem {
	it := ai.Item
	f := &AgendaItem{ID: it.ID, Version: strconv.Itoa(it.Version), Parent: idString(it.ParentID), Title: it.Title,
		Purpose: string(ai.Purpose), Presenter: PresenterValue(ai.Presenter), Errors: Errors{}}
	if ai.Start != nil {
		f.Start = ai.Start.String()
	}
	if ai.Duration > 0 {
		f.Duration = strconv.Itoa(ai.Duration)
	}
	if it.Classification != 0 {
		f.Classification = it.Classification.String()
	}
	return f
}

// ParseAgendaItem reads a submitted agenda item form.
func ParseAgendaItem(r *http.Request) (*AgendaItem, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &AgendaItem{Version: value(r, "version"), Parent: value(r, "parent"), Title: value(r, "title"),
		Purpose: value(r, "purpose"), Presenter: value(r, "presenter"), Start: value(r, "start"),
		Duration: value(r, "duration"), Classification: value(r, "classification"), Errors: Errors{}}, nil
}

// AgendaItem converts the form, or returns nil with f.Errors set.
func (f *AgendaItem) AgendaItem(isNew bool) (*mb.Item, mb.AgendaEntry) {
	it := &mb.Item{ID: f.ID, Title: f.Title}
	if !isNew {
		it.Version = parseVersion(f.Version, f.Errors)
	}
	it.ParentID = optionalID(f.Parent, "parent", f.Errors)
	if f.Classification != "" {
		c, err := mb.ParseClassification(f.Classification)
		if err != nil {
			f.Errors["classification"] = mb.ErrorMessage(err)
		}
		it.Classification = c
	}
	e := mb.AgendaEntry{Purpose: mb.Purpose(f.Purpose)}
	if kind, id, ok := strings.Cut(f.Presenter, ":"); ok {
		n := chosenID(id, "presenter", "Choose a person or organisation from the list.", f.Errors)
		switch kind {
		case "person":
			e.Presenter.PersonID = n
		case "organisation":
			e.Presenter.OrganisationID = n
		default:
			f.Errors["presenter"] = "Choose a person or organisation from the list."
		}
	} else if f.Presenter != "" {
		f.Errors["presenter"] = "Choose a person or organisation from the list."
	}
	if f.Start != "" {
		t, err := mb.ParseTimeOfDay(f.Start)
		if err != nil {
			f.Errors["start"] = "Enter the time as HH:MM, such as 13:05."
		} else {
			e.Start = &t
		}
	}
	if f.Duration != "" {
		n, err := strconv.Atoi(f.Duration)
		if err != nil || n < 1 {
			f.Errors["duration"] = "Enter the duration in whole minutes, such as 20."
		} else {
			e.Duration = n
		}
	}
	if f.Title == "" {
		f.Errors["title"] = "Enter the item's title, such as Performance Measurement Report."
	}
	if checked(it, f.Errors, e.Validate()) == nil {
		return nil, e
	}
	return it, e
}
