package postgres

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	mb "github.com/minutebook/minutebook/internal/minutebook"
)

const userColumns = `u.id, u.person_id, u.email, p.name, p.organisation_id, coalesce(o.name, ''), u.admin, u.active, u.created_at, u.session_epoch`
const userFrom = ` FROM users u JOIN people p ON p.id = u.person_id LEFT JOIN organisations o ON o.id = p.organisation_id`

func scanUser(row pgx.Row) (*mb.User, error) {
	var u mb.User
	err := row.Scan(&u.ID, &u.PersonID, &u.Email, &u.Name, &u.OrganisationID, &u.OrganisationName, &u.Admin, &u.Active, &u.CreatedAt, &u.SessionEpoch)
	return &u, err
}

// User returns the user with the id.
func (s *Store) User(ctx context.Context, id int64) (*mb.User, error) {
	u, err := scanUser(s.pool.QueryRow(ctx, `SELECT `+userColumns+userFrom+` WHERE u.id = $1`, id))
	if err != nil {
		return nil, fmt.Errorf("postgres: user %d: %w", id, notFound(err, "There is no such user."))
	}
	return u, nil
}

// UserByEmail returns the user with the address and their password hash.
func (s *Store) UserByEmail(ctx context.Context, email string) (*mb.User, string, error) {
	var hash string
	var u mb.User
	err := s.pool.QueryRow(ctx, `SELECT `+userColumns+`, u.password_hash`+userFrom+` WHERE u.email = $1`, mb.NormalizeEmail(email)).
		Scan(&u.ID, &u.PersonID, &u.Email, &u.Name, &u.OrganisationID, &u.OrganisationName, &u.Admin, &u.Active, &u.CreatedAt, &u.SessionEpoch, &hash)
	if err != nil {
		return nil, "", fmt.Errorf("postgres: user by email: %w", notFound(err, "There is no such user."))
	}
	return &u, hash, nil
}

// PasswordHash returns the user's password hash.
func (s *Store) PasswordHash(ctx context.Context, userID int64) (string, error) {
	var hash string
	if err := s.pool.QueryRow(ctx, `SELECT password_hash FROM users WHERE id = $1`, userID).Scan(&hash); err != nil {
		return "", fmt.Errorf("postgres: password hash %d: %w", userID, notFound(err, "There is no such user."))
	}
	return hash, nil
}

// Users returns every user by name.
func (s *Store) Users(ctx context.Context) ([]*mb.User, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+userColumns+userFrom+` ORDER BY lower(p.name), u.id`)
	if err != nil {
		return nil, fmt.Errorf("postgres: users: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (*mb.User, error) { return scanUser(r) })
	if err != nil {
		return nil, fmt.Errorf("postgres: users: %w", err)
	}
	return list, nil
}

// CountUsers returns how many users there are.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM users`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres: count users: %w", err)
	}
	return n, nil
}

// NewUser is what it takes to create an account. When PersonID is zero a
// person is created with Name and OrganisationID.
type NewUser struct {
	PersonID       int64
	Email          string
	Name           string
	OrganisationID *int64
	Admin          bool
	PasswordHash   string
}

// CreateUser creates an account (and its person, when needed) in one transaction.
func (s *Store) CreateUser(ctx context.Context, nu NewUser) (*mb.User, error) {
	nu.Email = mb.NormalizeEmail(nu.Email)
	fe := mb.FieldErrors{}
	if err := mb.ValidateEmail(nu.Email); err != nil {
		fe.Add("email", mb.ErrorMessage(err))
	}
	if nu.PersonID == 0 {
		p := mb.Person{Name: nu.Name}
		if err := p.Validate(); err != nil {
			fe.Add("name", "Enter the person's name.")
		}
		nu.Name = p.Name
	}
	if err := fe.Err(); err != nil {
		return nil, err
	}
	var id int64
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		if nu.PersonID == 0 {
			if err := tx.QueryRow(ctx, `INSERT INTO people (name, email, organisation_id) VALUES ($1, $2, $3) RETURNING id`,
				nu.Name, nu.Email, nu.OrganisationID).Scan(&nu.PersonID); err != nil {
				return err
			}
		}
		if err := tx.QueryRow(ctx, `INSERT INTO users (person_id, email, password_hash, admin) VALUES ($1, $2, $3, $4) RETURNING id`,
			nu.PersonID, nu.Email, nu.PasswordHash, nu.Admin).Scan(&id); err != nil {
			return err
		}
		role := "user"
		if nu.Admin {
			role = "administrator"
		}
		return audit(ctx, tx, "user", id, nil, "create", fmt.Sprintf("Created %s %s <%s>", role, nu.Name, nu.Email))
	})
	if e := constraintError(err, map[string]*mb.Error{
		"users_email_key":     {Code: mb.ECONFLICT, Message: "An account with that email address already exists.", Fields: map[string]string{"email": "An account with that email address already exists."}},
		"people_email_key":    {Code: mb.ECONFLICT, Message: "A person with that email address already exists.", Fields: map[string]string{"email": "A person with that email address already exists."}},
		"users_person_id_key": {Code: mb.ECONFLICT, Message: "That person already has an account.", Fields: map[string]string{"person": "That person already has an account."}},
	}); e != nil {
		return nil, e
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: create user: %w", err)
	}
	return s.User(ctx, id)
}

// SetPassword replaces a user's password hash and ends every session of
// theirs (mb.User.SessionEpoch), in one transaction with its audit record.
// It returns the new epoch, for the session that made the change to carry
// on under. API tokens are kept.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash string, why string) (sessionEpoch int, err error) {
	err = s.inTx(ctx, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `UPDATE users SET password_hash = $2, session_epoch = session_epoch + 1 WHERE id = $1 RETURNING session_epoch`,
			userID, hash).Scan(&sessionEpoch); err != nil {
			return notFound(err, "There is no such user.")
		}
		return audit(ctx, tx, "user", userID, nil, "password", why)
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: set password %d: %w", userID, err)
	}
	return sessionEpoch, nil
}

// SetUserActive activates or deactivates an account. A deactivated user
// cannot sign in, their API tokens stop working, and every session of
// theirs ends for good: reactivating brings none back.
func (s *Store) SetUserActive(ctx context.Context, userID int64, active bool) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var email string
		if err := tx.QueryRow(ctx, `
			UPDATE users SET active = $2, session_epoch = session_epoch + CASE WHEN $2 THEN 0 ELSE 1 END
			WHERE id = $1 RETURNING email`, userID, active).Scan(&email); err != nil {
			return notFound(err, "There is no such user.")
		}
		action, summary := "deactivate", "Deactivated "+email
		if active {
			action, summary = "activate", "Reactivated "+email
		}
		return audit(ctx, tx, "user", userID, nil, action, summary)
	})
	if err != nil {
		return fmt.Errorf("postgres: set user %d active=%v: %w", userID, active, err)
	}
	return nil
}

// Reader builds the reader for a signed-in user: their current roles on every
// committee and the committees' parent links.
func (s *Store) Reader(ctx context.Context, u *mb.User) (*mb.Reader, error) {
	r := &mb.Reader{User: u, Roles: map[int64][]mb.MemberRole{}, Parents: map[int64]int64{}}
	rows, err := s.pool.Query(ctx, `
		SELECT cm.committee_id, cm.role FROM committee_memberships cm
		WHERE cm.person_id = $1 AND cm.starts_on <= current_date AND (cm.ends_on IS NULL OR cm.ends_on >= current_date)`, u.PersonID)
	if err != nil {
		return nil, fmt.Errorf("postgres: reader roles: %w", err)
	}
	for rows.Next() {
		var id int64
		var role string
		if err := rows.Scan(&id, &role); err != nil {
			return nil, fmt.Errorf("postgres: reader roles: %w", err)
		}
		r.Roles[id] = append(r.Roles[id], mb.MemberRole(role))
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: reader roles: %w", err)
	}
	parents, err := s.pool.Query(ctx, `SELECT id, parent_id FROM committees WHERE parent_id IS NOT NULL`)
	if err != nil {
		return nil, fmt.Errorf("postgres: reader parents: %w", err)
	}
	for parents.Next() {
		var id, parent int64
		if err := parents.Scan(&id, &parent); err != nil {
			return nil, fmt.Errorf("postgres: reader parents: %w", err)
		}
		r.Parents[id] = parent
	}
	return r, parents.Err()
}

// SignInFailures counts failed sign-ins for the address or the account since.
func (s *Store) SignInFailures(ctx context.Context, email, address string, since time.Time) (byEmail, byAddress int, err error) {
	err = s.pool.QueryRow(ctx, `
		SELECT count(*) FILTER (WHERE email = $1), count(*) FILTER (WHERE address = $2)
		FROM sign_in_failures WHERE failed_at >= $3 AND (email = $1 OR address = $2)`,
		mb.NormalizeEmail(email), address, since).Scan(&byEmail, &byAddress)
	if err != nil {
		return 0, 0, fmt.Errorf("postgres: sign-in failures: %w", err)
	}
	return byEmail, byAddress, nil
}

// RecordSignInFailure notes a failed sign-in, and forgets those older than a day.
func (s *Store) RecordSignInFailure(ctx context.Context, email, address string) error {
	_, err := s.pool.Exec(ctx, `
		WITH old AS (DELETE FROM sign_in_failures WHERE failed_at < now() - interval '1 day')
		INSERT INTO sign_in_failures (email, address) VALUES ($1, $2)`, mb.NormalizeEmail(email), address)
	if err != nil {
		return fmt.Errorf("postgres: record sign-in failure: %w", err)
	}
	return nil
}

// ClearSignInFailures forgets an account's failures after a good sign-in.
func (s *Store) ClearSignInFailures(ctx context.Context, email string) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM sign_in_failures WHERE email = $1`, mb.NormalizeEmail(email)); err != nil {
		return fmt.Errorf("postgres: clear sign-in failures: %w", err)
	}
	return nil
}

// AccountSignInFailures counts an account's failed sign-ins since, by its
// address: what locks it out.
func (s *Store) AccountSignInFailures(ctx context.Context, email string, since time.Time) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM sign_in_failures WHERE email = $1 AND failed_at >= $2`,
		mb.NormalizeEmail(email), since).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres: account sign-in failures: %w", err)
	}
	return n, nil
}

// LiftLockout forgets a user's failed sign-ins, so that they may sign in
// again at once, with an audit record. Failures counted against an address
// (one network guessing at many accounts) stay.
func (s *Store) LiftLockout(ctx context.Context, userID int64) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var email string
		if err := tx.QueryRow(ctx, `SELECT email FROM users WHERE id = $1`, userID).Scan(&email); err != nil {
			return notFound(err, "There is no such user.")
		}
		if _, err := tx.Exec(ctx, `DELETE FROM sign_in_failures WHERE email = $1`, email); err != nil {
			return err
		}
		return audit(ctx, tx, "user", userID, nil, "unlock", "Lifted the sign-in lockout of "+email)
	})
	if err != nil {
		return fmt.Errorf("postgres: lift lockout %d: %w", userID, err)
	}
	return nil
}

// APIToken is a personal token, without its secret.
type APIToken struct {
	ID         int64
	Name       string
	CreatedAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

func tokenHash(secret string) []byte {
	h := sha256.Sum256([]byte(secret))
	return h[:]
}

// CreateAPIToken stores a token for the user, keeping only the secret's hash.
func (s *Store) CreateAPIToken(ctx context.Context, userID int64, name, secret string) (*APIToken, error) {
	t := &APIToken{Name: name}
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `INSERT INTO api_tokens (user_id, name, token_hash) VALUES ($1, $2, $3) RETURNING id, created_at`,
			userID, name, tokenHash(secret)).Scan(&t.ID, &t.CreatedAt); err != nil {
			return err
		}
		return audit(ctx, tx, "api_token", t.ID, nil, "create", "Created API token "+name)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: create API token: %w", err)
	}
	return t, nil
}

// APITokens lists a user's tokens, newest first.
func (s *Store) APITokens(ctx context.Context, userID int64) ([]APIToken, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("postgres: API tokens: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (APIToken, error) {
		var t APIToken
		return t, r.Scan(&t.ID, &t.Name, &t.CreatedAt, &t.LastUsedAt, &t.RevokedAt)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: API tokens: %w", err)
	}
	return list, nil
}

// RevokeAPIToken revokes one of the user's tokens.
func (s *Store) RevokeAPIToken(ctx context.Context, userID, tokenID int64) error {
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var name string
		err := tx.QueryRow(ctx, `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND user_id = $2 RETURNING name`, tokenID, userID).Scan(&name)
		if err != nil {
			return notFound(err, "There is no such token.")
		}
		return audit(ctx, tx, "api_token", tokenID, nil, "revoke", "Revoked API token "+name)
	})
	if err != nil {
		return fmt.Errorf("postgres: revoke API token %d: %w", tokenID, err)
	}
	return nil
}

// RevokeAPITokens revokes every token of the user's still in force, with
// one audit record, and says how many it revoked.
func (s *Store) RevokeAPITokens(ctx context.Context, userID int64) (int, error) {
	var n int
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE api_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, userID)
		if err != nil {
			return err
		}
		if n = int(tag.RowsAffected()); n == 0 {
			return nil
		}
		return audit(ctx, tx, "user", userID, nil, "revoke tokens", fmt.Sprintf("Revoked every API token (%d)", n))
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: revoke API tokens of %d: %w", userID, err)
	}
	return n, nil
}

// UserByAPIToken returns the active user whose unrevoked token has the secret.
func (s *Store) UserByAPIToken(ctx context.Context, secret string) (*mb.User, error) {
	var userID int64
	err := s.pool.QueryRow(ctx, `
		UPDATE api_tokens t SET last_used_at = now()
		FROM users u WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.id = t.user_id AND u.active
		RETURNING t.user_id`, tokenHash(secret)).Scan(&userID)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, mb.Errorf(mb.EUNAUTHORIZED, "That API token is not valid.")
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: user by API token: %w", err)
	}
	return s.User(ctx, userID)
}
