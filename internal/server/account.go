package server

import (
	"net/http"
	"strconv"

	"github.com/minutebook/minutebook/internal/form"
	"github.com/minutebook/minutebook/internal/password"
	"github.com/minutebook/minutebook/web"
)

func (s *Server) renderAccount(w http.ResponseWriter, r *http.Request, status int, errs form.Errors, newToken string) error {
	return s.renderAccountPage(w, r, status, errs, newToken, "")
}

// renderAccountPage shows the account page; newToken and newFeed (the
// calendar feed's secret), when set, are secrets shown once.
func (s *Server) renderAccountPage(w http.ResponseWriter, r *http.Request, status int, errs form.Errors, newToken, newFeed string) error {
	rd := reader(r)
	tokens, err := s.store.APITokens(r.Context(), rd.User.ID)
	if err != nil {
		return err
	}
	p := web.AccountPage{Chrome: s.chrome(r, "Your account", "account"), User: rd.User, Errors: errs, NewToken: newToken}
	for _, t := range tokens {
		p.Tokens = append(p.Tokens, web.TokenRow{ID: t.ID, Name: t.Name, CreatedAt: t.CreatedAt, LastUsedAt: t.LastUsedAt, Revoked: t.RevokedAt != nil})
	}
	if errs == nil {
		p.Errors = form.Errors{}
	}
	if p.Calendar, err = s.calendarFeeds(r, newFeed); err != nil {
		return err
	}
	if p.Notices, err = s.noticeChoices(r); err != nil {
		return err
	}
	s.render(w, r, status, web.Account(p))
	return nil
}

// handleAccount serves GET /account.
func (s *Server) handleAccount(w http.ResponseWriter, r *http.Request) error {
	return s.renderAccount(w, r, http.StatusOK, nil, "")
}

// handlePasswordChange serves POST /account/password.
func (s *Server) handlePasswordChange(w http.ResponseWriter, r *http.Request) error {
	f, err := form.ParsePasswordChange(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	u := reader(r).User
	hash, err := s.store.PasswordHash(ctx, u.ID)
	if err != nil {
		return err
	}
	if ok, err := password.Check(f.Current, hash); err != nil {
		return err
	} else if !ok {
		f.Errors["current_password"] = "That is not your current password."
	}
	if len(f.Errors) > 0 {
		return s.renderAccount(w, r, http.StatusUnprocessableEntity, f.Errors, "")
	}
	newHash, err := password.Hash(f.New, s.cfg.PasswordParams)
	if err != nil {
		return err
	}
	epoch, err := s.store.SetPassword(ctx, u.ID, newHash, "Changed own password")
	if err != nil {
		return err
	}
	if err := s.beginSession(ctx, u.ID, epoch); err != nil {
		return err
	}
	return s.redirect(w, r, web.AccountPath(), "Your password has been changed, and every other session of yours has been signed out. "+
		"Your API tokens still work: revoke any you do not recognise below.")
}

// handleTokenCreate serves POST /account/tokens. The secret is shown once,
// on the page that answers the POST, and never stored.
func (s *Server) handleTokenCreate(w http.ResponseWriter, r *http.Request) error {
	name, errs, err := form.ParseTokenName(r)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		return s.renderAccount(w, r, http.StatusUnprocessableEntity, errs, "")
	}
	secret := password.Token("mbk_", 32)
	if _, err := s.store.CreateAPIToken(r.Context(), reader(r).User.ID, name, secret); err != nil {
		return err
	}
	return s.renderAccount(w, r, http.StatusOK, nil, secret)
}

// handleTokensRevokeAll serves POST /account/tokens/revoke-all.
func (s *Server) handleTokensRevokeAll(w http.ResponseWriter, r *http.Request) error {
	n, err := s.store.RevokeAPITokens(r.Context(), reader(r).User.ID)
	if err != nil {
		return err
	}
	msg := "You had no token to revoke."
	switch {
	case n == 1:
		msg = "Your token has been revoked."
	case n > 1:
		msg = "All " + strconv.Itoa(n) + " of your tokens have been revoked."
	}
	return s.redirect(w, r, web.AccountPath(), msg)
}

// handleTokenRevoke serves POST /account/tokens/{id}/revoke.
func (s *Server) handleTokenRevoke(w http.ResponseWriter, r *http.Request) error {
	id, err := urlID(r, "id", "token")
	if err != nil {
		return err
	}
	if err := s.store.RevokeAPIToken(r.Context(), reader(r).User.ID, id); err != nil {
		return err
	}
	return s.redirect(w, r, web.AccountPath(), "The token has been revoked.")
}
