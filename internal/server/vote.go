package server

import (
	"net/http"
	"sort"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// voteForm is what the vote form of a decision offers: a fixed row for
// each voter present for the item, proxies from them for the absent
// members, and who may not be counted.
type voteForm struct {
	rows           []form.BallotRow
	names, members []string
	voters, absent []web.Option
	excluded       []string
	casting        bool
}

func idText(n int64) string { return strconv.FormatInt(n, 10) }

func (s *Server) voteChoices(r *http.Request, m *mb.Meeting, it *mb.Item) (*voteForm, error) {
	c, err := s.store.Committee(r.Context(), m.CommitteeID)
	if err != nil {
		return nil, err
	}
	e, err := s.store.Electorate(r.Context(), m, it)
	if err != nil {
		return nil, err
	}
	vf := &voteForm{casting: c.Rules.CastingVote}
	ids := make([]int64, 0, len(e.Voters))
	for id := range e.Voters {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return e.Voters[ids[i]].Name < e.Voters[ids[j]].Name })
	for _, id := range ids {
		v := e.Voters[id]
		row, name, member := form.BallotRow{Voter: idText(id), Member: idText(id)}, v.Name, ""
		if v.AlternateFor != 0 {
			row.Member, member = idText(v.AlternateFor), e.Name(v.AlternateFor)
			name += " (alternate)"
		}
		vf.rows, vf.names, vf.members = append(vf.rows, row), append(vf.names, name), append(vf.members, member)
		vf.voters = append(vf.voters, web.Option{Value: idText(id), Label: v.Name})
	}
	for id, name := range e.Absent {
		vf.absent = append(vf.absent, web.Option{Value: idText(id), Label: name})
	}
	sort.Slice(vf.absent, func(i, j int) bool { return vf.absent[i].Label < vf.absent[j].Label })
	for _, why := range e.Excluded {
		vf.excluded = append(vf.excluded, why)
	}
	sort.Strings(vf.excluded)
	return vf, nil
}

func (s *Server) renderVoteForm(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, it *mb.Item, d *mb.Decision, vf *voteForm, f *form.Vote) error {
	names, members := make([]string, len(f.Rows)), make([]string, len(f.Rows))
	copy(names, vf.names)
	copy(members, vf.members)
	s.render(w, r, status, web.VoteForm(web.VoteFormPage{
		Chrome: s.chrome(r, "Record the vote at "+m.ShortName(), "committees"), Meeting: m, Item: it, Decision: d, Form: f,
		Names: names, Members: members, Voters: vf.voters, Absent: vf.absent, Excluded: vf.excluded, CastingVote: vf.casting, HasVote: d.Vote != nil,
	}))
	return nil
}

// handleVoteForm serves GET /committees/{code}/meetings/{number}/decisions/{decision}/vote.
func (s *Server) handleVoteForm(w http.ResponseWriter, r *http.Request) error {
	m, d, it, err := s.editableDecision(r)
	if err != nil {
		return err
	}
	vf, err := s.voteChoices(r, m, it)
	if err != nil {
		return err
	}
	return s.renderVoteForm(w, r, http.StatusOK, m, it, d, vf, form.NewVote(d.Vote, vf.rows))
}

// handleVoteSave serves POST /committees/{code}/meetings/{number}/decisions/{decision}/vote.
func (s *Server) handleVoteSave(w http.ResponseWriter, r *http.Request) error {
	m, d, it, err := s.editableDecision(r)
	if err != nil {
		return err
	}
	f, err := form.ParseVote(r)
	if err != nil {
		return err
	}
	v := f.Vote(d.ID)
	return saveForm(formSave{
		Converted: v != nil, Save: func() error { return s.store.SaveVote(r.Context(), v) }, Errors: f.Errors,
		Kept: "Your vote is kept in the form. Save again to replace the one recorded.",
		Back: func(status int, conflict bool) error {
			f.PlaceBallotErrors()
			vf, err := s.voteChoices(r, m, it)
			if err != nil {
				return err
			}
			if conflict {
				if fresh, err := s.store.Decision(r.Context(), d.ID); err == nil && fresh.Vote != nil {
					f.Version = strconv.Itoa(fresh.Vote.Version)
				}
			}
			return s.renderVoteForm(w, r, status, m, it, d, vf, f)
		},
		Done: func() error {
			d.Vote = v
			return s.redirect(w, r, web.MeetingDecisionPath(m.CommitteeCode, m.Number, d.ID), "Vote recorded: "+mb.DecisionSentence(m.CommitteeCode, *d))
		},
	})
}

// handleVoteDelete serves POST /committees/{code}/meetings/{number}/decisions/{decision}/vote/delete.
func (s *Server) handleVoteDelete(w http.ResponseWriter, r *http.Request) error {
	m, d, _, err := s.editableDecision(r)
	if err != nil {
		return err
	}
	err = s.store.DeleteVote(r.Context(), d.ID)
	return s.doneOrRefused(w, r, web.MeetingPath(m.CommitteeCode, m.Number), err, "The vote is removed; the decision stands, taken without one.", mb.ENOTFOUND)
}
