package form

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// AttendanceRow is one line of the attendance form as typed: fields are
// named "person-N", "status-N" and so on.
type AttendanceRow struct {
	Person       string
	PersonName   string
	Fixed        bool // a roster line: the person is not a choice
	Saved        bool // a line recorded before: shown as text, with an Edit control
	Category     string
	Representing string
	Status       string
	// PartItemIDs are the items a part attendee was there for, chosen from
	// the meeting's items; PartItems is part attendance recorded as text
	// before, kept as it was.
	PartItemIDs  []string
	PartItems    string
	AlternateFor string
	// NewName and NewOrganisation add someone not yet known; ConfirmNew
	// says they are not the near-namesake minutebook found.
	NewName         string
	NewOrganisation string
	ConfirmNew      bool
}

// Blank reports whether the row names nobody yet.
func (r AttendanceRow) Blank() bool { return r.Person == "" && r.NewName == "" }

// Attendance is the whole attendance form.
type Attendance struct {
	Version string
	Rows    []AttendanceRow
	// EveryonePresent and More are the form's own buttons without
	// JavaScript: mark every roster line present, or add blank lines,
	// keeping what was typed and saving nothing.
	EveryonePresent bool
	More            bool
	Errors          Errors
}

// MoreRows is how many blank lines "add more" gives.
const MoreRows = 5

// ParseAttendance reads every row of a submitted attendance form; rows are
// counted by the "rows" field.
func ParseAttendance(r *http.Request) (*Attendance, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	n, err := strconv.Atoi(value(r, "rows"))
	if err != nil || n < 0 || n > 500 {
		return nil, mb.Errorf(mb.EINVALID, "The form was not complete: reload the page and try again.")
	}
	f := &Attendance{Version: value(r, "version"), EveryonePresent: value(r, "everyone_present") != "", More: value(r, "more") != "", Errors: Errors{}}
	for i := range n {
		at := func(name string) string { return value(r, fmt.Sprintf("%s-%d", name, i)) }
		f.Rows = append(f.Rows, AttendanceRow{
			Person: at("person"), PersonName: at("person_name"), Fixed: at("fixed") == "1", Saved: at("saved") == "1", Category: at("category"),
			Representing: at("representing"), Status: at("status"), PartItemIDs: r.PostForm[fmt.Sprintf("part-%d", i)], PartItems: at("part_items"),
			AlternateFor: at("alternate_for"), NewName: at("new_name"), NewOrganisation: at("new_organisation"), ConfirmNew: at("confirm_new") != "",
		})
	}
	return f, nil
}

// MarkEveryonePresent records every roster line present, for the
// secretariat to change the exceptions.
func (f *Attendance) MarkEveryonePresent() {
	for i := range f.Rows {
		if f.Rows[i].Fixed {
			f.Rows[i].Status = string(mb.Present)
		}
	}
}

// AddRows adds blank lines for more participants.
func (f *Attendance) AddRows(n int) {
	for range n {
		f.Rows = append(f.Rows, AttendanceRow{Status: string(mb.Present)})
	}
}

// Attendees converts the rows that record someone (blank extra rows and
// absent people are left out), or returns nil with f.Errors set, keyed
// "row-N" by the form's own row numbers.
func (f *Attendance) Attendees() ([]mb.Attendee, int) {
	version := parseVersion(f.Version, f.Errors)
	var out []mb.Attendee
	var formRow []int
	for i, row := range f.Rows {
		if row.Blank() || row.Status == "" || row.Status == string(mb.Absent) {
			continue
		}
		key := fmt.Sprintf("row-%d", i)
		a := mb.Attendee{Status: mb.AttendanceStatus(row.Status), Category: row.Category, PartItems: row.PartItems, PersonName: row.PersonName}
		if row.Person == "" {
			a.NewPerson = &mb.NewPerson{Name: strings.Join(strings.Fields(row.NewName), " "), Organisation: strings.TrimSpace(row.NewOrganisation)}
			a.PersonName = a.NewPerson.Name
		} else if id := optionalID(row.Person, key, f.Errors); id != nil {
			a.PersonID = *id
		}
		for _, s := range row.PartItemIDs {
			if id := optionalID(s, key, f.Errors); id != nil {
				a.PartItemIDs = append(a.PartItemIDs, *id)
			}
		}
		a.RepresentingID = optionalID(row.Representing, key, f.Errors)
		a.AlternateForID = optionalID(row.AlternateFor, key, f.Errors)
		out = append(out, a)
		formRow = append(formRow, i)
	}
	if err := mb.ValidateAttendance(out); err != nil {
		// Map the validated list's rows back to the form's rows.
		for k, msg := range mb.ErrorFields(err) {
			var j int
			if _, scanErr := fmt.Sscanf(k, "row-%d", &j); scanErr == nil && j < len(formRow) {
				f.Errors[fmt.Sprintf("row-%d", formRow[j])] = msg
			}
		}
	}
	if len(f.Errors) > 0 {
		return nil, version
	}
	return out, version
}
