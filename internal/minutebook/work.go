package minutebook

import "time"

// WorkListed is how many records of a kind a reader's own work lists (the
// home page and the digest); the counts say how many there are in all.
const WorkListed = 10

// WorkHorizon is how far ahead, in days, a reader's coming meetings reach.
const WorkHorizon = 42

// Work is a reader's own work, as their home page shows it and their weekly
// digest sums it up. Everything in it is what the reader may read.
type Work struct {
	Today time.Time
	// Actions are the open actions owned by the reader (as the owner
	// person) or by their organisation, soonest target first; Open and
	// Overdue count them all.
	Actions []*Action
	Open    int
	Overdue int
	// Drafts are the circulated minutes of the reader's committees, open
	// for their comments, oldest first.
	Drafts []*Meeting
	// Meetings are the reader's committees' meetings from today, within
	// WorkHorizon days, soonest first.
	Meetings []*Meeting
	// Escalations are the open escalations to the bodies the reader chairs
	// or runs the secretariat of, newest first; Escalated counts them all.
	Escalations []*Escalation
	Escalated   int
	// Secretariat is the to-do of each committee whose secretariat the
	// reader runs (by role, not as an administrator).
	Secretariat []*SecretariatWork
}

// Mine reports whether the reader owns the action as its owner person.
func (w *Work) Mine(a *Action, personID int64) bool {
	return a.OwnerPersonID != nil && *a.OwnerPersonID == personID
}

// Empty reports whether there is nothing in the reader's work.
func (w *Work) Empty() bool {
	if len(w.Actions) > 0 || len(w.Drafts) > 0 || len(w.Meetings) > 0 || len(w.Escalations) > 0 {
		return false
	}
	for _, s := range w.Secretariat {
		if !s.Empty() {
			return false
		}
	}
	return true
}

// SecretariatWork is what a committee's secretariat has to do: comments
// to resolve, minutes awaiting approval or publication, and open actions
// past their target with no update recorded since.
type SecretariatWork struct {
	CommitteeID   int64
	CommitteeCode string
	CommitteeName string
	// Comments counts the unresolved comments on circulated minutes, by
	// meeting (CommentsOn lists those meetings, oldest first).
	Comments   int
	CommentsOn []*Meeting
	// Circulated minutes await approval at a later meeting; Approved
	// minutes await publication.
	Circulated []*Meeting
	Approved   []*Meeting
	// Stale are open actions past their target with no update, revision
	// or closure recorded since, most overdue first; StaleCount counts them.
	Stale      []*Action
	StaleCount int
}

// Empty reports whether the secretariat has nothing to do.
func (s *SecretariatWork) Empty() bool {
	return s.Comments == 0 && len(s.Circulated) == 0 && len(s.Approved) == 0 && s.StaleCount == 0
}
