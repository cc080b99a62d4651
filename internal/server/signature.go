package server

import (
	"net/http"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// handleSign serves POST /committees/{code}/meetings/{number}/sign: the
// chair (or whoever the committee names) signs the approved minutes.
func (s *Server) handleSign(w http.ResponseWriter, r *http.Request) error {
	m, _, err := s.signableMeeting(r)
	if err != nil {
		return err
	}
	sig, err := s.store.Sign(r.Context(), m.ID, reader(r).User, s.clock.Now())
	done := ""
	if err == nil {
		done = sig.Line() + " The signature holds the SHA-256 of version " + idText(int64(sig.Version)) + "."
	}
	return s.doneOrRefused(w, r, web.MeetingPath(m.CommitteeCode, m.Number), err, done, mb.ECONFLICT)
}

// handleVerify serves GET /committees/{code}/meetings/{number}/verify: for
// whoever may read the minutes, the signature checked against the stored
// version it signed, and ?sha256= a hash from a copy compared with it.
func (s *Server) handleVerify(w http.ResponseWriter, r *http.Request) error {
	m, _, err := s.readableMeeting(r)
	if err != nil {
		return err
	}
	p := web.VerifyPage{Chrome: s.chrome(r, "The signature of the minutes of "+m.ShortName(), "committees"), Meeting: m,
		Given: mb.NormalizeHash(r.URL.Query().Get("sha256"))}
	if p.Signature, err = s.store.Signature(r.Context(), m.ID); err != nil {
		return err
	}
	if p.Signature != nil {
		v, err := s.store.SignedVersion(r.Context(), p.Signature)
		if err != nil {
			return err
		}
		p.Recomputed = mb.CanonicalHash(v.Minutes)
	}
	return s.page(w, r, web.Verify(p))
}
