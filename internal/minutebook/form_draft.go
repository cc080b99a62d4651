package minutebook

import "time"

// FormDraft is what an editor was typing into a form, kept as theirs alone
// every few seconds and not saved: the form's fields as typed, named by the
// form's address.
type FormDraft struct {
	Path    string
	Fields  map[string][]string
	SavedAt time.Time
}

// KeptSubmission is a form posted after its sender's session ended, kept
// for a short while so that signing in again completes it.
type KeptSubmission struct {
	Path   string
	Fields map[string][]string
	KeptAt time.Time
}

// DraftLimit is the most a draft or a kept submission may hold, in bytes
// of its fields: a minute is at most 100,000 characters.
const DraftLimit = 512 << 10
