package minutebook

import (
	"context"
	"slices"
)

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

// Committees lists, in id order, the committees whose secretariat the
// reader runs and those the reader sits on in any role: what the reading
// rule asks of the reader besides their person.
func (r *Reader) Committees() (secretariat, member []int64) {
	for id := range r.Roles {
		if r.Secretariat(id) {
			secretariat = append(secretariat, id)
		}
		if r.Member(id) {
			member = append(member, id)
		}
	}
	slices.Sort(secretariat)
	slices.Sort(member)
	return secretariat, member
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

// EarlierHistory is the stage of a record entered from a meeting not kept
// in minutebook (an action from earlier history): there are no minutes to
// decide by, so it is the committee's members' and secretariat's.
const EarlierHistory MinutesStatus = "history"

// Access is what the reading rule needs to know of a record, and all it
// needs: the committee it belongs to, the meeting whose minutes hold it (its
// attendance admits to RED material), the stage of those minutes, and its
// effective level, the strictest of its document's, its item's and that
// item's parent's. Every readable record carries it, kept current by the
// writes that move it (the store keeps the same facts in SQL columns).
type Access struct {
	CommitteeID int64
	// MeetingID is 0 for earlier history.
	MeetingID int64
	Stage     MinutesStatus // Draft … Published, or EarlierHistory
	Level     Classification
	// Members is set when an AMBER level is among those the record is
	// within: it is for the committee's members (and secretariat) whatever
	// else admits. RED's audience, the people recorded at the meeting, is
	// not inside AMBER's, so a RED item of an AMBER document is for the
	// members recorded there, not for every participant recorded there.
	Members bool
}

// Access is what the rule needs of the minutes themselves.
func (m *Meeting) Access() Access {
	return Access{CommitteeID: m.CommitteeID, MeetingID: m.ID, Stage: m.Status, Level: m.Classification, Members: m.Classification == Amber}
}

// EarlierAccess is the access of a record entered from the committee's
// earlier history: for its members, as AMBER material is.
func EarlierAccess(committeeID int64) Access {
	return Access{CommitteeID: committeeID, Stage: EarlierHistory, Level: Amber, Members: true}
}

// Within is the access of something held inside a record at its own level
// (0: as the record): readable by those who may read both.
func (a Access) Within(level Classification) Access {
	a.Level = max(a.Level, level)
	a.Members = a.Members || level == Amber
	return a
}

// CanAccess is the reading rule, whole: whether the reader may read a
// record with these facts; recorded says whether the reader was recorded at
// its meeting. The committee's secretariat reads everything of it; drafts
// are for it alone; circulated and approved minutes (and earlier history)
// for the committee's members too; published minutes for anyone; and on top
// of that the level must admit the reader.
func (r *Reader) CanAccess(a Access, recorded bool) bool {
	if r.Secretariat(a.CommitteeID) {
		return true
	}
	switch a.Stage {
	case Published:
	case Circulated, Approved, EarlierHistory:
		if !r.Member(a.CommitteeID) {
			return false
		}
	default:
		return false
	}
	if a.Members && !r.Member(a.CommitteeID) {
		return false
	}
	return r.CanRead(a.Level, a.CommitteeID, recorded)
}

// CanReadMinutes reports whether the reader may open a meeting's minutes.
func (r *Reader) CanReadMinutes(m *Meeting, recorded bool) bool {
	return r.CanAccess(m.Access(), recorded)
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

// Withheld reports whether the item is above what the reader may read;
// recorded says whether the reader was recorded at its meeting.
func (r *Reader) Withheld(it *Item, recorded bool) bool { return !r.CanAccess(it.Access, recorded) }

// ReadableMinutes returns the document as the reader may read it: an item
// the reader may not read keeps only its number and its level, marked
// Withheld (never dropped, so the document says what it leaves out), and
// nothing beneath it. The items must carry their access (as the store
// reads them, a stored version's too); the actions outstanding table is
// the store's to choose and is left as it is.
func (r *Reader) ReadableMinutes(doc *Minutes, recorded bool) *Minutes {
	withheld := func(it *Item) bool { return r.Withheld(it, recorded) }
	out := *doc
	out.Items = make([]*Item, 0, len(doc.Items))
	for _, it := range doc.Items {
		if withheld(it) {
			out.Items = append(out.Items, withheldItem(it))
			continue
		}
		c := *it
		c.Children = make([]*Item, 0, len(it.Children))
		for _, sub := range it.Children {
			if withheld(sub) {
				sub = withheldItem(sub)
			}
			c.Children = append(c.Children, sub)
		}
		out.Items = append(out.Items, &c)
	}
	return &out
}

// withheldItem is what remains of an item withheld from a reader.
func withheldItem(it *Item) *Item {
	return &Item{ID: it.ID, MeetingID: it.MeetingID, ParentID: it.ParentID, Position: it.Position, Number: it.Number,
		Classification: it.Access.Level, Access: it.Access, Withheld: true}
}

// CanReadComment reports whether the reader may read a comment on the
// minutes (recorded: at its meeting): one on something the reader may
// read, and the reader's own or the reader runs the committee's
// secretariat, who resolves them.
func (r *Reader) CanReadComment(c *Comment, recorded bool) bool {
	return r.CanAccess(c.Access, recorded) &&
		(r.Secretariat(c.Access.CommitteeID) || (r.SignedIn() && c.AuthorID == r.User.ID))
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

// Agenda is the access of a record as the meeting's agenda shows it (an
// item, a paper, the agenda itself): once the agenda is published, as
// published minutes, for whoever its level admits; before, as the minutes
// (a draft's are the secretariat's alone). The store derives the same
// facts in SQL (migration 0031: agenda_facts, agenda_item_facts,
// paper_facts).
func (a Access) Agenda(status AgendaStatus) Access {
	if status == AgendaPublished {
		a.Stage = Published
	}
	return a
}

// Planned is the access of a record as the forward plan shows it, before
// its agenda is published: for the committee's members, who prepare for
// the meeting, as circulated minutes are (and still withheld above their
// level); a published agenda's as published. The forward plan itself is
// for the members (CanReadForwardPlan).
func (a Access) Planned() Access {
	if a.Stage == Draft {
		a.Stage = Circulated
	}
	return a
}

// CanReadAgenda reports whether the reader may read the meeting's agenda:
// the reading rule over the meeting's facts at the agenda's stage. Its
// items and papers are each decided by the same rule over their own
// (AgendaItem.Access, Paper.Access): one above the reader's level is
// listed as withheld, never shown or served.
func (r *Reader) CanReadAgenda(m *Meeting, status AgendaStatus, recorded bool) bool {
	return r.CanAccess(m.Access().Agenda(status), recorded)
}

// PaperWithheld reports whether a paper of an agenda the reader may read is
// above what they may read: it is listed as withheld, never served.
func (r *Reader) PaperWithheld(p *Paper, recorded bool) bool { return !r.CanAccess(p.Access, recorded) }

// CanReadForwardPlan reports whether the reader may see the committee's
// forward plan, the items planned for its coming meetings before their
// agendas are published: its members and secretariat, who prepare for
// them. Each planned item is still withheld above the reader's level.
func (r *Reader) CanReadForwardPlan(committeeID int64) bool { return r.Member(committeeID) }
