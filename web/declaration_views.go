package web

import (
	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// DeclarationFormPage records or edits an interest declared in an item.
type DeclarationFormPage struct {
	Chrome
	Meeting *mb.Meeting
	Item    *mb.Item
	Form    *form.Declaration
	IsNew   bool
	// People are those recorded present at the meeting.
	People []Option
	Action string
}

func declarationEffectOptions() []Option {
	return Options(mb.DeclarationEffects, func(e mb.DeclarationEffect) Option { return Option{Value: string(e), Label: e.Label()} })
}
