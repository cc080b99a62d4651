package form

import (
	"net/http"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// ParseNoticePreferences reads the account page's choices of what the
// reader is sent: one radio group per kind. A kind missing from the form is
// left as it is; a value that is not a choice for its kind is an error.
func ParseNoticePreferences(r *http.Request) (mb.Preferences, Errors, error) {
	if err := parse(r); err != nil {
		return nil, nil, err
	}
	p, errs := mb.Preferences{}, Errors{}
	for _, k := range mb.NoticeKinds {
		v := value(r, string(k))
		if v == "" {
			continue
		}
		if d := mb.Delivery(v); k.Allows(d) {
			p[k] = d
		} else {
			errs[string(k)] = "Choose one of the options for " + k.Label() + "."
		}
	}
	return p, errs, nil
}
