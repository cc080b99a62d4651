package form

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ActionChange is the form that records one change to an action at a
// meeting (or, for reopening, without one), as typed.
type ActionChange struct {
	Version string
	Kind    string // update, revised, closed or reopened
	Meeting string // meeting id
	Target  string
	Note    string
	Errors  Errors
}

// ParseActionChange reads a submitted change form.
func ParseActionChange(r *http.Request) (*ActionChange, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &ActionChange{
		Version: value(r, "version"), Kind: value(r, "kind"), Meeting: value(r, "meeting"),
		Target: value(r, "target"), Note: value(r, "note"), Errors: Errors{},
	}, nil
}

// Change converts the form, recording unreadable fields in f.Errors and
// returning nil when there is one.
func (f *ActionChange) Change(actionID int64) *mb.ActionChange {
	c := &mb.ActionChange{ActionID: actionID, Kind: mb.ActionEventKind(f.Kind), Note: f.Note}
	c.Version = parseVersion(f.Version, f.Errors)
	c.MeetingID = optionalID(f.Meeting, "meeting", f.Errors)
	c.NewTarget = optionalDate(f.Target, "target", f.Errors)
	c.Normalize()
	return checked(c, f.Errors, c.Validate())
}

// ReviewRow is one outstanding action in the meeting's review form, as
// typed: what to record (nothing, an update, a revised target, closure),
// the revised date and the note.
type ReviewRow struct {
	ActionID int64
	Version  string
	Do       string // "", "update", "revised" or "closed"
	Target   string
	Note     string
}

// Field names one of the row's fields in the form: "a12-note".
func (r *ReviewRow) Field(name string) string {
	return mb.ReviewField(r.ActionID, name)
}

// Review is the meeting's review of its outstanding actions, as typed.
type Review struct {
	Rows   []*ReviewRow
	Errors Errors
}

// reviewVersionField is a review row's version field, which every row
// posts: "a12-version".
var reviewVersionField = regexp.MustCompile(`^a([0-9]+)-version$`)

// PostedReviewActions lists the actions whose rows a review form posted,
// so that a row whose action was closed meanwhile can still say so.
func PostedReviewActions(r *http.Request) ([]int64, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	var posted []int64
	for k := range r.PostForm {
		if sub := reviewVersionField.FindStringSubmatch(k); sub != nil {
			if id, err := strconv.ParseInt(sub[1], 10, 64); err == nil {
				posted = append(posted, id)
			}
		}
	}
	return posted, nil
}

// ParseReview reads the review form for the actions offered, in their order.
func ParseReview(r *http.Request, actionIDs []int64) (*Review, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	f := &Review{Errors: Errors{}}
	for _, id := range actionIDs {
		row := &ReviewRow{ActionID: id}
		row.Version = value(r, row.Field("version"))
		row.Do = value(r, row.Field("do"))
		row.Target = value(r, row.Field("target"))
		row.Note = strings.TrimSpace(r.PostFormValue(row.Field("note")))
		f.Rows = append(f.Rows, row)
	}
	return f, nil
}

// Changes converts the rows that record something, with per-row messages
// in f.Errors for values that cannot be read; the store checks the rest of
// the rules for every row at once.
func (f *Review) Changes() []mb.ActionChange {
	var out []mb.ActionChange
	for _, row := range f.Rows {
		switch row.Do {
		case "":
			if row.Target != "" || row.Note != "" {
				f.Errors[row.Field("do")] = "Choose what to record for this action, or clear its note and date."
			}
			continue
		case string(mb.ActionEventUpdate), string(mb.ActionEventRevised), string(mb.ActionEventClosed):
		default:
			f.Errors[row.Field("do")] = "Choose an update, a revised target date or closure."
			continue
		}
		c := mb.ActionChange{ActionID: row.ActionID, Kind: mb.ActionEventKind(row.Do), Note: row.Note}
		c.Version = parseVersion(row.Version, f.Errors)
		c.NewTarget = optionalDate(row.Target, row.Field("target"), f.Errors)
		out = append(out, c)
	}
	return out
}
