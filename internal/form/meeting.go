package form

import (
	"net/http"
	"strconv"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Meeting is the meeting form as typed.
type Meeting struct {
	ID             int64
	Version        string
	Committee      string
	Number         string
	Kind           string
	Date           string
	Start          string
	End            string
	Venue          string
	Classification string
	// A new meeting starts with the committee's standing items chosen
	// (their titles) and, when CopyFrom names the previous meeting, its
	// items' titles; Return is the page to go back to once it is saved.
	Standing []string
	CopyFrom string
	Return   string
	Errors   Errors
}

// MeetingFrom fills the form from a stored meeting, for editing.
func MeetingFrom(m *mb.Meeting) *Meeting {
	f := &Meeting{
		ID: m.ID, Version: strconv.Itoa(m.Version), Committee: strconv.FormatInt(m.CommitteeID, 10),
		Number: strconv.Itoa(m.Number), Kind: string(m.Kind), Venue: m.Venue,
		Classification: m.Classification.String(), Errors: Errors{},
	}
	if !m.Date.IsZero() {
		f.Date = m.Date.Format(time.DateOnly)
	}
	if m.Start != nil {
		f.Start = m.Start.String()
	}
	if m.End != nil {
		f.End = m.End.String()
	}
	return f
}

// ParseMeeting reads a submitted meeting form.
func ParseMeeting(r *http.Request) (*Meeting, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &Meeting{
		Version: value(r, "version"), Committee: value(r, "committee"), Number: value(r, "number"),
		Kind: value(r, "kind"), Date: value(r, "date"), Start: value(r, "start"), End: value(r, "end"),
		Venue: value(r, "venue"), Classification: value(r, "classification"),
		Standing: r.PostForm["standing"], CopyFrom: value(r, "copy_from"), Return: value(r, "return"), Errors: Errors{},
	}, nil
}

// Meeting converts the form into a meeting, recording any field that cannot
// be read in f.Errors and returning nil when there is one.
func (f *Meeting) Meeting(isNew bool) *mb.Meeting {
	m := &mb.Meeting{ID: f.ID, Kind: mb.MeetingKind(f.Kind), Venue: f.Venue}
	if !isNew {
		m.Version = parseVersion(f.Version, f.Errors)
	}
	if id := optionalID(f.Committee, "committee", f.Errors); id != nil {
		m.CommitteeID = *id
	}
	if f.Number != "" {
		n, err := strconv.Atoi(f.Number)
		if err != nil {
			f.Errors["number"] = "Enter the meeting number as a whole number, such as 105."
		}
		m.Number = n
	}
	m.Date = parseDate(f.Date, "date", "Enter the date of the meeting.", f.Errors)
	m.Start = parseTime(f.Start, "start", f.Errors)
	m.End = parseTime(f.End, "end", f.Errors)
	if f.Classification != "" {
		c, err := mb.ParseClassification(f.Classification)
		if err != nil {
			f.Errors["classification"] = mb.ErrorMessage(err)
		}
		m.Classification = c
	}
	m.Normalize()
	return checked(m, f.Errors, m.Validate())
}

func parseTime(s, field string, errs Errors) *mb.TimeOfDay {
	if s == "" {
		return nil
	}
	t, err := mb.ParseTimeOfDay(s)
	if err != nil {
		errs[field] = "Enter a time such as 12:20."
		return nil
	}
	return &t
}

// Chosen reports whether the standing item with the title is chosen.
func (f *Meeting) Chosen(title string) bool {
	for _, t := range f.Standing {
		if t == title {
			return true
		}
	}
	return false
}
