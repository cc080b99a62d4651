package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

func (s *Server) renderAgendaItemForm(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, f *form.AgendaItem, isNew bool, saved *mb.AgendaItem) error {
	ctx := r.Context()
	items, err := s.store.Items(ctx, m.ID)
	if err != nil {
		return err
	}
	people, err := s.store.People(ctx)
	if err != nil {
		return err
	}
	orgs, err := s.store.Organisations(ctx)
	if err != nil {
		return err
	}
	var parents []web.Option
	for _, it := range items {
		if it.ID != f.ID {
			parents = append(parents, web.ItemOption(it))
		}
	}
	title, action := "Add an item to the agenda of "+m.ShortName(), web.AgendaItemNewPath(m.CommitteeCode, m.Number, 0)
	if !isNew {
		title, action = "Edit an item of the agenda of "+m.ShortName(), web.AgendaItemEditPath(m.CommitteeCode, m.Number, f.ID)
	}
	s.render(w, r, status, web.AgendaItemForm(web.AgendaItemFormPage{
		Chrome: s.chrome(r, title, "committees"), Meeting: m, Form: f, IsNew: isNew, Parents: parents,
		Presenters: web.PresenterOptions(people, orgs), Action: action, Saved: saved,
	}))
	return nil
}

// handleAgendaItemNew serves GET /committees/{code}/meetings/{number}/agenda/items/new.
func (s *Server) handleAgendaItemNew(w http.ResponseWriter, r *http.Request) error {
	m, err := s.editableMeeting(r)
	if err != nil {
		return err
	}
	return s.renderAgendaItemForm(w, r, http.StatusOK, m, &form.AgendaItem{Parent: r.URL.Query().Get("parent"), Errors: form.Errors{}}, true, nil)
}

// handleAgendaItemCreate serves POST /committees/{code}/meetings/{number}/agenda/items/new.
func (s *Server) handleAgendaItemCreate(w http.ResponseWriter, r *http.Request) error {
	m, err := s.editableMeeting(r)
	if err != nil {
		return err
	}
	f, err := form.ParseAgendaItem(r)
	if err != nil {
		return err
	}
	it, e := f.AgendaItem(true)
	if it != nil {
		it.MeetingID = m.ID
	}
	return saveForm(formSave{
		Converted: it != nil, Save: func() error { return s.store.CreateAgendaItem(r.Context(), it, e) }, Errors: f.Errors,
		Back: func(status int, _ bool) error { return s.renderAgendaItemForm(w, r, status, m, f, true, nil) },
		Done: func() error {
			return s.redirect(w, r, web.AgendaPath(m.CommitteeCode, m.Number), "Item “"+it.Title+"” added to the agenda.")
		},
	})
}

// handleAgendaItemEdit serves GET /committees/{code}/meetings/{number}/agenda/items/{item}/edit.
func (s *Server) handleAgendaItemEdit(w http.ResponseWriter, r *http.Request) error {
	m, ai, err := s.editableAgendaItem(r)
	if err != nil {
		return err
	}
	return s.renderAgendaItemForm(w, r, http.StatusOK, m, form.AgendaItemFrom(ai), false, nil)
}

// handleAgendaItemUpdate serves POST /committees/{code}/meetings/{number}/agenda/items/{item}/edit.
func (s *Server) handleAgendaItemUpdate(w http.ResponseWriter, r *http.Request) error {
	m, stored, err := s.editableAgendaItem(r)
	if err != nil {
		return err
	}
	f, err := form.ParseAgendaItem(r)
	if err != nil {
		return err
	}
	f.ID, f.Parent = stored.Item.ID, ""
	it, e := f.AgendaItem(false)
	return saveForm(formSave{
		Converted: it != nil, Save: func() error { return s.store.UpdateAgendaItem(r.Context(), it, e) }, Errors: f.Errors,
		Kept: "Your changes are kept in the form; the saved item is shown below it. Save again to replace it with yours.",
		Back: func(status int, conflict bool) error {
			var saved *mb.AgendaItem
			if conflict {
				f.Version, saved = strconv.Itoa(stored.Item.Version), stored
			}
			return s.renderAgendaItemForm(w, r, status, m, f, false, saved)
		},
		Done: func() error {
			return s.redirect(w, r, web.AgendaPath(m.CommitteeCode, m.Number), "Item “"+it.Title+"” saved.")
		},
	})
}

// handleAgendaItemMeeting serves POST
// /committees/{code}/meetings/{number}/agenda/items/{item}/meeting: the
// item, with its sub-items and papers, is planned for another meeting.
func (s *Server) handleAgendaItemMeeting(w http.ResponseWriter, r *http.Request) error {
	m, it, err := s.editableItem(r)
	if err != nil {
		return err
	}
	back := web.AgendaPath(m.CommitteeCode, m.Number)
	to, err := strconv.ParseInt(r.PostFormValue("meeting"), 10, 64)
	if err != nil {
		return s.doneOrRefused(w, r, back, mb.Errorf(mb.EINVALID, "Choose the meeting to plan the item for."), "", mb.EINVALID)
	}
	target, err := s.store.Meeting(r.Context(), to)
	if err != nil || target.CommitteeID != m.CommitteeID {
		return s.doneOrRefused(w, r, back, mb.Errorf(mb.EINVALID, "Choose a meeting of %s.", m.CommitteeCode), "", mb.EINVALID)
	}
	err = s.store.MoveItemToMeeting(r.Context(), it.ID, target.ID)
	return s.doneOrRefused(w, r, back, err, "Item “"+it.Title+"” is now planned for "+target.ShortName()+".", mb.EINVALID, mb.ECONFLICT)
}
