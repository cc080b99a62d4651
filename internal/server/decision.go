package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// renderDecisionEditor renders the workspace with a decision's form open
// among its item's decisions.
func (s *Server) renderDecisionEditor(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, it *mb.Item, f *form.Decision, isNew bool, saved *mb.Decision) error {
	words, err := s.vocabularyOf(r, m)
	if err != nil {
		return err
	}
	de := &web.DecisionEditor{Form: f, IsNew: isNew, Saved: saved, Action: web.DecisionNewPath(m.CommitteeCode, m.Number, it.ID),
		Words: web.Options(words, func(w string) web.Option { return web.Option{Value: w, Label: w} })}
	if !isNew {
		de.Action = web.DecisionEditPath(m.CommitteeCode, m.Number, f.ID)
	}
	ed := &web.Editor{ItemID: it.ID, Decision: de}
	if ed.Draft, err = s.draftNotice(r, de.Action); err != nil {
		return err
	}
	return s.renderWorkspace(w, r, status, m, ed)
}

func (s *Server) vocabularyOf(r *http.Request, m *mb.Meeting) ([]string, error) {
	c, err := s.store.Committee(r.Context(), m.CommitteeID)
	if err != nil {
		return nil, err
	}
	return c.DecisionVocabulary, nil
}

// handleDecisionNew serves GET /committees/{code}/meetings/{number}/items/{item}/decisions/new.
func (s *Server) handleDecisionNew(w http.ResponseWriter, r *http.Request) error {
	m, it, err := s.editableItem(r)
	if err != nil {
		return err
	}
	f := &form.Decision{Kind: "NOTED", Errors: form.Errors{}}
	if err := s.restoreDraft(r, func(dr *http.Request) (err error) { f, err = form.ParseDecision(dr); return err }); err != nil {
		return err
	}
	return s.renderDecisionEditor(w, r, http.StatusOK, m, it, f, true, nil)
}

// handleDecisionCreate serves POST /committees/{code}/meetings/{number}/items/{item}/decisions/new.
func (s *Server) handleDecisionCreate(w http.ResponseWriter, r *http.Request) error {
	m, it, err := s.editableItem(r)
	if err != nil {
		return err
	}
	f, err := form.ParseDecision(r)
	if err != nil {
		return err
	}
	words, err := s.vocabularyOf(r, m)
	if err != nil {
		return err
	}
	d := f.Decision(true, it.ID, words)
	return saveForm(formSave{
		Converted: d != nil, Save: func() error { return s.store.CreateDecision(r.Context(), d) }, Errors: f.Errors,
		Back: func(status int, _ bool) error { return s.renderDecisionEditor(w, r, status, m, it, f, true, nil) },
		Done: func() error {
			return s.savedInItem(w, r, m, it.ID, f.Then, "Decision recorded: "+mb.DecisionSentence(m.CommitteeCode, *d))
		},
	})
}

// handleDecisionEdit serves GET /committees/{code}/meetings/{number}/decisions/{decision}/edit.
func (s *Server) handleDecisionEdit(w http.ResponseWriter, r *http.Request) error {
	m, d, it, err := s.editableDecision(r)
	if err != nil {
		return err
	}
	f := form.DecisionFrom(d)
	if err := s.restoreDraft(r, func(dr *http.Request) (err error) { f, err = form.ParseDecision(dr); return err }); err != nil {
		return err
	}
	f.ID = d.ID
	return s.renderDecisionEditor(w, r, http.StatusOK, m, it, f, false, nil)
}

// handleDecisionUpdate serves POST /committees/{code}/meetings/{number}/decisions/{decision}/edit.
func (s *Server) handleDecisionUpdate(w http.ResponseWriter, r *http.Request) error {
	m, stored, it, err := s.editableDecision(r)
	if err != nil {
		return err
	}
	f, err := form.ParseDecision(r)
	if err != nil {
		return err
	}
	f.ID = stored.ID
	words, err := s.vocabularyOf(r, m)
	if err != nil {
		return err
	}
	d := f.Decision(false, it.ID, words)
	return saveForm(formSave{
		Converted: d != nil, Save: func() error { return s.store.UpdateDecision(r.Context(), d) }, Errors: f.Errors,
		Kept: "Your wording is kept in the form; the saved decision is shown below it. Save again to replace it with yours.",
		Back: func(status int, conflict bool) error {
			var saved *mb.Decision
			if conflict {
				f.Version, saved = strconv.Itoa(stored.Version), stored
			}
			return s.renderDecisionEditor(w, r, status, m, it, f, false, saved)
		},
		Done: func() error { return s.savedInItem(w, r, m, it.ID, f.Then, "Decision saved.") },
	})
}

// handleDecisionMove serves POST /committees/{code}/meetings/{number}/decisions/{decision}/move.
func (s *Server) handleDecisionMove(w http.ResponseWriter, r *http.Request) error {
	m, d, it, err := s.editableDecision(r)
	if err != nil {
		return err
	}
	number, _, err := s.store.ItemPlace(r.Context(), it.ID)
	if err != nil {
		return err
	}
	moved := s.store.MoveDecision(r.Context(), d.ID, r.PostFormValue("direction"))
	return s.doneOrRefused(w, r, web.MeetingItemPath(m.CommitteeCode, m.Number, number), moved, "Decision moved.", mb.EINVALID)
}

// handleDecisionDelete serves POST /committees/{code}/meetings/{number}/decisions/{decision}/delete.
func (s *Server) handleDecisionDelete(w http.ResponseWriter, r *http.Request) error {
	m, d, it, err := s.editableDecision(r)
	if err != nil {
		return err
	}
	if err := s.store.DeleteDecision(r.Context(), d.ID); err != nil {
		return err
	}
	return s.savedInItem(w, r, m, it.ID, "", "Decision deleted.")
}
