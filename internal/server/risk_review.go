package server

import (
	"context"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/web"
)

// defaultRiskItemTitle is offered for a new item when a meeting has none
// about risks, in the model document's words.
const defaultRiskItemTitle = "Risk Register – Progress Report"

// riskReviewState is what the review page shows: the meeting, the open
// risks, the items, and the reviews already recorded.
type riskReviewState struct {
	c        *mb.Committee
	m        *mb.Meeting
	open     []*mb.Risk
	items    []mb.Item
	recorded []mb.RiskReview
}

// loadRiskReview loads the page's state for the secretariat of {code}.
func (s *Server) loadRiskReview(r *http.Request) (*riskReviewState, error) {
	c, err := s.editableRiskRegister(r)
	if err != nil {
		return nil, err
	}
	m, _, err := s.readableMeeting(r)
	if err != nil {
		return nil, err
	}
	st := &riskReviewState{c: c, m: m}
	ctx := r.Context()
	if st.open, err = s.store.Risks(ctx, mb.RiskFilter{CommitteeID: &c.ID, Status: mb.RiskOpen}); err != nil {
		return nil, err
	}
	if st.items, err = s.store.ItemChoices(ctx, m.ID); err != nil {
		return nil, err
	}
	if st.recorded, err = s.store.RiskReviewsAt(ctx, m.ID); err != nil {
		return nil, err
	}
	return st, nil
}

// defaultItem is the item to offer: the one that already holds the
// meeting's reviews, else one whose title mentions risk, else a new one.
func (st *riskReviewState) defaultItem() string {
	for _, v := range st.recorded {
		if v.ItemID != nil {
			return strconv.FormatInt(*v.ItemID, 10)
		}
	}
	for _, it := range st.items {
		if strings.Contains(strings.ToLower(it.Title), "risk") {
			return strconv.FormatInt(it.ID, 10)
		}
	}
	return "new"
}

// page builds the view; forms not given start from what is recorded.
func (st *riskReviewState) page(s *Server, r *http.Request, review *form.RiskReview, escalate, withdraw *form.RiskDecision) web.RiskReviewPage {
	item := st.defaultItem()
	if review == nil {
		review = &form.RiskReview{Item: item, NewItem: defaultRiskItemTitle, Errors: form.Errors{}}
		recorded := map[int64]mb.RiskReview{}
		for _, v := range st.recorded {
			recorded[v.RiskID] = v
		}
		for _, x := range st.open {
			row := form.RiskReviewRow{RiskID: x.ID, Likelihood: strconv.Itoa(x.Likelihood), Impact: strconv.Itoa(x.Impact)}
			if v, ok := recorded[x.ID]; ok {
				row = form.RiskReviewRow{RiskID: x.ID, Reviewed: true, Likelihood: strconv.Itoa(v.Likelihood), Impact: strconv.Itoa(v.Impact), Comment: v.Comment}
			}
			review.Rows = append(review.Rows, row)
		}
	}
	offered := mb.OfferedForEscalation(st.open, st.c.EscalationThreshold)
	if escalate == nil {
		// Offer ticked the risks reviewed at this meeting.
		escalate = &form.RiskDecision{Prefix: "escalate_", Item: item, NewItem: defaultRiskItemTitle, Errors: form.Errors{}}
		for _, v := range st.recorded {
			escalate.Risks = append(escalate.Risks, strconv.FormatInt(v.RiskID, 10))
		}
	}
	if withdraw == nil {
		withdraw = &form.RiskDecision{Prefix: "withdraw_", Item: item, NewItem: defaultRiskItemTitle, Errors: form.Errors{}}
	}
	var escalated []*mb.Risk
	for _, x := range st.open {
		if x.OpenEscalation() != nil {
			escalated = append(escalated, x)
		}
	}
	// Those flagged below the threshold come first: they await a decision.
	sort.SliceStable(escalated, func(i, j int) bool {
		return escalated[i].OpenEscalation().BelowThreshold() && !escalated[j].OpenEscalation().BelowThreshold()
	})
	items := web.Options(st.items, func(it mb.Item) web.Option { return web.ItemOption(&it) })
	return web.RiskReviewPage{
		Chrome:    s.chrome(r, "Risk register at "+st.m.ShortName(), "committees"),
		Committee: st.c, Meeting: st.m, Open: st.open, Items: items,
		Locked: st.m.Status == mb.Approved || st.m.Status == mb.Published,
		Review: review, Offered: offered, Escalate: escalate, Escalated: escalated, Withdraw: withdraw,
		Recorded: st.recorded,
	}
}

// handleRiskReviewPage serves GET /committees/{code}/meetings/{number}/risks.
func (s *Server) handleRiskReviewPage(w http.ResponseWriter, r *http.Request) error {
	st, err := s.loadRiskReview(r)
	if err != nil {
		return err
	}
	var review *form.RiskReview
	err = s.restoreDraft(r, func(dr *http.Request) (err error) {
		review, err = form.ParseRiskReview(dr, st.openIDs())
		return err
	})
	if err != nil {
		return err
	}
	p := st.page(s, r, review, nil, nil)
	if p.Draft, err = s.draftNotice(r, web.RiskReviewPath(st.m.CommitteeCode, st.m.Number)); err != nil {
		return err
	}
	return s.page(w, r, web.RiskReview(p))
}

// openIDs are the ids of the open risks the review form holds, in order.
func (st *riskReviewState) openIDs() []int64 {
	ids := make([]int64, len(st.open))
	for i, x := range st.open {
		ids[i] = x.ID
	}
	return ids
}

// handleRiskReviewSave serves POST /committees/{code}/meetings/{number}/risks:
// the reviews of every ticked risk, in one transaction.
func (s *Server) handleRiskReviewSave(w http.ResponseWriter, r *http.Request) error {
	st, err := s.loadRiskReview(r)
	if err != nil {
		return err
	}
	refs := map[int64]string{}
	for _, x := range st.open {
		refs[x.ID] = x.Reference
	}
	f, err := form.ParseRiskReview(r, st.openIDs())
	if err != nil {
		return err
	}
	inputs := f.Inputs(refs)
	itemID, newItem := form.ItemChoice(f.Item, f.NewItem, "item", f.Errors)
	if len(f.Errors) > 0 {
		s.render(w, r, http.StatusUnprocessableEntity, web.RiskReview(st.page(s, r, f, nil, nil)))
		return nil
	}
	_, err = s.store.RecordReviews(r.Context(), postgres.ReviewSet{MeetingID: st.m.ID, ItemID: itemID, NewItemTitle: newItem, Reviews: inputs})
	if err != nil {
		if status, ok := formFailed(err); ok {
			f.Errors.Merge(err)
			s.render(w, r, status, web.RiskReview(st.page(s, r, f, nil, nil)))
			return nil
		}
		return err
	}
	msg := mb.CountWord(len(inputs)) + " risks reviewed at " + st.m.ShortName() + "."
	if len(inputs) == 1 {
		msg = "One risk reviewed at " + st.m.ShortName() + "."
	}
	return s.redirect(w, r, web.RiskReviewPath(st.m.CommitteeCode, st.m.Number), strings.ToUpper(msg[:1])+msg[1:])
}

// handleRiskEscalate serves POST /committees/{code}/meetings/{number}/risks/escalate.
func (s *Server) handleRiskEscalate(w http.ResponseWriter, r *http.Request) error {
	return s.riskDecision(w, r, "escalate_", s.store.EscalateRisks)
}

// handleRiskWithdraw serves POST /committees/{code}/meetings/{number}/risks/withdraw.
func (s *Server) handleRiskWithdraw(w http.ResponseWriter, r *http.Request) error {
	return s.riskDecision(w, r, "withdraw_", s.store.WithdrawEscalations)
}

// riskDecision records an escalation or a withdrawal as a decision of the
// meeting, sending the form back with its messages when it cannot.
func (s *Server) riskDecision(w http.ResponseWriter, r *http.Request, prefix string,
	record func(context.Context, postgres.EscalationSet) (*mb.Decision, error)) error {
	st, err := s.loadRiskReview(r)
	if err != nil {
		return err
	}
	f, err := form.ParseRiskDecision(r, prefix)
	if err != nil {
		return err
	}
	ids := f.RiskIDs()
	itemID, newItem := form.ItemChoice(f.Item, f.NewItem, prefix+"item", f.Errors)
	back := func(status int) error {
		if prefix == "escalate_" {
			s.render(w, r, status, web.RiskReview(st.page(s, r, nil, f, nil)))
		} else {
			s.render(w, r, status, web.RiskReview(st.page(s, r, nil, nil, f)))
		}
		return nil
	}
	if len(f.Errors) > 0 {
		return back(http.StatusUnprocessableEntity)
	}
	d, err := record(r.Context(), postgres.EscalationSet{MeetingID: st.m.ID, ItemID: itemID, NewItemTitle: newItem, RiskIDs: ids, Reason: f.Reason})
	if err != nil {
		if status, ok := formFailed(err); ok {
			f.MergePrefixed(err)
			return back(status)
		}
		return err
	}
	return s.redirect(w, r, web.RiskReviewPath(st.m.CommitteeCode, st.m.Number), "Recorded: “"+mb.DecisionSentence(st.c.Code, *d)+"”")
}
