package server

import (
	"net/http"

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

// handleUserShow serves GET /admin/users/{id}: the account, and whether a
// lockout refuses its sign-ins.
func (s *Server) handleUserShow(w http.ResponseWriter, r *http.Request) error {
	u, err := s.user(r)
	if err != nil {
		return err
	}
	failures, err := s.store.AccountSignInFailures(r.Context(), u.Email, s.clock.Now().Add(-s.cfg.Throttle.Window))
	if err != nil {
		return err
	}
	return s.page(w, r, web.UserShow(web.UserPage{
		Chrome: s.chrome(r, u.Name, "admin"), User: u,
		Failures: failures, LockedOut: failures >= s.cfg.Throttle.PerAccount, Window: minutes(s.cfg.Throttle.Window),
	}))
}

// handleUserUnlock serves POST /admin/users/{id}/unlock: the user may sign
// in again at once, however many sign-ins failed.
func (s *Server) handleUserUnlock(w http.ResponseWriter, r *http.Request) error {
	u, err := s.user(r)
	if err != nil {
		return err
	}
	if err := s.store.LiftLockout(r.Context(), u.ID); err != nil {
		return err
	}
	return s.redirect(w, r, web.UserPath(u.ID), u.Name+" may sign in again: the lockout is lifted.")
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
	epoch, err := s.store.SetPassword(r.Context(), u.ID, hash, "Password reset by an administrator")
	if err != nil {
		return err
	}
	// The reset ends every session of the user; an administrator who
	// resets their own password carries on in this one.
	if u.ID == reader(r).User.ID {
		if err := s.beginSession(r.Context(), u.ID, epoch); err != nil {
			return err
		}
	}
	if err := s.store.ClearSignInFailures(r.Context(), u.Email); err != nil {
		return err
	}
	return s.page(w, r, web.PasswordIssued(web.PasswordIssuedPage{Chrome: s.chrome(r, "Password reset", "admin"), User: u, Password: pw}))
}
