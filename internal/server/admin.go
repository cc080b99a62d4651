package server

import (
	"net/http"
	"strconv"
	"strings"
	"time"

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

func (s *Server) renderUserForm(w http.ResponseWriter, r *http.Request, status int, f web.UserForm) error {
	orgs, err := s.store.Organisations(r.Context())
	if err != nil {
		return err
	}
	p := web.UserFormPage{Chrome: s.chrome(r, "New user", "admin"), Form: f}
	for _, o := range orgs {
		p.Organisations = append(p.Organisations, web.Option{Value: strconv.FormatInt(o.ID, 10), Label: o.Name})
	}
	s.render(w, r, status, web.NewUser(p))
	return nil
}

// handleUserNew serves GET /admin/users/new.
func (s *Server) handleUserNew(w http.ResponseWriter, r *http.Request) error {
	return s.renderUserForm(w, r, http.StatusOK, web.UserForm{Errors: form.Errors{}})
}

// handleUserCreate serves POST /admin/users/new. The new user's password is
// generated and shown once to the administrator, to pass on.
func (s *Server) handleUserCreate(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return mb.Errorf(mb.EINVALID, "The form could not be read: please try again.")
	}
	f := web.UserForm{
		Email: strings.TrimSpace(r.PostFormValue("email")), Name: strings.TrimSpace(r.PostFormValue("name")),
		Organisation: strings.TrimSpace(r.PostFormValue("organisation")), Admin: r.PostFormValue("admin") == "on",
		Errors: form.Errors{},
	}
	var orgID *int64
	if f.Organisation != "" {
		id, err := strconv.ParseInt(f.Organisation, 10, 64)
		if err != nil {
			f.Errors["organisation"] = "Choose one of the organisations."
		} else {
			orgID = &id
		}
	}
	if len(f.Errors) > 0 {
		return s.renderUserForm(w, r, http.StatusUnprocessableEntity, f)
	}
	pw := password.Generate()
	hash, err := password.Hash(pw, s.cfg.PasswordParams)
	if err != nil {
		return err
	}
	u, err := s.store.CreateUser(r.Context(), postgres.NewUser{Email: f.Email, Name: f.Name, OrganisationID: orgID, Admin: f.Admin, PasswordHash: hash})
	if err != nil {
		if status, ok := formFailed(err); ok {
			f.Errors.Merge(err)
			return s.renderUserForm(w, r, status, f)
		}
		return err
	}
	return s.page(w, r, web.PasswordIssued(web.PasswordIssuedPage{Chrome: s.chrome(r, "User created", "admin"), User: u, Password: pw, Created: true}))
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

func (s *Server) renderMembershipForm(w http.ResponseWriter, r *http.Request, status int, c *mb.Committee, f web.MembershipForm) error {
	people, err := s.store.People(r.Context())
	if err != nil {
		return err
	}
	p := web.MembershipFormPage{Chrome: s.chrome(r, "Add a member to "+c.Code, "committees"), Committee: c, Form: f}
	for _, x := range people {
		label := x.Name
		if x.OrganisationName != "" {
			label += " (" + x.OrganisationName + ")"
		}
		p.People = append(p.People, web.Option{Value: strconv.FormatInt(x.ID, 10), Label: label})
	}
	s.render(w, r, status, web.MembershipNew(p))
	return nil
}

// handleMembershipNew serves GET /committees/{code}/members/new.
func (s *Server) handleMembershipNew(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committee(r)
	if err != nil {
		return err
	}
	return s.renderMembershipForm(w, r, http.StatusOK, c, web.MembershipForm{Role: string(mb.RoleMember), From: s.clock.Today().Format(time.DateOnly), Errors: form.Errors{}})
}

// handleMembershipCreate serves POST /committees/{code}/members/new.
func (s *Server) handleMembershipCreate(w http.ResponseWriter, r *http.Request) error {
	c, err := s.committee(r)
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return mb.Errorf(mb.EINVALID, "The form could not be read: please try again.")
	}
	f := web.MembershipForm{
		Person: r.PostFormValue("person"), Role: r.PostFormValue("role"), Category: r.PostFormValue("category"),
		AlternateFor: r.PostFormValue("alternate_for"), From: r.PostFormValue("from"), To: r.PostFormValue("to"),
		Errors: form.Errors{},
	}
	m := &mb.Membership{CommitteeID: c.ID, Role: mb.MemberRole(f.Role), Category: f.Category}
	if id, err := strconv.ParseInt(f.Person, 10, 64); err == nil {
		m.PersonID = id
	}
	if f.AlternateFor != "" {
		if id, err := strconv.ParseInt(f.AlternateFor, 10, 64); err == nil {
			m.AlternateForID = &id
		} else {
			f.Errors["alternate_for"] = "Choose one of the people."
		}
	}
	if d, err := time.Parse(time.DateOnly, f.From); err == nil {
		m.From = d
	} else if f.From != "" {
		f.Errors["from"] = "Enter a real date, such as 2023-10-23."
	}
	if f.To != "" {
		if d, err := time.Parse(time.DateOnly, f.To); err == nil {
			m.To = &d
		} else {
			f.Errors["to"] = "Enter a real date, such as 2024-10-23."
		}
	}
	if err := m.Validate(); err != nil {
		f.Errors.Merge(err)
	}
	if len(f.Errors) > 0 {
		return s.renderMembershipForm(w, r, http.StatusUnprocessableEntity, c, f)
	}
	if err := s.store.CreateMembership(r.Context(), m); err != nil {
		if status, ok := formFailed(err); ok {
			f.Errors.Merge(err)
			return s.renderMembershipForm(w, r, status, c, f)
		}
		return err
	}
	return s.redirect(w, r, web.CommitteeMembersPath(c.Code), "Member added.")
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
			p.Committees = append(p.Committees, web.Option{Value: c.Code, Label: c.Code + " – " + c.Name})
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
