package server_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/go-chi/chi/v5"

	"github.com/minutebook/minutebook/internal/dbtest"
	"github.com/minutebook/minutebook/internal/postgres"
	"github.com/minutebook/minutebook/internal/server"
	"github.com/minutebook/minutebook/web"
)

// TestPathsMatchRoutes checks that every address web/paths.go builds is
// one the router serves, with the method the pages use for it, and that
// every route has a path function: a route renamed on one side only fails
// here rather than as a broken link.
func TestPathsMatchRoutes(t *testing.T) {
	store, err := postgres.Open(t.Context(), dbtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(store.Close)
	router, ok := server.New(server.Config{Store: store}).Router().(chi.Routes)
	if !ok {
		t.Fatal("the server's router is not a chi router")
	}
	const get, post = http.MethodGet, http.MethodPost
	paths := []struct {
		method, path string
	}{
		{get, web.HomePath()}, {get, web.StaticPath("style.css")},
		{get, web.SignInPath("")}, {post, web.SignInPath("/actions")}, {post, web.SignOutPath()},
		{get, web.AccountPath()}, {post, web.PasswordChangePath()}, {post, web.TokenCreatePath()}, {post, web.TokenRevokePath(7)}, {post, web.TokensRevokeAllPath()},
		{post, web.CalendarTokenPath()}, {get, web.PersonalCalendarPath("cal_x", false)}, {get, web.PersonalCalendarPath("cal_x", true)},
		{get, web.PublicPath()}, {get, web.PublicCommitteePath("OPSG")}, {get, web.PublicFeedPath("OPSG")}, {get, web.PublicMinutesPath("OPSG", 105)},
		{get, web.CommitteesPath()}, {get, web.CommitteeNewPath()}, {post, web.CommitteeNewPath()},
		{get, web.CommitteePath("OPSG")}, {get, web.CommitteeMeetingsPath("OPSG", 2)}, {get, web.CommitteeMembersPath("OPSG")},
		{get, web.CommitteeEditPath("OPSG")}, {post, web.CommitteeEditPath("OPSG")}, {get, web.CommitteeCalendarPath("OPSG")},
		{get, web.MembershipNewPath("OPSG")}, {post, web.MembershipNewPath("OPSG")}, {post, web.MembershipEndPath("OPSG", 3)},
		{get, web.ImportPath("OPSG")}, {post, web.ImportPath("OPSG")}, {get, web.ImportPreviewPath("OPSG", "tok")},
		{post, web.ImportPreviewPath("OPSG", "tok")}, {post, web.ImportCancelPath("OPSG", "tok")},
		{get, web.CommitteePeoplePath("OPSG")}, {get, web.CommitteePersonEditPath("OPSG", 8)}, {post, web.CommitteePersonEditPath("OPSG", 8)},
		{get, web.CommitteePersonMergePath("OPSG", 8)}, {post, web.CommitteePersonMergePath("OPSG", 8)},
		{get, web.EarlierActionNewPath("OPSG")}, {post, web.EarlierActionNewPath("OPSG")},
		{get, web.StandingItemsPath("OPSG")}, {post, web.StandingItemsPath("OPSG")}, {get, web.MeetingNewAndBackPath("OPSG", "/x")},
		{get, web.MeetingNewPath("OPSG")}, {post, web.MeetingNewPath("OPSG")}, {get, web.MeetingPath("OPSG", 105)},
		{get, web.MeetingDecisionPath("OPSG", 105, 42)},
		{get, web.MinutesFilePath("OPSG", 105, "pdf")}, {get, web.MinutesFilePath("OPSG", 105, "docx")},
		{get, web.VersionFilePath("OPSG", 105, 2, "pdf")}, {get, web.VersionFilePath("OPSG", 105, 2, "docx")}, {get, web.MeetingEditPath("OPSG", 105)}, {post, web.MeetingEditPath("OPSG", 105)},
		{get, web.AttendancePath("OPSG", 105)}, {post, web.AttendancePath("OPSG", 105)},
		{get, web.ItemNewPath("OPSG", 105, 0)}, {get, web.ItemNewPath("OPSG", 105, 9)}, {post, web.ItemNewPath("OPSG", 105, 0)},
		{get, web.ItemEditPath("OPSG", 105, 9)}, {post, web.ItemEditPath("OPSG", 105, 9)},
		{post, web.ItemMovePath("OPSG", 105, 9)}, {post, web.ItemDeletePath("OPSG", 105, 9)},
		{get, web.DecisionNewPath("OPSG", 105, 9)}, {post, web.DecisionNewPath("OPSG", 105, 9)},
		{get, web.DecisionEditPath("OPSG", 105, 4)}, {post, web.DecisionEditPath("OPSG", 105, 4)},
		{post, web.DecisionMovePath("OPSG", 105, 4)}, {post, web.DecisionDeletePath("OPSG", 105, 4)},
		{get, web.RaisedActionNewPath("OPSG", 105, 9)}, {post, web.RaisedActionNewPath("OPSG", 105, 9)},
		{get, web.RaisedActionEditPath("OPSG", 105, 5)}, {post, web.RaisedActionEditPath("OPSG", 105, 5)},
		{post, web.RaisedActionDeletePath("OPSG", 105, 5)},
		{get, web.ActionsReviewPath("OPSG", 105)}, {post, web.ActionsReviewPath("OPSG", 105)},
		{post, web.CommentCreatePath("OPSG", 105, 9)}, {post, web.CommentResolvePath("OPSG", 105, 2)},
		{get, web.CirculatePath("OPSG", 105)}, {post, web.CirculatePath("OPSG", 105)}, {get, web.PublishPath("OPSG", 105)},
		{post, web.MinutePreviewPath("OPSG", 105)}, {post, web.DraftSavePath()}, {post, web.DraftDiscardPath()}, {get, web.ApprovePath("OPSG", 105)}, {post, web.ApprovePath("OPSG", 105)},
		{post, web.PublishPath("OPSG", 105)}, {get, web.CorrectionPath("OPSG", 105)}, {post, web.CorrectionPath("OPSG", 105)},
		{post, web.CorrectionFinishPath("OPSG", 105)}, {get, web.HistoryPath("OPSG", 105)},
		{get, web.RiskReviewPath("OPSG", 105)}, {post, web.RiskReviewPath("OPSG", 105)},
		{post, web.RiskEscalatePath("OPSG", 105)}, {post, web.RiskWithdrawPath("OPSG", 105)},
		{get, web.RiskRegisterPath("OPSG", "")}, {get, web.RiskRegisterPath("OPSG", "all")},
		{get, web.RiskNewPath("OPSG")}, {post, web.RiskNewPath("OPSG")},
		{get, web.RiskPath("OPSG", "OPSG-006")}, {get, web.RiskEditPath("OPSG", "OPSG-006")}, {post, web.RiskEditPath("OPSG", "OPSG-006")},
		{get, web.EscalationsPath()}, {get, web.ActionsPath("?status=open")}, {get, web.ActionsCSVPath("")},
		{get, web.ActionPath("OPSG", 105, 1)}, {post, web.ActionRecordPath("OPSG", 105, 1)}, {post, web.ActionReopenPath("OPSG", 105, 1)},
		{get, web.AuditPath()}, {get, web.UsersPath()}, {get, web.UserNewPath()}, {post, web.UserNewPath()},
		{post, web.UserDeactivatePath(2)}, {post, web.UserActivatePath(2)}, {post, web.UserResetPasswordPath(2)},
		{get, web.UserPath(2)}, {post, web.UserUnlockPath(2)},
		{get, web.OutboxPath("", 1)}, {get, web.OutboxPath("failed", 2)}, {get, web.OutboxMessagePath(3)}, {post, web.OutboxRetryPath(3)},
		{post, web.NoticesPath()}, {get, web.AccountNoticesPath()}, {get, web.UnsubscribePath("1.minutes.sig")}, {post, web.UnsubscribePath("1.minutes.sig")},
		{get, web.PeoplePath()}, {get, web.PersonNewPath()}, {post, web.PersonNewPath()},
		{get, web.APIActionsPath("")}, {get, web.APIActionPath("OPSG", 105, 1)}, {get, web.APICommitteesPath()},
		{get, web.APIMeetingsPath("OPSG")}, {get, web.APIMeetingPath("OPSG", 105)},
		{get, web.APIRisksPath("OPSG")}, {get, web.APIEscalationsPath("OPSG")},
		{get, web.SearchPath("?q=incident")}, {get, web.PublicSearchPath("")}, {get, web.ReferencePath("OPSG 105/01")}, {get, web.ReferencePagePath("MP242", 2)},
		{get, web.APISearchPath("?q=incident")}, {get, web.APIReferencePath("CPM 3A")}, {get, web.ReferencePatternsPath()}, {post, web.ReferencePatternsPath()},
		{get, web.AgendaPath("OPSG", 107)}, {post, web.AgendaPublishPath("OPSG", 107)}, {get, web.APIAgendaPath("OPSG", 107)},
		{get, web.AgendaItemNewPath("OPSG", 107, 0)}, {get, web.AgendaItemNewPath("OPSG", 107, 9)}, {post, web.AgendaItemNewPath("OPSG", 107, 0)},
		{get, web.AgendaItemEditPath("OPSG", 107, 9)}, {post, web.AgendaItemEditPath("OPSG", 107, 9)}, {post, web.AgendaItemMeetingPath("OPSG", 107, 9)},
		{get, web.MeetingPackPath("OPSG", 107, "zip")}, {get, web.MeetingPackPath("OPSG", 107, "pdf")},
		{get, web.PaperNewPath("OPSG", 107, 0)}, {get, web.PaperNewPath("OPSG", 107, 9)}, {post, web.PaperNewPath("OPSG", 107, 0)},
		{get, web.PaperPath("OPSG", 107, 3)}, {get, web.PaperVersionPath("OPSG", 107, 3, 2)},
		{get, web.PaperEditPath("OPSG", 107, 3)}, {post, web.PaperEditPath("OPSG", 107, 3)},
		{post, web.PaperReplacePath("OPSG", 107, 3)}, {post, web.PaperDeletePath("OPSG", 107, 3)},
		{get, web.ForwardPlanPath("OPSG")},
		{get, web.VotePath("OPSG", 105, 4)}, {post, web.VotePath("OPSG", 105, 4)}, {post, web.VoteDeletePath("OPSG", 105, 4)},
		{get, web.DeclarationNewPath("OPSG", 105, 9)}, {post, web.DeclarationNewPath("OPSG", 105, 9)},
		{get, web.DeclarationEditPath("OPSG", 105, 3)}, {post, web.DeclarationEditPath("OPSG", 105, 3)}, {post, web.DeclarationDeletePath("OPSG", 105, 3)},
		{post, web.SignPath("OPSG", 105)}, {get, web.VerifyPath("OPSG", 105, "")}, {get, web.VerifyPath("OPSG", 105, "ab12")},
		{get, web.InterestsPath("OPSG")}, {get, web.InterestNewPath("OPSG")}, {post, web.InterestNewPath("OPSG")}, {post, web.InterestEndPath("OPSG", 2)},
		{get, web.CommitteeRulesPath("OPSG")}, {post, web.CommitteeRulesPath("OPSG")}, {get, web.CommitteeAttendancePath("OPSG", "2023-01-01", "2023-12-31")},
	}
	reached := map[string]bool{}
	for _, p := range paths {
		u, err := url.Parse(p.path)
		if err != nil {
			t.Errorf("%s: %v", p.path, err)
			continue
		}
		rctx := chi.NewRouteContext()
		// As chi routes a request: by its escaped path when it has one
		// (a reference's %2F).
		if !router.Match(rctx, p.method, u.EscapedPath()) {
			t.Errorf("%s %s: no route serves it", p.method, p.path)
			continue
		}
		reached[p.method+" "+rctx.RoutePattern()] = true
	}
	_ = chi.Walk(router, func(method, pattern string, _ http.Handler, _ ...func(http.Handler) http.Handler) error {
		// The probes and the metrics are for the machinery that runs
		// minutebook; no page links to them.
		if !reached[method+" "+pattern] && pattern != "/healthz" && pattern != "/readyz" && pattern != "/metrics" {
			t.Errorf("route %s %s has no path function in web/paths.go", method, pattern)
		}
		return nil
	})
}
