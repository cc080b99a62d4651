package minutebook

import "time"

// Interest is a standing declaration in a committee's register of
// interests: an interest a member holds for a period, whatever the agenda.
type Interest struct {
	ID               int64
	CommitteeID      int64
	PersonID         int64
	PersonName       string // read-only
	OrganisationName string // read-only
	Nature           string
	From             time.Time
	To               *time.Time
}

// Current reports whether the interest is held on day.
func (i *Interest) Current(day time.Time) bool {
	return !day.Before(i.From) && (i.To == nil || !day.After(*i.To))
}

// Validate checks a standing declaration's own rules; the store checks
// that the person sits on the committee.
func (i *Interest) Validate() error {
	fe := FieldErrors{}
	if i.PersonID == 0 {
		fe.Add("person", "Choose the member who holds the interest.")
	}
	i.Nature = checkNature(fe, i.Nature, "Director of Tallis Metering Services")
	if i.From.IsZero() {
		fe.Add("from", "Enter the date the interest was declared.")
	}
	if i.To != nil && i.To.Before(i.From) {
		fe.Add("to", "The interest cannot end before it starts.")
	}
	return fe.Err()
}
