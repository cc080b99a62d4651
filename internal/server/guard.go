package server

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/go-chi/chi/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
	"github.com/minutebook/minutebook/internal/postgres"
)

// The guards: every handler loads the records its URL names through one of
// these, which also refuses a reader who may not do what the route does.
// A guard is named for what the reader may do with the record it returns:
// readableMeeting (may read its minutes), secretariatMeeting (runs its
// committee's secretariat), editableMeeting (may change its minutes now),
// and so on. A record that lives inside another (an item in a meeting, a
// risk in a committee's register) is loaded by <record>In(r, parent),
// which checks that it does belong there. A record the reader may not read
// is not found, rather than forbidden, so that its existence is not given
// away; a record the reader may read but not change is forbidden.

// committee is the committee named by {code}, for a route open to every
// reader of it (the public site, the API) or guarded by its middleware
// (administrators).
func (s *Server) committee(r *http.Request) (*mb.Committee, error) {
	return s.store.CommitteeByCode(r.Context(), chi.URLParam(r, "code"))
}

// secretariatCommittee is the committee named by {code}, for its
// secretariat only; doing words what others are refused ("do that",
// "import minutes").
func (s *Server) secretariatCommittee(r *http.Request, doing string) (*mb.Committee, error) {
	c, err := s.committee(r)
	if err != nil {
		return nil, err
	}
	if !reader(r).CanEditMeeting(c.ID) {
		return nil, mb.Errorf(mb.EFORBIDDEN, "Only the %s secretariat may %s.", c.Code, doing)
	}
	return c, nil
}

// readableRiskRegister is the committee named by {code}, for the readers
// of its risk register: its members and secretariat and the chair and
// secretariat of the bodies above it.
func (s *Server) readableRiskRegister(r *http.Request) (*mb.Committee, error) {
	c, err := s.committee(r)
	if err != nil {
		return nil, err
	}
	if !reader(r).CanReadRisks(c.ID) {
		return nil, mb.Errorf(mb.EFORBIDDEN, "The %s risk register is for its members, its secretariat and the bodies above it.", c.Code)
	}
	return c, nil
}

// editableRiskRegister is the committee named by {code}, for a change to
// its risk register, which only its secretariat may make.
func (s *Server) editableRiskRegister(r *http.Request) (*mb.Committee, error) {
	c, err := s.committee(r)
	if err != nil {
		return nil, err
	}
	if !reader(r).CanEditRisks(c.ID) {
		return nil, mb.Errorf(mb.EFORBIDDEN, "Only the %s secretariat may change its risk register.", c.Code)
	}
	return c, nil
}

// readableEscalations is the body named by {code}, for the readers of what
// is escalated to it: its chair and secretariat, those above it, and
// administrators.
func (s *Server) readableEscalations(r *http.Request) (*mb.Committee, error) {
	body, err := s.committee(r)
	if err != nil {
		return nil, err
	}
	if !reader(r).CanReadEscalations(body.ID) {
		return nil, mb.Errorf(mb.EFORBIDDEN, "What is escalated to %s is for its chair and secretariat.", body.Code)
	}
	return body, nil
}

// readableMeeting is the meeting named by {code} and {number}, as long as
// the reader may read its minutes, and whether the reader was recorded
// present at it (which admits them to its RED material), asked once for
// the check and the page.
func (s *Server) readableMeeting(r *http.Request) (*mb.Meeting, bool, error) {
	m, recorded, err := s.meetingInURL(r)
	if err != nil {
		return nil, false, err
	}
	if !reader(r).CanReadMinutes(m, recorded) {
		return nil, false, mb.Errorf(mb.ENOTFOUND, "There is no such meeting.")
	}
	return m, recorded, nil
}

// meetingInURL is the meeting named by {code} and {number}, and whether
// the reader was recorded present at it, before any check of what the
// reader may read of it: for the guards alone.
func (s *Server) meetingInURL(r *http.Request) (*mb.Meeting, bool, error) {
	n, err := strconv.Atoi(chi.URLParam(r, "number"))
	if err != nil {
		return nil, false, mb.Errorf(mb.ENOTFOUND, "There is no such meeting.")
	}
	m, err := s.store.MeetingByNumber(r.Context(), chi.URLParam(r, "code"), n)
	if err != nil {
		return nil, false, err
	}
	rd := reader(r)
	recorded := false
	if rd.SignedIn() {
		if recorded, err = s.store.Recorded(r.Context(), rd.User.PersonID, m.ID); err != nil {
			return nil, false, err
		}
	}
	return m, recorded, nil
}

// readableMinutes is readableMeeting with its minutes as the reader may
// read them (the store's MinutesFor: withheld items, and the actions
// outstanding the reader may read), for the files that show the whole
// document.
func (s *Server) readableMinutes(r *http.Request) (*mb.Meeting, *mb.Minutes, bool, error) {
	m, recorded, err := s.readableMeeting(r)
	if err != nil {
		return nil, nil, false, err
	}
	doc, err := s.store.MinutesFor(r.Context(), reader(r), m, recorded)
	if err != nil {
		return nil, nil, false, err
	}
	return m, doc, recorded, nil
}

// historyMeeting is readableMeeting for the readers of the minutes'
// stored versions: the committee's members and secretariat.
func (s *Server) historyMeeting(r *http.Request) (*mb.Meeting, bool, error) {
	m, recorded, err := s.readableMeeting(r)
	if err != nil {
		return nil, false, err
	}
	if !reader(r).CanReadHistory(m, recorded) {
		return nil, false, mb.Errorf(mb.ENOTFOUND, "There is no such meeting.")
	}
	return m, recorded, nil
}

// memberMeeting is readableMeeting for the committee's members, who
// comment on its draft minutes (recorded: whether the reader was recorded
// at the meeting).
func (s *Server) memberMeeting(r *http.Request) (*mb.Meeting, bool, error) {
	m, recorded, err := s.readableMeeting(r)
	if err != nil {
		return nil, false, err
	}
	if !reader(r).Member(m.CommitteeID) {
		return nil, false, mb.Errorf(mb.EFORBIDDEN, "Only the committee's members may comment on its draft minutes.")
	}
	return m, recorded, nil
}

// secretariatMeeting is the meeting in the URL, for its committee's
// secretariat only.
func (s *Server) secretariatMeeting(r *http.Request) (*mb.Meeting, error) {
	if _, err := s.secretariatCommittee(r, "do that"); err != nil {
		return nil, err
	}
	m, _, err := s.readableMeeting(r)
	return m, err
}

// editableMeeting is secretariatMeeting while its minutes may change:
// approved minutes need a correction opened first.
func (s *Server) editableMeeting(r *http.Request) (*mb.Meeting, error) {
	m, err := s.secretariatMeeting(r)
	if err != nil {
		return nil, err
	}
	if m.Locked() {
		return nil, mb.Errorf(mb.ECONFLICT, "The minutes of %s are %s and can no longer be changed. Open a correction to change them.", m.ShortName(), m.Status.Label())
	}
	return m, nil
}

// reviewableMeeting is secretariatMeeting while the meeting may still
// review the committee's actions: not once its minutes are approved or
// published, even with a correction open.
func (s *Server) reviewableMeeting(r *http.Request) (*mb.Meeting, error) {
	m, err := s.secretariatMeeting(r)
	if err != nil {
		return nil, err
	}
	if m.Status == mb.Approved || m.Status == mb.Published {
		return nil, mb.Errorf(mb.ECONFLICT, "The minutes of %s are %s and no longer change: review the actions at a later meeting.", m.ShortName(), m.Status)
	}
	return m, nil
}

// editableItem is the item named by {item} in an editableMeeting.
func (s *Server) editableItem(r *http.Request) (*mb.Meeting, *mb.Item, error) {
	m, err := s.editableMeeting(r)
	if err != nil {
		return nil, nil, err
	}
	it, err := s.itemIn(r, m)
	return m, it, err
}

// editableDecision is the decision named by {decision}, with its item, in
// an editableMeeting.
func (s *Server) editableDecision(r *http.Request) (*mb.Meeting, *mb.Decision, *mb.Item, error) {
	m, err := s.editableMeeting(r)
	if err != nil {
		return nil, nil, nil, err
	}
	d, it, err := s.decisionIn(r, m)
	return m, d, it, err
}

// editableRaisedAction is the action named by {action}, with the item that
// raised it, in an editableMeeting.
func (s *Server) editableRaisedAction(r *http.Request) (*mb.Meeting, *mb.Action, *mb.Item, error) {
	m, err := s.editableMeeting(r)
	if err != nil {
		return nil, nil, nil, err
	}
	a, it, err := s.raisedActionIn(r, m)
	return m, a, it, err
}

// itemIn is the item named by {item}, which must belong to the meeting.
func (s *Server) itemIn(r *http.Request, m *mb.Meeting) (*mb.Item, error) {
	id, err := urlID(r, "item", "agenda item")
	if err != nil {
		return nil, err
	}
	it, err := s.store.Item(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if it.MeetingID != m.ID {
		return nil, mb.Errorf(mb.ENOTFOUND, "There is no such agenda item.")
	}
	return it, nil
}

// decisionIn is the decision named by {decision} with its item, which must
// belong to the meeting.
func (s *Server) decisionIn(r *http.Request, m *mb.Meeting) (*mb.Decision, *mb.Item, error) {
	id, err := urlID(r, "decision", "decision")
	if err != nil {
		return nil, nil, err
	}
	d, err := s.store.Decision(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	it, err := s.holdingItem(r, m, d.ItemID, "decision")
	return d, it, err
}

// holdingItem is the item that holds a record (a decision, a declaration)
// named in the URL, which must be an item of the meeting; what names the
// record for the refusal.
func (s *Server) holdingItem(r *http.Request, m *mb.Meeting, itemID int64, what string) (*mb.Item, error) {
	it, err := s.store.Item(r.Context(), itemID)
	if err != nil {
		return nil, err
	}
	if it.MeetingID != m.ID {
		return nil, mb.Errorf(mb.ENOTFOUND, "There is no such %s.", what)
	}
	return it, nil
}

// editableDeclaration is the declaration of interest named by
// {declaration}, with its item, in an editableMeeting.
func (s *Server) editableDeclaration(r *http.Request) (*mb.Meeting, *mb.Declaration, *mb.Item, error) {
	m, err := s.editableMeeting(r)
	if err != nil {
		return nil, nil, nil, err
	}
	d, it, err := s.declarationIn(r, m)
	return m, d, it, err
}

// declarationIn is the declaration named by {declaration} with its item,
// which must belong to the meeting.
func (s *Server) declarationIn(r *http.Request, m *mb.Meeting) (*mb.Declaration, *mb.Item, error) {
	id, err := urlID(r, "declaration", "declaration")
	if err != nil {
		return nil, nil, err
	}
	d, err := s.store.Declaration(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	it, err := s.holdingItem(r, m, d.ItemID, "declaration")
	return d, it, err
}

// signableMeeting is readableMeeting with its committee, for the person who
// signs its approved minutes: the one its rules name, or else its chair.
func (s *Server) signableMeeting(r *http.Request) (*mb.Meeting, *mb.Committee, error) {
	m, _, err := s.readableMeeting(r)
	if err != nil {
		return nil, nil, err
	}
	c, err := s.store.Committee(r.Context(), m.CommitteeID)
	if err != nil {
		return nil, nil, err
	}
	if !reader(r).CanSign(c) {
		who := "the chair"
		if c.Rules.SignatoryID != nil {
			who = c.Rules.SignatoryName
		}
		return nil, nil, mb.Errorf(mb.EFORBIDDEN, "Only %s signs the approved minutes of %s.", who, c.Code)
	}
	return m, c, nil
}

// readableInterests is the committee named by {code}, for the readers of
// its register of interests: whoever its classification (AMBER unless the
// committee publishes it) admits.
func (s *Server) readableInterests(r *http.Request) (*mb.Committee, error) {
	c, err := s.committee(r)
	if err != nil {
		return nil, err
	}
	rd := reader(r)
	if !rd.CanReadInterests(c) {
		if !rd.SignedIn() {
			return nil, mb.Errorf(mb.EUNAUTHORIZED, "Sign in to read the %s register of interests.", c.Code)
		}
		return nil, mb.Errorf(mb.EFORBIDDEN, "The %s register of interests is classified %s: %s.", c.Code, c.Rules.InterestsLevel, c.Rules.InterestsLevel.Audience())
	}
	return c, nil
}

// raisedActionIn is the action named by {action} with the item that raised
// it, which must be an item of the meeting.
func (s *Server) raisedActionIn(r *http.Request, m *mb.Meeting) (*mb.Action, *mb.Item, error) {
	id, err := urlID(r, "action", "action")
	if err != nil {
		return nil, nil, err
	}
	a, err := s.store.Action(r.Context(), id)
	if err != nil {
		return nil, nil, err
	}
	if a.RaisedMeetingID == nil || *a.RaisedMeetingID != m.ID || a.ItemID == nil {
		return nil, nil, mb.Errorf(mb.ENOTFOUND, "There is no such action in these minutes.")
	}
	it, err := s.store.Item(r.Context(), *a.ItemID)
	if err != nil {
		return nil, nil, err
	}
	return a, it, nil
}

// commentIn is the comment named by {comment}, which must be on the meeting.
func (s *Server) commentIn(r *http.Request, m *mb.Meeting) (*mb.Comment, error) {
	id, err := urlID(r, "comment", "comment")
	if err != nil {
		return nil, err
	}
	c, err := s.store.Comment(r.Context(), id)
	if err != nil {
		return nil, err
	}
	if c.MeetingID != m.ID {
		return nil, mb.Errorf(mb.ENOTFOUND, "There is no such comment.")
	}
	return c, nil
}

// readableAction is the action named by {code}, {meeting} and {sequence}
// with its events, if the reader may read it (the notes the reader may not
// read withheld); otherwise it is not found.
func (s *Server) readableAction(r *http.Request) (*mb.Action, error) {
	meeting, err1 := strconv.Atoi(chi.URLParam(r, "meeting"))
	seq, err2 := strconv.Atoi(chi.URLParam(r, "sequence"))
	if err1 != nil || err2 != nil {
		return nil, mb.Errorf(mb.ENOTFOUND, "There is no such action.")
	}
	return s.store.ActionFor(r.Context(), reader(r), chi.URLParam(r, "code"), meeting, seq)
}

// editableAction is readableAction for its committee's secretariat, who
// record its updates, revisions and closure.
func (s *Server) editableAction(r *http.Request) (*mb.Action, error) {
	a, err := s.readableAction(r)
	if err != nil {
		return nil, err
	}
	if !reader(r).CanEditMeeting(a.CommitteeID) {
		return nil, mb.Errorf(mb.EFORBIDDEN, "Only the %s secretariat may change its actions.", a.CommitteeCode)
	}
	return a, nil
}

// riskIn is the risk named by {ref} in the committee's register.
func (s *Server) riskIn(r *http.Request, c *mb.Committee) (*mb.Risk, error) {
	return s.store.RiskByReference(r.Context(), c.ID, chi.URLParam(r, "ref"))
}

// pendingImportIn is the upload named by {token} into the committee, with
// the document as read: the reader's own, for an upload is its uploader's
// alone.
func (s *Server) pendingImportIn(r *http.Request, c *mb.Committee) (*postgres.PendingImport, *minutesimport.Document, error) {
	p, err := s.store.PendingImport(r.Context(), c.ID, chi.URLParam(r, "token"), reader(r).User.ID)
	if err != nil {
		return nil, nil, err
	}
	var doc minutesimport.Document
	if err := json.Unmarshal(p.Document, &doc); err != nil {
		return nil, nil, err
	}
	return p, &doc, nil
}

// ownPendingImport is pendingImportIn the committee named by {code}, for
// its secretariat.
func (s *Server) ownPendingImport(r *http.Request) (*mb.Committee, *postgres.PendingImport, *minutesimport.Document, error) {
	c, err := s.secretariatCommittee(r, "import minutes")
	if err != nil {
		return nil, nil, nil, err
	}
	p, doc, err := s.pendingImportIn(r, c)
	return c, p, doc, err
}

// readableAgenda is the meeting named by {code} and {number} with its
// agenda (items and papers, nothing withheld yet: see agendaView), as long
// as the reader may read the agenda (mb.Reader.CanReadAgenda), and whether
// the reader was recorded present at the meeting.
func (s *Server) readableAgenda(r *http.Request) (*mb.Agenda, bool, error) {
	m, recorded, err := s.meetingInURL(r)
	if err != nil {
		return nil, false, err
	}
	a, err := s.store.AgendaState(r.Context(), m)
	if err != nil {
		return nil, false, err
	}
	if !reader(r).CanReadAgenda(m, a.Status, recorded) {
		return nil, false, mb.Errorf(mb.ENOTFOUND, "There is no agenda for %s.", m.ShortName())
	}
	return a, recorded, s.store.AgendaContents(r.Context(), a)
}

// editableAgendaItem is the item named by {item} with what the agenda says
// of it, in an editableMeeting.
func (s *Server) editableAgendaItem(r *http.Request) (*mb.Meeting, *mb.AgendaItem, error) {
	m, err := s.editableMeeting(r)
	if err != nil {
		return nil, nil, err
	}
	id, err := urlID(r, "item", "agenda item")
	if err != nil {
		return nil, nil, err
	}
	ai, err := s.store.AgendaItem(r.Context(), m.ID, id)
	return m, ai, err
}

// readablePaper is the paper named by {paper} of the meeting, with every
// version, when the reader may read it (the reading rule over the paper's
// own facts, which are within its agenda's): a withheld paper is listed on
// the agenda, never served, so here it is not found.
func (s *Server) readablePaper(r *http.Request) (*mb.Paper, error) {
	m, recorded, err := s.meetingInURL(r)
	if err != nil {
		return nil, err
	}
	p, err := s.paperIn(r, m)
	if err != nil {
		return nil, err
	}
	if reader(r).PaperWithheld(p, recorded) {
		return nil, mb.Errorf(mb.ENOTFOUND, "There is no such paper.")
	}
	return p, nil
}

// editablePaper is the paper named by {paper} in an editableMeeting.
func (s *Server) editablePaper(r *http.Request) (*mb.Meeting, *mb.Paper, error) {
	m, err := s.editableMeeting(r)
	if err != nil {
		return nil, nil, err
	}
	p, err := s.paperIn(r, m)
	return m, p, err
}

// paperIn is the paper named by {paper}, which must be one of the meeting's.
func (s *Server) paperIn(r *http.Request, m *mb.Meeting) (*mb.Paper, error) {
	id, err := urlID(r, "paper", "paper")
	if err != nil {
		return nil, err
	}
	return s.store.PaperIn(r.Context(), m.ID, id)
}

// readableForwardPlan is the committee named by {code}, for the readers of
// its forward plan: its members and secretariat.
func (s *Server) readableForwardPlan(r *http.Request) (*mb.Committee, error) {
	c, err := s.committee(r)
	if err != nil {
		return nil, err
	}
	if !reader(r).CanReadForwardPlan(c.ID) {
		return nil, mb.Errorf(mb.EFORBIDDEN, "The %s forward plan is for its members and secretariat.", c.Code)
	}
	return c, nil
}

// committeePerson is the person named by {id} among the people of the
// committee named by {code}, for its secretariat (and administrators), who
// put its people right.
func (s *Server) committeePerson(r *http.Request) (*mb.Committee, *mb.Person, error) {
	c, err := s.secretariatCommittee(r, "put its people right")
	if err != nil {
		return nil, nil, err
	}
	id, err := urlID(r, "id", "person")
	if err != nil {
		return nil, nil, err
	}
	p, err := s.store.CommitteePerson(r.Context(), c.ID, id)
	return c, p, err
}

// user is the account named by {id}, for the administrators' routes.
func (s *Server) user(r *http.Request) (*mb.User, error) {
	id, err := urlID(r, "id", "user")
	if err != nil {
		return nil, err
	}
	return s.store.User(r.Context(), id)
}

// urlID reads the id in the URL parameter; what names the record for the
// message when the parameter is not an id.
func urlID(r *http.Request, param, what string) (int64, error) {
	id, err := strconv.ParseInt(chi.URLParam(r, param), 10, 64)
	if err != nil {
		return 0, mb.Errorf(mb.ENOTFOUND, "There is no such %s.", what)
	}
	return id, nil
}
