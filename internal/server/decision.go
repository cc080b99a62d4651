package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

func (s *Server) renderDecisionForm(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, it *mb.Item, f *form.Decision, isNew bool, saved *mb.Decision) error {
	c, err := s.store.Committee(r.Context(), m.CommitteeID)
	if err != nil {
		return err
	}
	words := web.Options(c.DecisionVocabulary, func(w string) web.Option { return web.Option{Value: w, Label: w} })
	title, action := "Record a decision at "+m.ShortName(), web.DecisionNewPath(m.CommitteeCode, m.Number, it.ID)
	if !isNew {
		title, action = "Edit a decision of "+m.ShortName(), web.DecisionEditPath(m.CommitteeCode, m.Number, f.ID)
	}
	s.render(w, r, status, web.DecisionForm(web.DecisionFormPage{
		Chrome: s.chrome(r, title, "committees"), Meeting: m, Item: it, Form: f, IsNew: isNew, Words: words, Action: action, Saved: saved,
	}))
	return nil
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
	return s.renderDecisionForm(w, r, http.StatusOK, m, it, &form.Decision{Kind: "NOTED", Errors: form.Errors{}}, true, nil)
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
		Back: func(status int, _ bool) error { return s.renderDecisionForm(w, r, status, m, it, f, true, nil) },
		Done: func() error {
			return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "Decision recorded: "+mb.DecisionSentence(m.CommitteeCode, *d))
		},
	})
}

// handleDecisionEdit serves GET /committees/{code}/meetings/{number}/decisions/{decision}/edit.
func (s *Server) handleDecisionEdit(w http.ResponseWriter, r *http.Request) error {
	m, d, it, err := s.editableDecision(r)
	if err != nil {
		return err
	}
	return s.renderDecisionForm(w, r, http.StatusOK, m, it, form.DecisionFrom(d), false, nil)
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
			return s.renderDecisionForm(w, r, status, m, it, f, false, saved)
		},
		Done: func() error { return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "Decision saved.") },
	})
}

// handleDecisionMove serves POST /committees/{code}/meetings/{number}/decisions/{decision}/move.
func (s *Server) handleDecisionMove(w http.ResponseWriter, r *http.Request) error {
	m, d, _, err := s.editableDecision(r)
	if err != nil {
		return err
	}
	err = s.store.MoveDecision(r.Context(), d.ID, r.PostFormValue("direction"))
	return s.doneOrRefused(w, r, web.MeetingPath(m.CommitteeCode, m.Number), err, "Decision moved.", mb.EINVALID)
}

// handleDecisionDelete serves POST /committees/{code}/meetings/{number}/decisions/{decision}/delete.
func (s *Server) handleDecisionDelete(w http.ResponseWriter, r *http.Request) error {
	m, d, _, err := s.editableDecision(r)
	if err != nil {
		return err
	}
	if err := s.store.DeleteDecision(r.Context(), d.ID); err != nil {
		return err
	}
	return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "Decision deleted.")
}
