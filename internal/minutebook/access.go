package minutebook

import "context"

// Reader is whoever is asking: an anonymous visitor (User nil) or a signed-in
// user with their current roles. Every rule of who may read or change what is
// a method here, so that pages, feeds, exports and the API share one answer.
type Reader struct {
	User *User
	// Roles holds the reader's current roles, by committee id.
	Roles map[int64][]MemberRole
	// Parents maps every committee id to its parent body's id, so that a
	// parent body's chair can be recognised for the sub-committees beneath it.
	Parents map[int64]int64
}

// Anonymous is the reader who has not signed in.
var Anonymous = &Reader{}

// SignedIn reports whether the reader has signed in.
func (r *Reader) SignedIn() bool { return r != nil && r.User != nil }

// Admin reports whether the reader is an administrator.
func (r *Reader) Admin() bool { return r.SignedIn() && r.User.Admin }

func (r *Reader) has(committeeID int64, roles ...MemberRole) bool {
	if !r.SignedIn() {
		return false
	}
	for _, have := range r.Roles[committeeID] {
		for _, want := range roles {
			if have == want {
				return true
			}
		}
	}
	return false
}

// Secretariat reports whether the reader runs the committee's secretariat
// (administrators count as every committee's secretariat).
func (r *Reader) Secretariat(committeeID int64) bool {
	return r.Admin() || r.has(committeeID, RoleSecretariat)
}

// Member reports whether the reader sits on the committee in any role.
func (r *Reader) Member(committeeID int64) bool {
	return r.Admin() || r.has(committeeID, RoleMember, RoleChair, RoleSecretariat)
}

// Chair reports whether the reader chairs the committee.
func (r *Reader) Chair(committeeID int64) bool { return r.has(committeeID, RoleChair) }

// OverseesEscalations reports whether the reader watches what the committee's
// sub-committees escalate: its chair, its secretariat, or an administrator.
func (r *Reader) OverseesEscalations(committeeID int64) bool {
	return r.Admin() || r.has(committeeID, RoleChair, RoleSecretariat)
}

// Oversees reports whether the reader chairs or runs the secretariat of a
// body above the committee, at any depth.
func (r *Reader) Oversees(committeeID int64) bool {
	seen := map[int64]bool{}
	for id, ok := r.Parents[committeeID]; ok && !seen[id]; id, ok = r.Parents[id] {
		seen[id] = true
		if r.OverseesEscalations(id) {
			return true
		}
	}
	return false
}

// OverseesAny reports whether the reader oversees any body with sub-committees.
func (r *Reader) OverseesAny() bool {
	if r.Admin() {
		return true
	}
	for child := range r.Parents {
		if r.Oversees(child) {
			return true
		}
	}
	return false
}

// CanRead reports whether the reader may read something at level in the
// committee; recorded says whether the reader was recorded at the meeting
// (RED is for those people and the secretariat only).
func (r *Reader) CanRead(level Classification, committeeID int64, recorded bool) bool {
	switch level {
	case Clear:
		return true
	case Green:
		return r.SignedIn()
	case Amber:
		return r.Member(committeeID)
	case Red:
		return r.Secretariat(committeeID) || (r.SignedIn() && recorded)
	}
	return false
}

// CanReadMinutes reports whether the reader may open a meeting's minutes.
// Drafts are for the secretariat; once circulated, approved or published but
// not yet public, for the committee's members too; once published, for anyone
// the classification admits.
func (r *Reader) CanReadMinutes(m *Meeting, recorded bool) bool {
	if r.Secretariat(m.CommitteeID) {
		return true
	}
	switch m.Status {
	case Draft:
		return false
	case Circulated, Approved:
		if !r.Member(m.CommitteeID) {
			return false
		}
	}
	return r.CanRead(m.Classification, m.CommitteeID, recorded)
}

// CanEditCommittee reports whether the reader may change a committee's
// settings: administrators only.
func (r *Reader) CanEditCommittee() bool { return r.Admin() }

// CanEditMeeting reports whether the reader may change the committee's
// meetings, minutes, actions and risks.
func (r *Reader) CanEditMeeting(committeeID int64) bool { return r.Secretariat(committeeID) }

type readerKey struct{}

// NewContextWithReader returns a context carrying the reader.
func NewContextWithReader(ctx context.Context, r *Reader) context.Context {
	ctx = context.WithValue(ctx, readerKey{}, r)
	if r.SignedIn() {
		ctx = NewContextWithActor(ctx, r.User)
	}
	return ctx
}

// ReaderFromContext returns the reader, or Anonymous.
func ReaderFromContext(ctx context.Context) *Reader {
	if r, ok := ctx.Value(readerKey{}).(*Reader); ok && r != nil {
		return r
	}
	return Anonymous
}

// Withheld reports whether the item is above what the reader may read in the
// committee; recorded says whether the reader was recorded at the meeting.
func (r *Reader) Withheld(it *Item, committeeID int64, recorded bool) bool {
	return it.Classification != 0 && !r.CanRead(it.Classification, committeeID, recorded)
}

// CanComment reports whether the reader may comment on the minutes: the
// committee's members, while the draft is circulated.
func (r *Reader) CanComment(m *Meeting) bool {
	return m.Status == Circulated && r.Member(m.CommitteeID)
}

// CanReadHistory reports whether the reader may see the minutes' versions:
// the committee's members and secretariat, once they may read the minutes.
func (r *Reader) CanReadHistory(m *Meeting, recorded bool) bool {
	return r.Member(m.CommitteeID) && r.CanReadMinutes(m, recorded)
}

// CanSeeSchedule reports whether the reader may see that a meeting is held,
// and when and where (a calendar entry, not its minutes): whoever may read
// its minutes, and every member of the committee, who needs to know when it
// meets before its minutes exist.
func (r *Reader) CanSeeSchedule(m *Meeting, recorded bool) bool {
	return r.Member(m.CommitteeID) || r.CanReadMinutes(m, recorded)
}

// CanReadRisks reports whether the reader may read the committee's risk
// register: its members and secretariat (risks are AMBER material), the
// chair and secretariat of any body above it, and administrators.
func (r *Reader) CanReadRisks(committeeID int64) bool {
	return r.Member(committeeID) || r.Oversees(committeeID)
}

// CanEditRisks reports whether the reader may add, change and review the
// committee's risks and record their escalation: its secretariat.
func (r *Reader) CanEditRisks(committeeID int64) bool { return r.CanEditMeeting(committeeID) }

// CanReadEscalations reports whether the reader may see what is escalated
// to the body from beneath it: the body's chair and secretariat, those of
// any body above it, and administrators.
func (r *Reader) CanReadEscalations(bodyID int64) bool {
	return r.OverseesEscalations(bodyID) || r.Oversees(bodyID)
}

// CanReadAgenda reports whether the reader may read the meeting's agenda:
// whoever may read its minutes (the secretariat always, so drafts too), and
// once the agenda is published, whoever its classification admits (the
// committee's members for AMBER, every signed-in user for GREEN, everyone
// for CLEAR; RED stays with the secretariat and those recorded present).
// The agenda's items are the minutes' items, so they are withheld by the
// same rule (Withheld).
func (r *Reader) CanReadAgenda(m *Meeting, status AgendaStatus, recorded bool) bool {
	if r.CanReadMinutes(m, recorded) {
		return true
	}
	return status == AgendaPublished && r.CanRead(m.Classification, m.CommitteeID, recorded)
}

// PaperWithheld reports whether a paper of an agenda the reader may read is
// above their level: it is listed as withheld, never served. Its level is
// the strictest of its own, its item's and its document's (Paper.Level).
func (r *Reader) PaperWithheld(p *Paper, committeeID int64, recorded bool) bool {
	return !r.CanRead(p.Level, committeeID, recorded)
}

// CanReadForwardPlan reports whether the reader may see the committee's
// forward plan, the items planned for its coming meetings before their
// agendas are published: its members and secretariat, who prepare for
// them. Each planned item is still withheld above the reader's level.
func (r *Reader) CanReadForwardPlan(committeeID int64) bool { return r.Member(committeeID) }
