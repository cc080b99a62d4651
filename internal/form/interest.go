package form

import (
	"net/http"
	"time"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// Interest is the form that adds a standing declaration to a committee's
// register of interests.
type Interest struct {
	Person string
	Nature string
	From   string
	To     string
	Errors Errors
}

// NewInterest is the blank form: an interest declared today.
func NewInterest(today time.Time) *Interest {
	return &Interest{From: today.Format(time.DateOnly), Errors: Errors{}}
}

// ParseInterest reads a submitted interest form.
func ParseInterest(r *http.Request) (*Interest, error) {
	if err := parse(r); err != nil {
		return nil, err
	}
	return &Interest{Person: value(r, "person"), Nature: value(r, "nature"), From: value(r, "from"), To: value(r, "to"), Errors: Errors{}}, nil
}

// Interest converts the form for the committee, or returns nil with f.Errors set.
func (f *Interest) Interest(committeeID int64) *mb.Interest {
	i := &mb.Interest{CommitteeID: committeeID, Nature: f.Nature}
	if id := chosenID(f.Person, "person", "Choose the member who holds the interest.", f.Errors); id != nil {
		i.PersonID = *id
	}
	i.From = parseDate(f.From, "from", "", f.Errors)
	i.To = optionalDate(f.To, "to", f.Errors)
	return checked(i, f.Errors, i.Validate())
}
