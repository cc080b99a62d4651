package form

import (
	"fmt"
	"net/http"
	"strconv"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// AttendanceRow is one line of the attendance form as typed: fields are
// named "person-N", "status-N" and so on.
type AttendanceRow struct {
	Person       string
	PersonName   string
	Fixed        bool // a roster line: the person is not a choice
	Category     string
	Representing string
	Status       string
	PartItems    string
	AlternateFor string
}

// Attendance is the whole attendance form.
type Attendance struct {
	Version string
	Rows    []AttendanceRow
	Errors  Errors
}

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
	f := &Attendance{Version: value(r, "version"), Errors: Errors{}}
	for i := range n {
		at := func(name string) string { return value(r, fmt.Sprintf("%s-%d", name, i)) }
		f.Rows = append(f.Rows, AttendanceRow{
			Person: at("person"), PersonName: at("person_name"), Fixed: at("fixed") == "1", Category: at("category"),
			Representing: at("representing"), Status: at("status"), PartItems: at("part_items"), AlternateFor: at("alternate_for"),
		})
	}
	return f, nil
}

// Attendees converts the rows that record someone (blank extra rows and
// absent people are left out), or returns nil with f.Errors set, keyed
// "row-N" by the form's own row numbers.
func (f *Attendance) Attendees() ([]mb.Attendee, int) {
	version := parseVersion(f.Version, f.Errors)
	var out []mb.Attendee
	var formRow []int
	for i, row := range f.Rows {
		if row.Person == "" || row.Status == "" || row.Status == string(mb.Absent) {
			continue
		}
		key := fmt.Sprintf("row-%d", i)
		a := mb.Attendee{Status: mb.AttendanceStatus(row.Status), Category: row.Category, PartItems: row.PartItems, PersonName: row.PersonName}
		if id := optionalID(row.Person, key, f.Errors); id != nil {
			a.PersonID = *id
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
