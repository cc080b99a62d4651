package web

// DraftNotice tells the reader that a form they were typing into was kept
// as their private draft and not saved: "Unsaved draft from 10:42",
// restored or discarded.
type DraftNotice struct {
	// When it was last kept: "10:42", or "10:42 on 22 October" before today.
	When string
	// FormPath is the form's own address, which names the draft.
	FormPath string
	// Restore opens the form with the draft in it.
	Restore string
	// Back is where discarding returns to: the form as saved.
	Back string
}
