// Package form turns submitted forms into domain values, keeping every value
// as typed so that a form that fails validation comes back as it was sent.
package form

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Errors are per-field messages keyed by field name; "" holds a message for
// the form as a whole.
type Errors map[string]string

// Has reports whether field has a message.
func (e Errors) Has(field string) bool { _, ok := e[field]; return ok }

// parse reads the request's form; a body that cannot be read is a client error.
func parse(r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return mb.Errorf(mb.EINVALID, "The form could not be read: please try again.")
	}
	return nil
}

func value(r *http.Request, name string) string { return strings.TrimSpace(r.PostFormValue(name)) }

// lines splits a textarea into its non-empty trimmed lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// optionalID reads an id chosen from a list; "" is none.
func optionalID(s string, field string, errs Errors) *int64 {
	return chosenID(s, field, "Choose one of the options.", errs)
}

// chosenID reads an id chosen from a list; "" is none, and a value that is
// not an id gets the message choose. It is the forms' one id parser.
func chosenID(s, field, choose string, errs Errors) *int64 {
	if s == "" {
		return nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id < 1 {
		errs[field] = choose
		return nil
	}
	return &id
}

// parseDate reads a YYYY-MM-DD date; "" is the zero time, with the message
// missing when the date is required. It is the forms' one date parser.
func parseDate(s, field, missing string, errs Errors) time.Time {
	if s == "" {
		if missing != "" {
			errs[field] = missing
		}
		return time.Time{}
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		errs[field] = "Enter a real date, such as 2023-10-23."
		return time.Time{}
	}
	return d
}

// optionalDate is parseDate for a date that may be left out: nil when it
// is, or when it cannot be read.
func optionalDate(s, field string, errs Errors) *time.Time {
	if d := parseDate(s, field, "", errs); !d.IsZero() {
		return &d
	}
	return nil
}

func parseVersion(s string, errs Errors) int {
	v, err := strconv.Atoi(s)
	if err != nil || v < 1 {
		errs[""] = "The form was missing its version: reload the page and try again."
	}
	return v
}

// checked is the end of every form's conversion: the record's own
// validation joins the messages the conversion left in errs, and the
// record comes back only when there are none.
func checked[T any](v *T, errs Errors, validation error) *T {
	errs.Merge(validation)
	if len(errs) > 0 {
		return nil
	}
	return v
}

// Merge copies a domain error's field messages into e, keeping a message
// already there, and its message into e[""] when it names no field.
func (e Errors) Merge(err error) {
	fields := mb.ErrorFields(err)
	for k, v := range fields {
		if _, ok := e[k]; !ok {
			e[k] = v
		}
	}
	if len(fields) == 0 && err != nil {
		e[""] = mb.ErrorMessage(err)
	}
}

func idString(id *int64) string {
	if id == nil {
		return ""
	}
	return strconv.FormatInt(*id, 10)
}
