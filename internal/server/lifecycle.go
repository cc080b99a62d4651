package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/web"
)

// lifecycleDone answers a transition: back to the minutes with a flash, or
// with the refusal as the flash when the move no longer applies.
func (s *Server) lifecycleDone(w http.ResponseWriter, r *http.Request, m *mb.Meeting, err error, done string) error {
	return s.doneOrRefused(w, r, web.MeetingPath(m.CommitteeCode, m.Number), err, done, mb.ECONFLICT)
}

// confirmTransition asks the secretariat to confirm a move of the minutes
// to status, saying who will be able to read them.
func (s *Server) confirmTransition(w http.ResponseWriter, r *http.Request, m *mb.Meeting, status mb.MinutesStatus, p web.ConfirmTransitionPage) error {
	members, err := s.membersToday(r, m.CommitteeID)
	if err != nil {
		return err
	}
	p.Meeting, p.Audience, p.Members = m, mb.MinutesAudience(m, status), members
	return s.page(w, r, web.ConfirmTransition(p))
}

// membersToday counts the committee's members today, whom a confirmation
// names among those who will read the minutes.
func (s *Server) membersToday(r *http.Request, committeeID int64) (int, error) {
	today := s.clock.Today()
	list, err := s.store.Memberships(r.Context(), mb.MembershipFilter{CommitteeID: &committeeID, ActiveOn: &today})
	return len(list), err
}

// handleCirculateConfirm serves GET /committees/{code}/meetings/{number}/circulate.
func (s *Server) handleCirculateConfirm(w http.ResponseWriter, r *http.Request) error {
	m, err := s.secretariatMeeting(r)
	if err != nil {
		return err
	}
	if m.Status != mb.Draft {
		return mb.Errorf(mb.ECONFLICT, "Only draft minutes can be circulated; these are %s.", m.Status.Label())
	}
	doc, err := s.store.MinutesOf(r.Context(), m)
	if err != nil {
		return err
	}
	inquorate := mb.JudgeQuorum(doc).InquorateDecisions()
	button := "Circulate the draft"
	if len(inquorate) > 0 {
		button = "Circulate the draft anyway"
	}
	return s.confirmTransition(w, r, m, mb.Circulated, web.ConfirmTransitionPage{
		Chrome: s.chrome(r, "Circulate the draft minutes of "+m.ShortName()+"?", "committees"),
		Move:   "circulate", Action: web.CirculatePath(m.CommitteeCode, m.Number), Button: button,
		Consequence:  "Members can then comment on each item until the minutes are approved; a version of the draft as it stands is kept.",
		AsksDeadline: true, Inquorate: inquorate,
	})
}

// handlePublishConfirm serves GET /committees/{code}/meetings/{number}/publish.
func (s *Server) handlePublishConfirm(w http.ResponseWriter, r *http.Request) error {
	m, err := s.secretariatMeeting(r)
	if err != nil {
		return err
	}
	if m.Status != mb.Approved || m.CorrectionReason != "" {
		return mb.Errorf(mb.ECONFLICT, "Only approved minutes with no correction open can be published; these are %s.", m.Status.Label())
	}
	consequence := "The minutes stay where they are for those who read them now."
	if m.Classification == mb.Clear {
		consequence = "They appear on the public site and in its feed, for anyone to read and copy."
	}
	return s.confirmTransition(w, r, m, mb.Published, web.ConfirmTransitionPage{
		Chrome: s.chrome(r, "Publish the minutes of "+m.ShortName()+"?", "committees"),
		Move:   "publish", Action: web.PublishPath(m.CommitteeCode, m.Number), Button: "Publish the minutes", Consequence: consequence,
	})
}

// handleCirculate serves POST /committees/{code}/meetings/{number}/circulate.
func (s *Server) handleCirculate(w http.ResponseWriter, r *http.Request) error {
	m, err := s.secretariatMeeting(r)
	if err != nil {
		return err
	}
	due, err := form.ParseCirculation(r)
	if err != nil {
		return s.doneOrRefused(w, r, web.MeetingPath(m.CommitteeCode, m.Number), err, "", mb.EINVALID)
	}
	// Decisions taken while the meeting was inquorate are for the
	// secretariat to see before the members do: the page warns, and
	// circulating asks to be confirmed.
	if r.PostFormValue("inquorate") != "acknowledged" {
		doc, err := s.store.MinutesOf(r.Context(), m)
		if err != nil {
			return err
		}
		if items := mb.JudgeQuorum(doc).InquorateDecisions(); len(items) > 0 {
			return s.lifecycleDone(w, r, m, mb.Errorf(mb.ECONFLICT, "%s", web.InquorateWarning(items)+" To circulate it as it is, confirm on the page."), "")
		}
	}
	done := "The draft minutes of " + m.ShortName() + " are circulated to the committee's members for comment."
	if due != nil {
		done = "The draft minutes of " + m.ShortName() + " are circulated to the committee's members for comment by " + due.Format("2 January 2006") + "."
	}
	return s.doneOrRefused(w, r, web.MeetingPath(m.CommitteeCode, m.Number), s.store.CirculateUntil(r.Context(), m.ID, due), done, mb.ECONFLICT, mb.EINVALID)
}

// handlePublish serves POST /committees/{code}/meetings/{number}/publish.
func (s *Server) handlePublish(w http.ResponseWriter, r *http.Request) error {
	m, err := s.secretariatMeeting(r)
	if err != nil {
		return err
	}
	return s.lifecycleDone(w, r, m, s.store.Publish(r.Context(), m.ID), "The minutes of "+m.ShortName()+" are published.")
}

func (s *Server) renderApproveForm(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, f *form.Approval) error {
	p := web.ApproveFormPage{Form: f}
	list, err := s.store.Meetings(r.Context(), mb.MeetingFilter{CommitteeID: &m.CommitteeID})
	if err != nil {
		return err
	}
	// Later meetings whose minutes can still take the decision, soonest first.
	for i := len(list) - 1; i >= 0; i-- {
		x := list[i]
		if x.ID != m.ID && (x.Date.After(m.Date) || (x.Date.Equal(m.Date) && x.Number > m.Number)) && !x.Locked() {
			p.Meetings = append(p.Meetings, web.Option{Value: strconv.FormatInt(x.ID, 10), Label: x.ShortName() + ", " + x.DateLabel()})
			if p.Form.ApprovedAt == "" {
				p.Form.ApprovedAt = strconv.FormatInt(x.ID, 10)
			}
		}
	}
	if id, err := strconv.ParseInt(p.Form.ApprovedAt, 10, 64); err == nil {
		items, err := s.store.Items(r.Context(), id)
		if err != nil {
			return err
		}
		p.Items = web.Options(items, web.ItemOption)
		for _, it := range items {
			if r.Method == http.MethodGet && p.Form.Item == "" && it.HoldsPreviousMinutes() {
				p.Form.Item = strconv.FormatInt(it.ID, 10)
			}
		}
	}
	members, err := s.membersToday(r, m.CommitteeID)
	if err != nil {
		return err
	}
	p.Audience, p.Members = mb.MinutesAudience(m, mb.Approved), members
	p.Schedule = web.MeetingNewAndBackPath(m.CommitteeCode, web.ApprovePath(m.CommitteeCode, m.Number))
	p.Chrome, p.Meeting = s.chrome(r, "Record the approval of "+m.ShortName(), "committees"), m
	s.render(w, r, status, web.ApproveForm(p))
	return nil
}

// handleApproveForm serves GET /committees/{code}/meetings/{number}/approve.
func (s *Server) handleApproveForm(w http.ResponseWriter, r *http.Request) error {
	m, err := s.secretariatMeeting(r)
	if err != nil {
		return err
	}
	if m.Status != mb.Circulated {
		return mb.Errorf(mb.ECONFLICT, "Only circulated minutes can be approved; these are %s.", m.Status.Label())
	}
	return s.renderApproveForm(w, r, http.StatusOK, m, &form.Approval{ApprovedAt: r.URL.Query().Get("approved_at"), Errors: form.Errors{}})
}

// handleApprove serves POST /committees/{code}/meetings/{number}/approve.
func (s *Server) handleApprove(w http.ResponseWriter, r *http.Request) error {
	m, err := s.secretariatMeeting(r)
	if err != nil {
		return err
	}
	f, err := form.ParseApproval(r)
	if err != nil {
		return err
	}
	at, item, ok := f.Choices()
	return saveForm(formSave{
		Converted: ok, Errors: f.Errors,
		Save: func() error {
			return s.store.Approve(r.Context(), postgres.Approval{MeetingID: m.ID, ApprovedAt: at, ItemID: item})
		},
		Back: func(status int, _ bool) error { return s.renderApproveForm(w, r, status, m, f) },
		Done: func() error {
			to := web.MeetingPath(m.CommitteeCode, m.Number)
			if back := r.PostFormValue("return"); back != "" {
				// Recorded from the approving meeting's own item: back there.
				to = sameSitePath(back)
			}
			return s.redirect(w, r, to, "The minutes of "+m.ShortName()+" are approved as final; the decision is recorded in the approving meeting's minutes.")
		},
	})
}

// handleCorrectionForm serves GET /committees/{code}/meetings/{number}/correction.
func (s *Server) handleCorrectionForm(w http.ResponseWriter, r *http.Request) error {
	m, err := s.secretariatMeeting(r)
	if err != nil {
		return err
	}
	return s.renderCorrectionForm(w, r, http.StatusOK, m, &form.Correction{Errors: form.Errors{}})
}

func (s *Server) renderCorrectionForm(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, f *form.Correction) error {
	s.render(w, r, status, web.CorrectionForm(web.CorrectionFormPage{
		Chrome: s.chrome(r, "Correct the minutes of "+m.ShortName(), "committees"), Meeting: m, Form: f,
	}))
	return nil
}

// handleCorrectionOpen serves POST /committees/{code}/meetings/{number}/correction.
func (s *Server) handleCorrectionOpen(w http.ResponseWriter, r *http.Request) error {
	m, err := s.secretariatMeeting(r)
	if err != nil {
		return err
	}
	f, err := form.ParseCorrection(r)
	if err != nil {
		return err
	}
	return saveForm(formSave{
		Converted: true, Errors: f.Errors,
		Save: func() error { return s.store.OpenCorrection(r.Context(), m.ID, f.Reason) },
		Back: func(status int, _ bool) error { return s.renderCorrectionForm(w, r, status, m, f) },
		Done: func() error {
			return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "A correction of "+m.ShortName()+" is open. Make the changes, then finish the correction.")
		},
	})
}

// handleCorrectionFinish serves POST /committees/{code}/meetings/{number}/correction/finish.
func (s *Server) handleCorrectionFinish(w http.ResponseWriter, r *http.Request) error {
	m, err := s.secretariatMeeting(r)
	if err != nil {
		return err
	}
	return s.lifecycleDone(w, r, m, s.store.FinishCorrection(r.Context(), m.ID), "The correction of "+m.ShortName()+" is stored as a new version.")
}
