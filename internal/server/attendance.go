package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// blankAttendanceRows is how many empty lines the form offers for other
// participants at first; "add more" gives more, without a script or with.
const blankAttendanceRows = 5

// attendanceRows prefills the form from the committee's roster on the
// meeting's day (members in their category, alternates for their member,
// the secretariat as participants for its organisation), overlaid with what
// is recorded, then anyone else recorded, then blank lines.
func (s *Server) attendanceRows(r *http.Request, m *mb.Meeting, recorded []mb.Attendee) ([]form.AttendanceRow, error) {
	roster, err := s.store.Memberships(r.Context(), mb.MembershipFilter{CommitteeID: &m.CommitteeID, ActiveOn: &m.Date})
	if err != nil {
		return nil, err
	}
	byPerson := map[int64]mb.Attendee{}
	for _, a := range recorded {
		byPerson[a.PersonID] = a
	}
	people, err := s.peopleByID(r)
	if err != nil {
		return nil, err
	}
	var rows []form.AttendanceRow
	done := map[int64]bool{}
	for _, ms := range roster {
		if done[ms.PersonID] {
			continue
		}
		done[ms.PersonID] = true
		row := form.AttendanceRow{Person: strconv.FormatInt(ms.PersonID, 10), PersonName: ms.PersonName, Fixed: true, Status: string(mb.Absent)}
		if ms.Role == mb.RoleSecretariat || ms.Category == "" {
			if p := people[ms.PersonID]; p != nil && p.OrganisationID != nil {
				row.Representing = strconv.FormatInt(*p.OrganisationID, 10)
			}
		} else {
			row.Category = ms.Category
		}
		if ms.AlternateForID != nil {
			row.AlternateFor = strconv.FormatInt(*ms.AlternateForID, 10)
		}
		if a, ok := byPerson[ms.PersonID]; ok {
			row = rowFromAttendee(a, true)
		}
		rows = append(rows, row)
	}
	for _, a := range recorded {
		if !done[a.PersonID] {
			row := rowFromAttendee(a, false)
			row.Saved = true
			rows = append(rows, row)
		}
	}
	f := &form.Attendance{Rows: rows}
	f.AddRows(blankAttendanceRows)
	return f.Rows, nil
}

func rowFromAttendee(a mb.Attendee, fixed bool) form.AttendanceRow {
	row := form.AttendanceRow{Person: strconv.FormatInt(a.PersonID, 10), PersonName: a.PersonName, Fixed: fixed, Category: a.Category,
		Status: string(a.Status), PartItems: a.PartItems}
	for _, id := range a.PartItemIDs {
		row.PartItemIDs = append(row.PartItemIDs, strconv.FormatInt(id, 10))
	}
	if a.RepresentingID != nil {
		row.Representing = strconv.FormatInt(*a.RepresentingID, 10)
	}
	if a.AlternateForID != nil {
		row.AlternateFor = strconv.FormatInt(*a.AlternateForID, 10)
	}
	return row
}

func (s *Server) peopleByID(r *http.Request) (map[int64]*mb.Person, error) {
	list, err := s.store.People(r.Context())
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*mb.Person, len(list))
	for _, p := range list {
		out[p.ID] = p
	}
	return out, nil
}

func (s *Server) renderAttendanceForm(w http.ResponseWriter, r *http.Request, status int, m *mb.Meeting, f *form.Attendance, saved []mb.Attendee) error {
	ctx := r.Context()
	people, err := s.store.People(ctx)
	if err != nil {
		return err
	}
	orgs, err := s.store.Organisations(ctx)
	if err != nil {
		return err
	}
	roster, err := s.store.Memberships(ctx, mb.MembershipFilter{CommitteeID: &m.CommitteeID, ActiveOn: &m.Date})
	if err != nil {
		return err
	}
	items, err := s.store.ItemChoices(ctx, m.ID)
	if err != nil {
		return err
	}
	p := web.AttendanceFormPage{Chrome: s.chrome(r, "Attendance at "+m.ShortName(), "committees"), Meeting: m, Form: f, Saved: saved,
		People: web.Options(people, web.PersonOption), Organisations: web.Options(orgs, web.OrganisationOption),
		Items: web.Options(items, func(it mb.Item) web.Option { return web.ItemOption(&it) })}
	if p.Draft, err = s.draftNotice(r, web.AttendancePath(m.CommitteeCode, m.Number)); err != nil {
		return err
	}
	for _, ms := range roster {
		if ms.Category != "" && ms.AlternateForID == nil {
			p.Members = append(p.Members, web.Option{Value: strconv.FormatInt(ms.PersonID, 10), Label: ms.PersonName + " (" + ms.Category + ")"})
		}
	}
	s.render(w, r, status, web.AttendanceForm(p))
	return nil
}

// handleAttendanceEdit serves GET /committees/{code}/meetings/{number}/attendance.
func (s *Server) handleAttendanceEdit(w http.ResponseWriter, r *http.Request) error {
	m, err := s.editableMeeting(r)
	if err != nil {
		return err
	}
	recorded, err := s.store.Attendance(r.Context(), m.ID)
	if err != nil {
		return err
	}
	rows, err := s.attendanceRows(r, m, recorded)
	if err != nil {
		return err
	}
	f := &form.Attendance{Version: strconv.Itoa(m.AttendanceVersion), Rows: rows, Errors: form.Errors{}}
	if err := s.restoreDraft(r, func(dr *http.Request) (err error) { f, err = form.ParseAttendance(dr); return err }); err != nil {
		return err
	}
	return s.renderAttendanceForm(w, r, http.StatusOK, m, f, nil)
}

// handleAttendanceUpdate serves POST /committees/{code}/meetings/{number}/attendance.
func (s *Server) handleAttendanceUpdate(w http.ResponseWriter, r *http.Request) error {
	m, err := s.editableMeeting(r)
	if err != nil {
		return err
	}
	f, err := form.ParseAttendance(r)
	if err != nil {
		return err
	}
	if err := s.completeAttendance(r, m, f); err != nil {
		return err
	}
	if f.EveryonePresent || f.More {
		// The form's own buttons without JavaScript: nothing is saved.
		if f.EveryonePresent {
			f.MarkEveryonePresent()
		} else {
			f.AddRows(form.MoreRows)
		}
		return s.renderAttendanceForm(w, r, http.StatusOK, m, f, nil)
	}
	list, version := f.Attendees()
	if err := s.checkNewPeople(r, f); err != nil {
		return err
	}
	if len(f.Errors) > 0 {
		list = nil
	}
	return saveForm(formSave{
		Converted: len(f.Errors) == 0, Errors: f.Errors,
		Save: func() error {
			_, err := s.store.SaveAttendance(r.Context(), m.ID, version, list)
			return err
		},
		Kept: "What you entered is kept below; the saved attendance is listed after the form. Save again to replace it with yours.",
		Back: func(status int, conflict bool) error {
			var saved []mb.Attendee
			if conflict {
				var err error
				if saved, err = s.store.Attendance(r.Context(), m.ID); err != nil {
					return err
				}
				fresh, err := s.store.Meeting(r.Context(), m.ID)
				if err != nil {
					return err
				}
				f.Version = strconv.Itoa(fresh.AttendanceVersion)
			}
			return s.renderAttendanceForm(w, r, status, m, f, saved)
		},
		Done: func() error {
			return s.redirect(w, r, web.MeetingPath(m.CommitteeCode, m.Number)+"#"+web.AttendeesAnchor, "Attendance at "+m.ShortName()+" saved.")
		},
	})
}

// completeAttendance fills what a line leaves implicit: a participant
// represents their own organisation unless told otherwise, and an alternate
// sits in the category of the member they attend for.
func (s *Server) completeAttendance(r *http.Request, m *mb.Meeting, f *form.Attendance) error {
	people, err := s.peopleByID(r)
	if err != nil {
		return err
	}
	roster, err := s.store.Memberships(r.Context(), mb.MembershipFilter{CommitteeID: &m.CommitteeID, ActiveOn: &m.Date})
	if err != nil {
		return err
	}
	category := map[string]string{}
	for _, ms := range roster {
		if ms.Category != "" {
			category[strconv.FormatInt(ms.PersonID, 10)] = ms.Category
		}
	}
	for i := range f.Rows {
		row := &f.Rows[i]
		id, err := strconv.ParseInt(row.Person, 10, 64)
		if err != nil {
			continue
		}
		if p := people[id]; p != nil {
			row.PersonName = p.Name
			if row.Category == "" && row.AlternateFor != "" {
				row.Category = category[row.AlternateFor]
			}
			if row.Category == "" && row.Representing == "" && p.OrganisationID != nil {
				row.Representing = strconv.FormatInt(*p.OrganisationID, 10)
			}
		}
	}
	return nil
}
