package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// itemEditor is an item's form open in place in the minutes workspace:
// for a new item at path (beneath the parent the form names), or for the
// item with the form's id. saved, after a conflict, is the stored item.
func (s *Server) itemEditor(r *http.Request, m *mb.Meeting, f *form.Item, isNew bool, saved *mb.Item) (*web.Editor, error) {
	ie := &web.ItemEditor{Form: f, IsNew: isNew, Saved: saved, Action: web.ItemEditPath(m.CommitteeCode, m.Number, f.ID)}
	ed := &web.Editor{ItemID: f.ID, Item: ie}
	if isNew {
		parent, _ := strconv.ParseInt(f.Parent, 10, 64)
		ie.Action, ed.ItemID = web.ItemNewPath(m.CommitteeCode, m.Number, parent), parent
	}
	if f.Preview {
		ie.Preview = web.RenderMinute(f.Minute)
	}
	var err error
	ed.Draft, err = s.draftNotice(r, ie.Action)
	return ed, err
}

// renderItemEditor renders the workspace with an item's form open.
func (s *Server) renderItemEditor(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, f *form.Item, isNew bool, saved *mb.Item) error {
	ed, err := s.itemEditor(r, m, f, isNew, saved)
	if err != nil {
		return err
	}
	return s.renderWorkspace(w, r, status, m, ed)
}

// handleItemNew serves GET /committees/{code}/meetings/{number}/items/new:
// the workspace with a new item's form at the end of the items, or at the
// end of its parent's sub-items.
func (s *Server) handleItemNew(w http.ResponseWriter, r *http.Request) error {
	m, err := s.editableMeeting(r)
	if err != nil {
		return err
	}
	f := &form.Item{Parent: r.URL.Query().Get("parent"), Errors: form.Errors{}}
	if err := s.restoreDraft(r, func(dr *http.Request) (err error) { f, err = form.ParseItem(dr); return err }); err != nil {
		return err
	}
	return s.renderItemEditor(w, r, http.StatusOK, m, f, true, nil)
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
	if f.Preview {
		return s.renderItemEditor(w, r, http.StatusOK, m, f, true, nil)
	}
	it := f.Item(true)
	if it != nil {
		it.MeetingID = m.ID
	}
	return saveForm(formSave{
		Converted: it != nil, Save: func() error { return s.store.CreateItem(r.Context(), it) }, Errors: f.Errors,
		Back: func(status int, _ bool) error { return s.renderItemEditor(w, r, status, m, f, true, nil) },
		Done: func() error { return s.savedInItem(w, r, m, it.ID, f.Then, "Item “"+it.Title+"” added.") },
	})
}

// handleItemEdit serves GET /committees/{code}/meetings/{number}/items/{item}/edit:
// the workspace with the item's form open in its place.
func (s *Server) handleItemEdit(w http.ResponseWriter, r *http.Request) error {
	m, it, err := s.editableItem(r)
	if err != nil {
		return err
	}
	f := form.ItemFrom(it)
	if err := s.restoreDraft(r, func(dr *http.Request) (err error) { f, err = form.ParseItem(dr); return err }); err != nil {
		return err
	}
	f.ID, f.Parent = it.ID, form.ItemFrom(it).Parent
	return s.renderItemEditor(w, r, http.StatusOK, m, f, false, nil)
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
	f.ID, f.Parent = stored.ID, form.ItemFrom(stored).Parent
	if f.Preview {
		return s.renderItemEditor(w, r, http.StatusOK, m, f, false, nil)
	}
	it := f.Item(false)
	if it != nil {
		it.ParentID = nil
	}
	return saveForm(formSave{
		Converted: it != nil, Save: func() error { return s.store.UpdateItem(r.Context(), it) }, Errors: f.Errors,
		Kept: "Your text is kept in the form; the saved text is shown below it. Save again to replace the saved text with yours.",
		Back: func(status int, conflict bool) error {
			var saved *mb.Item
			if conflict {
				f.Version, saved = strconv.Itoa(stored.Version), stored
			}
			return s.renderItemEditor(w, r, status, m, f, false, saved)
		},
		Done: func() error { return s.savedInItem(w, r, m, it.ID, f.Then, "Item “"+it.Title+"” saved.") },
	})
}

// savedInItem answers a save of a record in the item: back to the minutes
// at the item, or on to the next form the secretariat asked for (then), so
// that they go on typing where they are.
func (s *Server) savedInItem(w http.ResponseWriter, r *http.Request, m *mb.Meeting, itemID int64, then form.Then, flash string) error {
	number, parentID, err := s.store.ItemPlace(r.Context(), itemID)
	if err != nil {
		return err
	}
	code, n := m.CommitteeCode, m.Number
	to := web.MeetingItemPath(code, n, number)
	switch then {
	case form.ThenDecision:
		to = web.AtItem(web.DecisionNewPath(code, n, itemID), number)
	case form.ThenAction:
		to = web.AtItem(web.RaisedActionNewPath(code, n, itemID), number)
	case form.ThenSubItem:
		parent, at := itemID, number
		if parentID != nil {
			if at, _, err = s.store.ItemPlace(r.Context(), *parentID); err != nil {
				return err
			}
			parent = *parentID
		}
		to = web.AtItem(web.ItemNewPath(code, n, parent), at)
	case form.ThenItem:
		to = web.AtNewItem(web.ItemNewPath(code, n, 0))
	}
	return s.redirect(w, r, to, flash)
}

// handleItemMove serves POST /committees/{code}/meetings/{number}/items/{item}/move:
// back to the item where it now stands.
func (s *Server) handleItemMove(w http.ResponseWriter, r *http.Request) error {
	m, it, err := s.editableItem(r)
	if err != nil {
		return err
	}
	moved := s.store.MoveItem(r.Context(), it.ID, r.PostFormValue("direction"))
	number, _, err := s.store.ItemPlace(r.Context(), it.ID)
	if err != nil {
		return err
	}
	return s.doneOrRefused(w, r, web.MeetingItemPath(m.CommitteeCode, m.Number, number), moved, "Item “"+it.Title+"” moved.", mb.EINVALID)
}

// handleItemDelete serves POST /committees/{code}/meetings/{number}/items/{item}/delete:
// back to the place the item held.
func (s *Server) handleItemDelete(w http.ResponseWriter, r *http.Request) error {
	m, it, err := s.editableItem(r)
	if err != nil {
		return err
	}
	number, _, err := s.store.ItemPlace(r.Context(), it.ID)
	if err != nil {
		return err
	}
	if err := s.store.DeleteItem(r.Context(), it.ID); err != nil {
		return err
	}
	return s.redirect(w, r, web.MeetingItemPath(m.CommitteeCode, m.Number, number), "Item “"+it.Title+"” deleted.")
}

// handleMinutePreview serves POST /committees/{code}/meetings/{number}/preview:
// the minute typed so far, rendered by the same path as the saved minutes
// (goldmark, then bluemonday), for the preview beside the text box.
func (s *Server) handleMinutePreview(w http.ResponseWriter, r *http.Request) error {
	if _, err := s.editableMeeting(r); err != nil {
		return err
	}
	return s.page(w, r, web.MinuteFragment(r.PostFormValue("minute")))
}
