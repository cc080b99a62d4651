package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/web"
)

// handleUserIndex serves GET /admin/users.
func (s *Server) handleUserIndex(w http.ResponseWriter, r *http.Request) error {
	users, err := s.store.Users(r.Context())
	if err != nil {
		return err
	}
	return s.page(w, r, web.Users(web.UsersPage{Chrome: s.chrome(r, "Users", "admin"), Users: users}))
}

func (s *Server) renderUserForm(w http.ResponseWriter, r *http.Request, status int, f *form.User) error {
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return err
	}
	s.render(w, r, status, web.NewUser(web.UserFormPage{
		Chrome: s.chrome(r, "New user", "admin"), Form: f, Organisations: web.Options(orgs, web.OrganisationOption),
	}))
	return nil
}

// handleUserNew serves GET /admin/users/new.
func (s *Server) handleUserNew(w http.ResponseWriter, r *http.Request) error {
	return s.renderUserForm(w, r, http.StatusOK, &form.User{Errors: form.Errors{}})
}

// handleUserCreate serves POST /admin/users/new. The new user's password is
// generated and shown once to the administrator, to pass on.
func (s *Server) handleUserCreate(w http.ResponseWriter, r *http.Request) error {
	f, err := form.ParseUser(r)
	if err != nil {
		return err
	}
	orgID := f.OrganisationID()
	pw := password.Generate()
	var u *mb.User
	return saveForm(formSave{
		Converted: len(f.Errors) == 0, Errors: f.Errors,
		Save: func() error {
			hash, err := password.Hash(pw, s.cfg.PasswordParams)
			if err != nil {
				return err
			}
			u, err = s.store.CreateUser(r.Context(), postgres.NewUser{Email: f.Email, Name: f.Name, OrganisationID: orgID, Admin: f.Admin, PasswordHash: hash})
			return err
		},
		Back: func(status int, _ bool) error { return s.renderUserForm(w, r, status, f) },
		Done: func() error {
			return s.page(w, r, web.PasswordIssued(web.PasswordIssuedPage{Chrome: s.chrome(r, "User created", "admin"), User: u, Password: pw, Created: true}))
		},
	})
}

// handleUserDeactivate serves POST /admin/users/{id}/deactivate.
func (s *Server) handleUserDeactivate(w http.ResponseWriter, r *http.Request) error {
	u, err := s.user(r)
	if err != nil {
		return err
	}
	if u.ID == reader(r).User.ID {
		s.sessions.Put(r.Context(), sessionFlashError, "You cannot deactivate your own account.")
		return s.redirect(w, r, web.UsersPath(), "")
	}
	if err := s.store.SetUserActive(r.Context(), u.ID, false); err != nil {
		return err
	}
	return s.redirect(w, r, web.UsersPath(), u.Name+" can no longer sign in.")
}

// handleUserActivate serves POST /admin/users/{id}/activate.
func (s *Server) handleUserActivate(w http.ResponseWriter, r *http.Request) error {
	u, err := s.user(r)
	if err != nil {
		return err
	}
	if err := s.store.SetUserActive(r.Context(), u.ID, true); err != nil {
		return err
	}
	return s.redirect(w, r, web.UsersPath(), u.Name+" can sign in again.")
}

// handleUserResetPassword serves POST /admin/users/{id}/reset-password: a
// new generated password, shown once to the administrator.
func (s *Server) handleUserResetPassword(w http.ResponseWriter, r *http.Request) error {
	u, err := s.user(r)
	if err != nil {
		return err
	}
	pw := password.Generate()
	hash, err := password.Hash(pw, s.cfg.PasswordParams)
	if err != nil {
		return err
	}
	if err := s.store.SetPassword(r.Context(), u.ID, hash, "Password reset by an administrator"); err != nil {
		return err
	}
	if err := s.store.ClearSignInFailures(r.Context(), u.Email); err != nil {
		return err
	}
	return s.page(w, r, web.PasswordIssued(web.PasswordIssuedPage{Chrome: s.chrome(r, "Password reset", "admin"), User: u, Password: pw}))
}

func (s *Server) renderMembershipForm(w http.ResponseWriter, r *http.Request, status int, c *mb.Committee, f *form.Membership) error {
	people, err := s.store.People(r.Context())
	if err != nil {
		return err
	}
	s.render(w, r, status, web.MembershipNew(web.MembershipFormPage{
		Chrome: s.chrome(r, "Add a member to "+c.Code, "committees"), Committee: c, Form: f, People: web.Options(people, web.PersonOption),
	}))
	return nil
}

// handleMembershipNew serves GET /committees/{code}/members/new.
func (s *Server) handleMembershipNew(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committee(r)
	if err != nil {
		return err
	}
	return s.renderMembershipForm(w, r, http.StatusOK, c, form.NewMembership(s.clock.Today()))
}

// handleMembershipCreate serves POST /committees/{code}/members/new.
func (s *Server) handleMembershipCreate(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committee(r)
	if err != nil {
		return err
	}
	f, err := form.ParseMembership(r)
	if err != nil {
		return err
	}
	m := f.Membership(c.ID)
	return saveForm(formSave{
		Converted: m != nil, Save: func() error { return s.store.CreateMembership(r.Context(), m) }, Errors: f.Errors,
		Back: func(status int, _ bool) error { return s.renderMembershipForm(w, r, status, c, f) },
		Done: func() error { return s.redirect(w, r, web.CommitteeMembersPath(c.Code), "Member added.") },
	})
}

// handleMembershipEnd serves POST /committees/{code}/members/{id}/end.
func (s *Server) handleMembershipEnd(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committee(r)
	if err != nil {
		return err
	}
	id, err := urlID(r, "id", "membership")
	if err != nil {
		return err
	}
	if err := s.store.EndMembership(r.Context(), id, s.clock.Today()); err != nil {
		return err
	}
	return s.redirect(w, r, web.CommitteeMembersPath(c.Code), "The membership has ended today.")
}

// handleAudit serves GET /audit: administrators see everything, a
// secretariat the records of its own committees.
func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request) error {
	rd := reader(r)
	q := r.URL.Query()
	f := mb.AuditFilter{Entity: q.Get("entity"), Limit: 200}
	if !rd.Admin() {
		f.Committees = secretariatOf(rd)
		if len(f.Committees) == 0 {
			return mb.Errorf(mb.EFORBIDDEN, "Only administrators and a committee's secretariat may read the audit log.")
		}
	}
	committees, err := s.store.Committees(r.Context())
	if err != nil {
		return err
	}
	p := web.AuditPage{Chrome: s.chrome(r, "Audit log", "audit"), Entity: f.Entity, Committee: q.Get("committee"), Person: q.Get("person")}
	for _, c := range committees {
		if rd.Admin() || rd.Secretariat(c.ID) {
			p.Committees = append(p.Committees, web.CommitteeCodeOption(c))
			if c.Code == p.Committee {
				f.CommitteeID = &c.ID
			}
		}
	}
	if p.Committee != "" && f.CommitteeID == nil {
		return mb.Errorf(mb.ENOTFOUND, "There is no committee %s in your audit log.", p.Committee)
	}
	users, err := s.store.Users(r.Context())
	if err != nil {
		return err
	}
	for _, u := range users {
		id := strconv.FormatInt(u.ID, 10)
		p.People = append(p.People, web.Option{Value: id, Label: u.Name})
		if id == p.Person {
			f.ActorID = &u.ID
		}
	}
	if p.Entries, err = s.store.AuditLog(r.Context(), f); err != nil {
		return err
	}
	return s.page(w, r, web.Audit(p))
}
