package server

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// reviewRows lists the actions the review offers: the committee's open
// actions raised before the meeting, and any the form posted that have
// been closed meanwhile (so their row can say so).
func (s *Server) reviewRows(r *http.Request, m *mb.Meeting, posted []int64) ([]*mb.Action, error) {
	list, err := s.store.ActionsToReview(r.Context(), m.CommitteeID, m.Number)
	if err != nil {
		return nil, err
	}
	for _, id := range posted {
		if slices.ContainsFunc(list, func(a *mb.Action) bool { return a.ID == id }) {
			continue
		}
		a, err := s.store.Action(r.Context(), id)
		if mb.ErrorCode(err) == mb.ENOTFOUND {
			continue
		} else if err != nil {
			return nil, err
		}
		if a.CommitteeID == m.CommitteeID && a.MeetingNumber < m.Number {
			list = append(list, a)
		}
	}
	return list, nil
}

func (s *Server) renderReview(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, actions []*mb.Action, f *form.Review) error {
	table, err := s.store.ActionsOutstanding(r.Context(), m.ID)
	if err != nil {
		return err
	}
	notes := map[int64][]string{}
	p := web.ReviewPage{Chrome: s.chrome(r, "Review actions at "+m.ShortName(), "committees"), Meeting: m, Form: f, Errors: f.Errors}
	for _, row := range table {
		notes[row.Action.ID] = row.Notes
		if row.StatusAfter == mb.ActionClosed && row.Action.Status == mb.ActionClosed {
			p.Done = append(p.Done, row)
		}
	}
	// With many rows, a message names its action, in the summary and beside the field.
	p.Errors = form.Errors{}
	for k, v := range f.Errors {
		p.Errors[k] = v
	}
	for _, a := range actions {
		prefix := "a" + strconv.FormatInt(a.ID, 10) + "-"
		for k, v := range p.Errors {
			if strings.HasPrefix(k, prefix) {
				p.Errors[k] = a.Reference() + ": " + v
			}
		}
	}
	for i, a := range actions {
		p.Rows = append(p.Rows, web.ReviewRowView{Action: a, Row: f.Rows[i], Notes: notes[a.ID], Overdue: a.Overdue(m.Date), Slippage: mb.SlippageOf(a)})
	}
	if p.Draft, err = s.draftNotice(r, web.ActionsReviewPath(m.CommitteeCode, m.Number)); err != nil {
		return err
	}
	s.render(w, r, status, web.ActionsReview(p))
	return nil
}

// handleReviewForm serves GET /committees/{code}/meetings/{number}/actions/review.
func (s *Server) handleReviewForm(w http.ResponseWriter, r *http.Request) error {
	m, err := s.reviewableMeeting(r)
	if err != nil {
		return err
	}
	actions, err := s.reviewRows(r, m, nil)
	if err != nil {
		return err
	}
	f := &form.Review{Errors: form.Errors{}}
	for _, a := range actions {
		f.Rows = append(f.Rows, &form.ReviewRow{ActionID: a.ID, Version: strconv.Itoa(a.Version)})
	}
	err = s.restoreDraft(r, func(dr *http.Request) error {
		posted, err := form.PostedReviewActions(dr)
		if err != nil {
			return err
		}
		if actions, err = s.reviewRows(r, m, posted); err != nil {
			return err
		}
		f, err = form.ParseReview(dr, reviewIDs(actions))
		return err
	})
	if err != nil {
		return err
	}
	return s.renderReview(w, r, http.StatusOK, m, actions, f)
}

// handleReview serves POST /committees/{code}/meetings/{number}/actions/review:
// every change in one transaction, or none.
func (s *Server) handleReview(w http.ResponseWriter, r *http.Request) error {
	m, err := s.reviewableMeeting(r)
	if err != nil {
		return err
	}
	posted, err := form.PostedReviewActions(r)
	if err != nil {
		return err
	}
	actions, err := s.reviewRows(r, m, posted)
	if err != nil {
		return err
	}
	f, err := form.ParseReview(r, reviewIDs(actions))
	if err != nil {
		return err
	}
	changes := f.Changes()
	if len(f.Errors) > 0 {
		return s.renderReview(w, r, http.StatusUnprocessableEntity, m, actions, f)
	}
	if len(changes) == 0 {
		return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number)+"#"+web.OutstandingAnchor, "Nothing was recorded: no action had an update, a revised date or closure.")
	}
	if err := s.store.ReviewActions(r.Context(), m.ID, changes); err != nil {
		if status, ok := formFailed(err); ok {
			f.Errors.Merge(err)
			f.Errors[""] = mb.ErrorMessage(err) // "nothing was saved", above the rows' messages
			return s.renderReview(w, r, status, m, actions, f)
		}
		return err
	}
	return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number)+"#"+web.OutstandingAnchor, "Review of the actions saved: "+reviewSummary(changes)+".")
}

// reviewIDs are the ids of the actions the review form holds, in order.
func reviewIDs(actions []*mb.Action) []int64 {
	ids := make([]int64, len(actions))
	for i, a := range actions {
		ids[i] = a.ID
	}
	return ids
}

// reviewSummary counts what a review recorded: "2 closed, 1 revised".
func reviewSummary(changes []mb.ActionChange) string {
	n := map[mb.ActionEventKind]int{}
	for _, c := range changes {
		n[c.Kind]++
	}
	var parts []string
	for _, k := range []struct {
		kind mb.ActionEventKind
		word string
	}{{mb.ActionEventClosed, "closed"}, {mb.ActionEventRevised, "target revised"}, {mb.ActionEventUpdate, "updated"}} {
		if n[k.kind] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[k.kind], k.word))
		}
	}
	return strings.Join(parts, ", ")
}
