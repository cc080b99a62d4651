package server

import (
	"io/fs"
	"net/http"
	"strings"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"

	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/web"
)

// routes registers every route. The authorization matrix test walks this
// router: a route added here without an entry there fails the build's tests.
func (s *Server) routes() http.Handler {
	r := chi.NewRouter()
	root := r
	r.Use(middleware.RequestID, s.observe, s.securityHeaders, s.recoverPanics)

	// Probes and assets need no session.
	r.Get("/healthz", s.handleHealthz)
	r.Get("/readyz", s.handleReadyz)
	r.Get("/metrics", s.handleMetrics)
	r.Get("/static/*", s.staticFiles().ServeHTTP)

	r.Group(func(r chi.Router) {
		r.Use(s.crossOriginProtection().Handler, s.sessions.LoadAndSave, s.authenticate)
		r.NotFound(s.handle(func(w http.ResponseWriter, r *http.Request) error {
			return mb.Errorf(mb.ENOTFOUND, "There is nothing at this address.")
		}))
		r.MethodNotAllowed(s.handle(func(w http.ResponseWriter, req *http.Request) error {
			w.Header().Set("Allow", strings.Join(allowedMethods(root, req.URL.Path), ", "))
			return mb.Errorf(codeMethodNotAllowed, "This address does not answer %s requests.", req.Method)
		}))

		// Open to everyone.
		r.Get("/", s.handle(s.handleHome))
		r.Get("/sign-in", s.handle(s.handleSignInPage))
		r.Post("/sign-in", s.handle(s.handleSignIn))
		r.Post("/sign-out", s.handle(s.handleSignOut))
		r.Get("/public", s.handle(s.handlePublicIndex))
		// Unsubscribing from a kind of message (issue 18), by the signed
		// link in every message: no sign-in; a mail program's one-click
		// POST (RFC 8058) carries no session either.
		r.Get("/unsubscribe/{token}", s.handle(s.handleUnsubscribePage))
		r.Post("/unsubscribe/{token}", s.handle(s.handleUnsubscribe))
		r.Get("/committees/{code}/meetings/{number}", s.handle(s.handleMeetingShow))
		// The minutes as files (issue 19), for whoever may read the page.
		r.Get("/committees/{code}/meetings/{number}.pdf", s.handle(s.handleMinutesFile(pdfFile)))
		r.Get("/committees/{code}/meetings/{number}.docx", s.handle(s.handleMinutesFile(docxFile)))

		// The actions register (issue 5): every view applies the reader's
		// access, so anonymous readers see only what published CLEAR
		// minutes carry. Calendar feeds authenticate by their secret URL.
		r.Get("/actions", s.handle(s.handleActions))
		r.Get("/actions.csv", s.handle(s.handleActionsCSV))
		r.Get("/actions/{code}/{meeting}/{sequence}", s.handle(s.handleActionShow))
		r.Get("/api/v1/actions", s.handle(s.handleAPIActions))
		r.Get("/api/v1/actions/{code}/{meeting}/{sequence}", s.handle(s.handleAPIAction))
		r.Get("/committees/{code}/calendar.ics", s.handle(s.handleCommitteeCalendar))
		r.Get("/calendar/{token}", s.handle(s.handlePersonalCalendar))
		// The public site and the read API (issue 4): open to everyone, filtered
		// by what each reader may read.
		r.Get("/public/{code}", s.handle(s.handlePublicCommittee))
		r.Get("/public/{code}/feed.atom", s.handle(s.handlePublicFeed))
		r.Get("/public/{code}/{number}", s.handle(s.handlePublicMinutes))
		// Search and references (issue 17): every reader, by their rule;
		// the public site's search reads as the public whoever asks.
		r.Get("/search", s.handle(s.handleSearch))
		r.Get("/public/search", s.handle(s.handlePublicSearch))
		r.Get("/refs/{reference}", s.handle(s.handleReference))
		r.Get("/api/v1/search", s.handle(s.handleAPISearch))
		r.Get("/api/v1/refs/{reference}", s.handle(s.handleAPIReference))
		r.Get("/api/v1/committees", s.handle(s.handleAPICommittees))
		r.Get("/api/v1/committees/{code}/meetings", s.handle(s.handleAPIMeetings))
		r.Get("/api/v1/committees/{code}/meetings/{number}", s.handle(s.handleAPIMeeting))
		// The agenda and its papers (issue 16), for every reader of the
		// agenda (mb.Reader.CanReadAgenda): a paper above the reader's
		// level is listed as withheld, never served.
		r.Get("/committees/{code}/meetings/{number}/agenda", s.handle(s.handleAgendaShow))
		r.Get("/committees/{code}/meetings/{number}/pack.zip", s.handle(s.handlePackZip))
		r.Get("/committees/{code}/meetings/{number}/pack.pdf", s.handle(s.handlePackPDF))
		r.Get("/committees/{code}/meetings/{number}/papers/{paper}", s.handle(s.handlePaperDownload))
		r.Get("/committees/{code}/meetings/{number}/papers/{paper}/versions/{version}", s.handle(s.handlePaperVersionDownload))
		r.Get("/api/v1/committees/{code}/meetings/{number}/agenda", s.handle(s.handleAPIAgenda))
		// The workspace's drafts (issue 14): the reader's own, refused
		// with a plain 401 once the session has ended, so that the
		// autosave is never taken for a form to keep.
		r.Post("/drafts", s.handle(s.handleDraftSave))
		r.Post("/drafts/discard", s.handle(s.handleDraftDiscard))
		// The formal record (issue 20), for whoever may read the minutes
		// or, for the register of interests, whatever its classification
		// admits: checked in the handlers.
		r.Get("/committees/{code}/meetings/{number}/verify", s.handle(s.handleVerify))
		r.Get("/committees/{code}/interests", s.handle(s.handleInterests))

		// Signed-in readers. A form posted after the session ended is kept
		// until its sender signs in again (kept_submission.go); a form
		// saved throws its draft away.
		r.Group(func(r chi.Router) {
			r.Use(s.requireSignIn, s.clearDraftOnSave)
			r.Get("/account", s.handle(s.handleAccount))
			r.Post("/account/password", s.handle(s.handlePasswordChange))
			r.Post("/account/tokens", s.handle(s.handleTokenCreate))
			r.Post("/account/tokens/{id}/revoke", s.handle(s.handleTokenRevoke))
			r.Post("/account/tokens/revoke-all", s.handle(s.handleTokensRevokeAll))
			r.Post("/account/notices", s.handle(s.handleNoticePreferences))

			r.Get("/committees", s.handle(s.handleCommitteeIndex))
			r.Get("/committees/{code}", s.handle(s.handleCommitteeShow))
			r.Get("/committees/{code}/standing-items", s.handle(s.handleStandingItemsEdit))
			r.Post("/committees/{code}/standing-items", s.handle(s.handleStandingItemsUpdate))
			r.Get("/committees/{code}/meetings/new", s.handle(s.handleMeetingNew))
			r.Post("/committees/{code}/meetings/new", s.handle(s.handleMeetingCreate))
			r.Get("/committees/{code}/meetings/{number}/edit", s.handle(s.handleMeetingEdit))
			r.Post("/committees/{code}/meetings/{number}/edit", s.handle(s.handleMeetingUpdate))
			r.Get("/audit", s.handle(s.handleAudit))

			// The actions register's changes (issue 5): the secretariat of
			// the action's committee, checked in the handlers.
			r.Post("/account/calendar-token", s.handle(s.handleCalendarToken))
			r.Post("/actions/{code}/{meeting}/{sequence}/record", s.handle(s.handleActionRecord))
			r.Post("/actions/{code}/{meeting}/{sequence}/reopen", s.handle(s.handleActionReopen))
			r.Get("/committees/{code}/actions/new", s.handle(s.handleEarlierActionNew))
			r.Post("/committees/{code}/actions/new", s.handle(s.handleEarlierActionCreate))
			r.Get("/committees/{code}/meetings/{number}/actions/review", s.handle(s.handleReviewForm))
			r.Post("/committees/{code}/meetings/{number}/actions/review", s.handle(s.handleReview))
			// The risk register and escalations to the parent body. Who may
			// read or change them is decided in the handlers by the
			// Reader's CanReadRisks, CanEditRisks and OverseesAny.
			r.Get("/committees/{code}/risks", s.handle(s.handleRiskIndex))
			r.Get("/committees/{code}/risks/new", s.handle(s.handleRiskNew))
			r.Post("/committees/{code}/risks/new", s.handle(s.handleRiskCreate))
			r.Get("/committees/{code}/risks/{ref}", s.handle(s.handleRiskShow))
			r.Get("/committees/{code}/risks/{ref}/edit", s.handle(s.handleRiskEdit))
			r.Post("/committees/{code}/risks/{ref}/edit", s.handle(s.handleRiskUpdate))
			r.Get("/committees/{code}/meetings/{number}/risks", s.handle(s.handleRiskReviewPage))
			r.Post("/committees/{code}/meetings/{number}/risks", s.handle(s.handleRiskReviewSave))
			r.Post("/committees/{code}/meetings/{number}/risks/escalate", s.handle(s.handleRiskEscalate))
			r.Post("/committees/{code}/meetings/{number}/risks/withdraw", s.handle(s.handleRiskWithdraw))
			r.Get("/escalations", s.handle(s.handleEscalations))
			r.Get("/api/v1/committees/{code}/risks", s.handle(s.handleAPIRisks))
			r.Get("/api/v1/committees/{code}/escalations", s.handle(s.handleAPIEscalations))
			// Drafting, approving and publishing minutes (issue 4). Each
			// handler checks the committee's secretariat (or, for comments,
			// its members) itself.
			r.Get("/committees/{code}/meetings/{number}/attendance", s.handle(s.handleAttendanceEdit))
			r.Post("/committees/{code}/meetings/{number}/attendance", s.handle(s.handleAttendanceUpdate))
			r.Get("/committees/{code}/meetings/{number}/items/new", s.handle(s.handleItemNew))
			r.Post("/committees/{code}/meetings/{number}/items/new", s.handle(s.handleItemCreate))
			r.Get("/committees/{code}/meetings/{number}/items/{item}/edit", s.handle(s.handleItemEdit))
			r.Post("/committees/{code}/meetings/{number}/items/{item}/edit", s.handle(s.handleItemUpdate))
			r.Post("/committees/{code}/meetings/{number}/items/{item}/move", s.handle(s.handleItemMove))
			r.Post("/committees/{code}/meetings/{number}/items/{item}/delete", s.handle(s.handleItemDelete))
			r.Get("/committees/{code}/meetings/{number}/items/{item}/decisions/new", s.handle(s.handleDecisionNew))
			r.Post("/committees/{code}/meetings/{number}/items/{item}/decisions/new", s.handle(s.handleDecisionCreate))
			r.Get("/committees/{code}/meetings/{number}/decisions/{decision}/edit", s.handle(s.handleDecisionEdit))
			r.Post("/committees/{code}/meetings/{number}/decisions/{decision}/edit", s.handle(s.handleDecisionUpdate))
			r.Post("/committees/{code}/meetings/{number}/decisions/{decision}/move", s.handle(s.handleDecisionMove))
			r.Post("/committees/{code}/meetings/{number}/decisions/{decision}/delete", s.handle(s.handleDecisionDelete))
			r.Get("/committees/{code}/meetings/{number}/items/{item}/actions/new", s.handle(s.handleRaisedActionNew))
			r.Post("/committees/{code}/meetings/{number}/items/{item}/actions/new", s.handle(s.handleRaisedActionCreate))
			r.Get("/committees/{code}/meetings/{number}/actions/{action}/edit", s.handle(s.handleRaisedActionEdit))
			r.Post("/committees/{code}/meetings/{number}/actions/{action}/edit", s.handle(s.handleRaisedActionUpdate))
			r.Post("/committees/{code}/meetings/{number}/actions/{action}/delete", s.handle(s.handleRaisedActionDelete))
			r.Post("/committees/{code}/meetings/{number}/items/{item}/comments", s.handle(s.handleCommentCreate))
			r.Post("/committees/{code}/meetings/{number}/comments/{comment}/resolve", s.handle(s.handleCommentResolve))
			r.Post("/committees/{code}/meetings/{number}/preview", s.handle(s.handleMinutePreview))
			r.Get("/committees/{code}/meetings/{number}/circulate", s.handle(s.handleCirculateConfirm))
			r.Post("/committees/{code}/meetings/{number}/circulate", s.handle(s.handleCirculate))
			r.Get("/committees/{code}/meetings/{number}/approve", s.handle(s.handleApproveForm))
			r.Post("/committees/{code}/meetings/{number}/approve", s.handle(s.handleApprove))
			r.Get("/committees/{code}/meetings/{number}/publish", s.handle(s.handlePublishConfirm))
			r.Post("/committees/{code}/meetings/{number}/publish", s.handle(s.handlePublish))
			r.Get("/committees/{code}/meetings/{number}/correction", s.handle(s.handleCorrectionForm))
			r.Post("/committees/{code}/meetings/{number}/correction", s.handle(s.handleCorrectionOpen))
			r.Post("/committees/{code}/meetings/{number}/correction/finish", s.handle(s.handleCorrectionFinish))
			// Votes, declarations of interest, the register of interests
			// and the chair's signature (issue 20): the secretariat, or the
			// signatory, checked in the handlers.
			r.Get("/committees/{code}/meetings/{number}/decisions/{decision}/vote", s.handle(s.handleVoteForm))
			r.Post("/committees/{code}/meetings/{number}/decisions/{decision}/vote", s.handle(s.handleVoteSave))
			r.Post("/committees/{code}/meetings/{number}/decisions/{decision}/vote/delete", s.handle(s.handleVoteDelete))
			r.Get("/committees/{code}/meetings/{number}/items/{item}/declarations/new", s.handle(s.handleDeclarationNew))
			r.Post("/committees/{code}/meetings/{number}/items/{item}/declarations/new", s.handle(s.handleDeclarationCreate))
			r.Get("/committees/{code}/meetings/{number}/declarations/{declaration}/edit", s.handle(s.handleDeclarationEdit))
			r.Post("/committees/{code}/meetings/{number}/declarations/{declaration}/edit", s.handle(s.handleDeclarationUpdate))
			r.Post("/committees/{code}/meetings/{number}/declarations/{declaration}/delete", s.handle(s.handleDeclarationDelete))
			r.Post("/committees/{code}/meetings/{number}/sign", s.handle(s.handleSign))
			r.Get("/committees/{code}/interests/new", s.handle(s.handleInterestNew))
			r.Post("/committees/{code}/interests/new", s.handle(s.handleInterestCreate))
			r.Post("/committees/{code}/interests/{id}/end", s.handle(s.handleInterestEnd))
			r.Get("/committees/{code}/meetings/{number}/history", s.handle(s.handleHistory))
			r.Get("/committees/{code}/meetings/{number}/versions/{version}.pdf", s.handle(s.handleVersionFile(pdfFile)))
			r.Get("/committees/{code}/meetings/{number}/versions/{version}.docx", s.handle(s.handleVersionFile(docxFile)))
			// Building the agenda and its papers (issue 16): the committee's
			// secretariat (editableAgenda, editablePaper); the forward plan
			// for its members too (readableForwardPlan).
			r.Get("/committees/{code}/forward-plan", s.handle(s.handleForwardPlan))
			r.Post("/committees/{code}/meetings/{number}/agenda/publish", s.handle(s.handleAgendaPublish))
			r.Get("/committees/{code}/meetings/{number}/agenda/items/new", s.handle(s.handleAgendaItemNew))
			r.Post("/committees/{code}/meetings/{number}/agenda/items/new", s.handle(s.handleAgendaItemCreate))
			r.Get("/committees/{code}/meetings/{number}/agenda/items/{item}/edit", s.handle(s.handleAgendaItemEdit))
			r.Post("/committees/{code}/meetings/{number}/agenda/items/{item}/edit", s.handle(s.handleAgendaItemUpdate))
			r.Post("/committees/{code}/meetings/{number}/agenda/items/{item}/meeting", s.handle(s.handleAgendaItemMeeting))
			r.Get("/committees/{code}/meetings/{number}/papers/new", s.handle(s.handlePaperNew))
			r.Post("/committees/{code}/meetings/{number}/papers/new", s.handle(s.handlePaperCreate))
			r.Get("/committees/{code}/meetings/{number}/papers/{paper}/edit", s.handle(s.handlePaperEdit))
			r.Post("/committees/{code}/meetings/{number}/papers/{paper}/edit", s.handle(s.handlePaperUpdate))
			r.Post("/committees/{code}/meetings/{number}/papers/{paper}/replace", s.handle(s.handlePaperReplace))
			r.Post("/committees/{code}/meetings/{number}/papers/{paper}/delete", s.handle(s.handlePaperDelete))
			// Importing existing minutes (issue 7): the committee's
			// secretariat uploads a document, checks what was read beside
			// it, and saves it as a draft meeting or cancels. An upload
			// is its uploader's alone.
			r.Get("/committees/{code}/import", s.handle(s.handleImportPage))
			r.Post("/committees/{code}/import", s.handle(s.handleImportUpload))
			r.Get("/committees/{code}/import/{token}", s.handle(s.handleImportPreview))
			r.Post("/committees/{code}/import/{token}", s.handle(s.handleImportSave))
			r.Post("/committees/{code}/import/{token}/cancel", s.handle(s.handleImportCancel))
			// Putting people right after an import (issue 15): the
			// committee's secretariat edits its people and merges two
			// records of one person; each handler checks the secretariat.
			r.Get("/committees/{code}/people", s.handle(s.handleCommitteePeople))
			r.Get("/committees/{code}/people/{id}/edit", s.handle(s.handlePersonEdit))
			r.Post("/committees/{code}/people/{id}/edit", s.handle(s.handlePersonUpdate))
			r.Get("/committees/{code}/people/{id}/merge", s.handle(s.handlePersonMergeForm))
			r.Post("/committees/{code}/people/{id}/merge", s.handle(s.handlePersonMerge))

			// Administrators.
			r.Group(func(r chi.Router) {
				r.Use(s.requireAdmin)
				r.Get("/committees/new", s.handle(s.handleCommitteeNew))
				r.Post("/committees/new", s.handle(s.handleCommitteeCreate))
				r.Get("/committees/{code}/edit", s.handle(s.handleCommitteeEdit))
				r.Post("/committees/{code}/edit", s.handle(s.handleCommitteeUpdate))
				r.Get("/committees/{code}/rules", s.handle(s.handleCommitteeRulesEdit))
				r.Post("/committees/{code}/rules", s.handle(s.handleCommitteeRulesUpdate))
				r.Get("/committees/{code}/members/new", s.handle(s.handleMembershipNew))
				r.Post("/committees/{code}/members/new", s.handle(s.handleMembershipCreate))
				r.Post("/committees/{code}/members/{id}/end", s.handle(s.handleMembershipEnd))
				r.Get("/admin/people", s.handle(s.handlePeopleIndex))
				r.Get("/admin/people/new", s.handle(s.handlePersonNew))
				r.Post("/admin/people/new", s.handle(s.handlePersonCreate))
				r.Get("/admin/references", s.handle(s.handleReferencePatterns))
				r.Post("/admin/references", s.handle(s.handleReferencePatternsSave))
				r.Get("/admin/users", s.handle(s.handleUserIndex))
				r.Get("/admin/users/new", s.handle(s.handleUserNew))
				r.Post("/admin/users/new", s.handle(s.handleUserCreate))
				r.Post("/admin/users/{id}/deactivate", s.handle(s.handleUserDeactivate))
				r.Post("/admin/users/{id}/activate", s.handle(s.handleUserActivate))
				r.Post("/admin/users/{id}/reset-password", s.handle(s.handleUserResetPassword))
				r.Get("/admin/users/{id}", s.handle(s.handleUserShow))
				r.Post("/admin/users/{id}/unlock", s.handle(s.handleUserUnlock))
				// The outbox (issue 18): every message composed, and the
				// failed ones to retry.
				r.Get("/admin/outbox", s.handle(s.handleOutbox))
				r.Get("/admin/outbox/{id}", s.handle(s.handleOutboxMessage))
				r.Post("/admin/outbox/{id}/retry", s.handle(s.handleOutboxRetry))
			})
		})
	})
	return r
}

// allowedMethods lists the methods the router serves at path, for the
// Allow header of a 405.
func allowedMethods(router chi.Routes, path string) []string {
	var out []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		if router.Match(chi.NewRouteContext(), m, path) {
			out = append(out, m)
		}
	}
	return out
}

// staticFiles serves the embedded assets, which browsers may keep for an
// hour. A directory is not an asset: its address is a 404, never a listing.
func (s *Server) staticFiles() http.Handler {
	static, _ := fs.Sub(web.Static, "static")
	files := http.StripPrefix("/static/", http.FileServerFS(static))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/static/")
		if info, err := fs.Stat(static, name); name == "" || err != nil || info.IsDir() {
			s.renderError(w, r, mb.Errorf(mb.ENOTFOUND, "There is nothing at this address."))
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

// crossOriginProtection refuses a cross-origin POST (CSRF) with the same
// 403 as any other refusal: JSON under /api/, an error page elsewhere.
func (s *Server) crossOriginProtection() *http.CrossOriginProtection {
	p := http.NewCrossOriginProtection()
	p.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, mb.Errorf(mb.EFORBIDDEN, "A form of another site may not make changes here."))
	}))
	return p
}
