package form

import (
	"net/http"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ParseCirculation reads the circulate button's optional comment deadline
// (comments_due, YYYY-MM-DD); a date that cannot be read is EINVALID.
func ParseCirculation(r *http.Request) (*time.Time, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	errs := Errors{}
	due := optionalDate(value(r, "comments_due"), "comments_due", errs)
	if len(errs) > 0 {
		return nil, &mb.Error{Code: mb.EINVALID, Message: "The comment deadline is not a date: " + errs["comments_due"], Fields: errs}
	}
	return due, nil
}

// Approval is the form that records the approval of circulated minutes at
// a later meeting, as typed: the approving meeting and, optionally, the
// item of its minutes that records it.
type Approval struct {
	ApprovedAt string
	Item       string
	Errors     Errors
}

// ParseApproval reads a submitted approval form.
func ParseApproval(r *http.Request) (*Approval, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &Approval{ApprovedAt: r.PostFormValue("approved_at"), Item: r.PostFormValue("item"), Errors: Errors{}}, nil
}

// Choices reads the approving meeting and item, recording in f.Errors what
// cannot be read; ok is false when anything could not.
func (f *Approval) Choices() (approvedAt int64, item *int64, ok bool) {
	if at := chosenID(f.ApprovedAt, "approved_at", "Choose the meeting that approved the minutes.", f.Errors); at != nil {
		approvedAt = *at
	} else {
		f.Errors["approved_at"] = "Choose the meeting that approved the minutes."
	}
	item = chosenID(f.Item, "item", "Choose one of the items.", f.Errors)
	return approvedAt, item, len(f.Errors) == 0
}

// Correction is the form that opens a correction of approved minutes.
type Correction struct {
	Reason string
	Errors Errors
}

// ParseCorrection reads a submitted correction form; the store checks the
// reason.
func ParseCorrection(r *http.Request) (*Correction, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &Correction{Reason: r.PostFormValue("reason"), Errors: Errors{}}, nil
}
