package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// EarlierActionPage enters an action from the committee's earlier history.
type EarlierActionPage struct {
	Chrome
	Committee *mb.Committee
	Form      *form.EarlierAction
	Owners    []Option
	People    []Option
}
