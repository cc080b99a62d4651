package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

func (s *Server) renderItemForm(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, f *form.Item, isNew bool, saved *mb.Item) error {
	items, err := s.store.Items(r.Context(), m.ID)
	if err != nil {
		return err
	}
	var parents []web.Option
	for _, it := range items {
		if it.ID != f.ID {
			parents = append(parents, web.ItemOption(it))
		}
	}
	title, action := "Add an item to "+m.ShortName(), web.ItemNewPath(m.CommitteeCode, m.Number, 0)
	if !isNew {
		title, action = "Edit an item of "+m.ShortName(), web.ItemEditPath(m.CommitteeCode, m.Number, f.ID)
	}
	s.render(w, r, status, web.ItemForm(web.ItemFormPage{
		Chrome: s.chrome(r, title, "committees"), Meeting: m, Form: f, IsNew: isNew, Parents: parents, Action: action, Saved: saved,
	}))
	return nil
}

// handleItemNew serves GET /committees/{code}/meetings/{number}/items/new.
func (s *Server) handleItemNew(w http.ResponseWriter, r *http.Request) error {
	m, err := s.editableMeeting(r)
	if err != nil {
		return err
	}
	return s.renderItemForm(w, r, http.StatusOK, m, &form.Item{Parent: r.URL.Query().Get("parent"), Errors: form.Errors{}}, true, nil)
}

// handleItemCreate serves POST /committees/{code}/meetings/{number}/items/new.
func (s *Server) handleItemCreate(w http.ResponseWriter, r *http.Request) error {
	m, err := s.editableMeeting(r)
	if err != nil {
		return err
	}
	f, err := form.ParseItem(r)
	if err != nil {
		return err
	}
	it := f.Item(true)
	if it != nil {
		it.MeetingID = m.ID
	}
	return saveForm(formSave{
		Converted: it != nil, Save: func() error { return s.store.CreateItem(r.Context(), it) }, Errors: f.Errors,
		Back: func(status int, _ bool) error { return s.renderItemForm(w, r, status, m, f, true, nil) },
		Done: func() error {
			return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "Item “"+it.Title+"” added.")
		},
	})
}

// handleItemEdit serves GET /committees/{code}/meetings/{number}/items/{item}/edit.
func (s *Server) handleItemEdit(w http.ResponseWriter, r *http.Request) error {
	m, it, err := s.editableItem(r)
	if err != nil {
		return err
	}
	return s.renderItemForm(w, r, http.StatusOK, m, form.ItemFrom(it), false, nil)
}

// handleItemUpdate serves POST /committees/{code}/meetings/{number}/items/{item}/edit.
// A save against a stale version comes back with what was typed and the
// saved text beside it; saving again replaces the saved text knowingly.
func (s *Server) handleItemUpdate(w http.ResponseWriter, r *http.Request) error {
	m, stored, err := s.editableItem(r)
	if err != nil {
		return err
	}
	f, err := form.ParseItem(r)
	if err != nil {
		return err
	}
	f.ID, f.Parent = stored.ID, ""
	it := f.Item(false)
	return saveForm(formSave{
		Converted: it != nil, Save: func() error { return s.store.UpdateItem(r.Context(), it) }, Errors: f.Errors,
		Kept: "Your text is kept in the form; the saved text is shown below it. Save again to replace the saved text with yours.",
		Back: func(status int, conflict bool) error {
			var saved *mb.Item
			if conflict {
				f.Version, saved = strconv.Itoa(stored.Version), stored
			}
			return s.renderItemForm(w, r, status, m, f, false, saved)
		},
		Done: func() error {
			return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "Item “"+it.Title+"” saved.")
		},
	})
}

// handleItemMove serves POST /committees/{code}/meetings/{number}/items/{item}/move.
func (s *Server) handleItemMove(w http.ResponseWriter, r *http.Request) error {
	m, it, err := s.editableItem(r)
	if err != nil {
		return err
	}
	err = s.store.MoveItem(r.Context(), it.ID, r.PostFormValue("direction"))
	return s.doneOrRefused(w, r, web.MeetingPath(m.CommitteeCode, m.Number), err, "Item “"+it.Title+"” moved.", mb.EINVALID)
}

// handleItemDelete serves POST /committees/{code}/meetings/{number}/items/{item}/delete.
func (s *Server) handleItemDelete(w http.ResponseWriter, r *http.Request) error {
	m, it, err := s.editableItem(r)
	if err != nil {
		return err
	}
	if err := s.store.DeleteItem(r.Context(), it.ID); err != nil {
		return err
	}
	return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number), "Item “"+it.Title+"” deleted.")
}
