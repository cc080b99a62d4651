package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// The addresses minutebook links and redirects to, one function per route
// in server/routes.go, used by the templates and the handlers alike. Each
// takes the route's parameters in the route's order and is named for what
// the address shows or does: the route
// /committees/{code}/meetings/{number}/items/{item}/edit is
// ItemEditPath(code, number, item). A query or a fragment that a page
// needs is part of the function that makes it (SignInPath's next,
// CommitteeMeetingsPath's page).

// HomePath is the front door: it sends each reader where they start.
func HomePath() string { return "/" }

// StaticPath is an embedded asset: StaticPath("style.css").
func StaticPath(name string) string { return "/static/" + name }

// SignInPath is the sign-in form; next, when not empty, is where a
// successful sign-in returns to.
func SignInPath(next string) string {
	if next == "" {
		return "/sign-in"
	}
	return "/sign-in?next=" + url.QueryEscape(next)
}

// SignOutPath signs the reader out.
func SignOutPath() string { return "/sign-out" }

// AccountPath is the reader's own account page.
func AccountPath() string { return "/account" }

// PasswordChangePath changes the reader's own password.
func PasswordChangePath() string { return "/account/password" }

// TokenCreatePath makes a personal API token.
func TokenCreatePath() string { return "/account/tokens" }

// TokenRevokePath revokes one of the reader's API tokens.
func TokenRevokePath(id int64) string { return "/account/tokens/" + i64(id) + "/revoke" }

// TokensRevokeAllPath revokes every one of the reader's API tokens.
func TokensRevokeAllPath() string { return "/account/tokens/revoke-all" }

// CalendarTokenPath makes (or remakes) the reader's personal calendar feed.
func CalendarTokenPath() string { return "/account/calendar-token" }

// PersonalCalendarPath is a reader's own calendar feed, by its secret;
// onlyMine keeps only the actions the reader or their organisation owns.
func PersonalCalendarPath(secret string, onlyMine bool) string {
	if onlyMine {
		return "/calendar/" + secret + ".ics?actions=mine"
	}
	return "/calendar/" + secret + ".ics"
}

// NoticesPath saves the reader's choices of what they are sent.
func NoticesPath() string { return "/account/notices" }

// AccountNoticesPath is the account page at those choices.
func AccountNoticesPath() string { return AccountPath() + "#notices" }

// UnsubscribePath is a message's one-click unsubscribe link, by its signed
// token: GET asks, POST (or a mail program's one-click POST) does it.
func UnsubscribePath(token string) string { return "/unsubscribe/" + token }

// PublicPath is the public site: every published document the reader may read.
func PublicPath() string { return "/public" }

// PublicCommitteePath is a committee's published minutes.
func PublicCommitteePath(code string) string { return "/public/" + code }

// PublicFeedPath is the Atom feed of a committee's published minutes.
func PublicFeedPath(code string) string { return PublicCommitteePath(code) + "/feed.atom" }

// PublicMinutesPath is one published document on the public site.
func PublicMinutesPath(code string, number int) string {
	return PublicCommitteePath(code) + "/" + itoa(number)
}

// CommitteesPath is the tree of committees.
func CommitteesPath() string { return "/committees" }

// CommitteeNewPath is the form that creates a committee.
func CommitteeNewPath() string { return "/committees/new" }

// CommitteePath is a committee's page.
func CommitteePath(code string) string { return "/committees/" + code }

// CommitteeMeetingsPath is a page of the committee's meetings, at the list.
func CommitteeMeetingsPath(code string, page int) string {
	return CommitteePath(code) + "?page=" + itoa(page) + "#meetings"
}

// CommitteeMembersPath is the committee's page at its list of members.
func CommitteeMembersPath(code string) string { return CommitteePath(code) + "#members" }

// CommitteeEditPath edits a committee.
func CommitteeEditPath(code string) string { return CommitteePath(code) + "/edit" }

// StandingItemsPath edits the items a committee takes at every meeting.
func StandingItemsPath(code string) string { return CommitteePath(code) + "/standing-items" }

// CommitteeCalendarPath is a committee's calendar feed.
func CommitteeCalendarPath(code string) string { return CommitteePath(code) + "/calendar.ics" }

// MembershipNewPath seats a person on a committee.
func MembershipNewPath(code string) string { return CommitteePath(code) + "/members/new" }

// MembershipEndPath ends a seat on a committee today.
func MembershipEndPath(code string, id int64) string {
	return CommitteePath(code) + "/members/" + i64(id) + "/end"
}

// CommitteePeoplePath lists the committee's people, for its secretariat to
// put right.
func CommitteePeoplePath(code string) string { return CommitteePath(code) + "/people" }

// CommitteePersonEditPath edits one of the committee's people.
func CommitteePersonEditPath(code string, id int64) string {
	return CommitteePeoplePath(code) + "/" + i64(id) + "/edit"
}

// CommitteePersonMergePath merges one of the committee's people into another.
func CommitteePersonMergePath(code string, id int64) string {
	return CommitteePeoplePath(code) + "/" + i64(id) + "/merge"
}

// ImportPath is the form that uploads minutes to import into a committee.
func ImportPath(code string) string { return CommitteePath(code) + "/import" }

// ImportPreviewPath is an upload's preview, which saves it when posted.
func ImportPreviewPath(code, token string) string { return ImportPath(code) + "/" + token }

// ImportCancelPath cancels an upload.
func ImportCancelPath(code, token string) string { return ImportPreviewPath(code, token) + "/cancel" }

// EarlierActionNewPath enters an action from a committee's earlier history.
func EarlierActionNewPath(code string) string { return CommitteePath(code) + "/actions/new" }

// MeetingNewPath creates a meeting of the committee.
func MeetingNewPath(code string) string { return CommitteePath(code) + "/meetings/new" }

// MeetingNewAndBackPath schedules a meeting of the committee and then
// returns to back, a page of minutebook (the approval form that needed a
// later meeting).
func MeetingNewAndBackPath(code, back string) string {
	return MeetingNewPath(code) + "?return=" + url.QueryEscape(back)
}

// MeetingPath is a meeting's minutes.
func MeetingPath(code string, number int) string {
	return CommitteePath(code) + "/meetings/" + itoa(number)
}

// MinutesFilePath is the minutes as they stand as a file: ext is "pdf"
// or "docx" (/committees/OPSG/meetings/105.pdf).
func MinutesFilePath(code string, number int, ext string) string {
	return MeetingPath(code, number) + "." + ext
}

// VersionFilePath is a stored version of the minutes as a file
// (/committees/OPSG/meetings/105/versions/2.pdf).
func VersionFilePath(code string, number, version int, ext string) string {
	return MeetingPath(code, number) + "/versions/" + itoa(version) + "." + ext
}

// DecisionAnchor is a decision's fragment in its minutes: "decision-42".
func DecisionAnchor(id int64) string { return "decision-" + i64(id) }

// RaisedActionAnchor is an action's fragment in the minutes that raised it.
func RaisedActionAnchor(id int64) string { return "action-" + i64(id) }

// CommentAnchor is a comment's fragment in the minutes.
func CommentAnchor(id int64) string { return "comment-" + i64(id) }

// MeetingDecisionPath is a meeting's minutes at one of its decisions.
func MeetingDecisionPath(code string, number int, decision int64) string {
	return MeetingPath(code, number) + "#" + DecisionAnchor(decision)
}

// ItemAnchor is an item's fragment in its minutes: "item-5", "item-5-1".
func ItemAnchor(itemNumber string) string { return "item-" + strings.ReplaceAll(itemNumber, ".", "-") }

// NewItemAnchor is the place at the end of the items where a new item is
// added.
const NewItemAnchor = "item-new"

// ItemsAnchor is the minutes' list of items.
const ItemsAnchor = "items"

// MeetingItemPath is a meeting's minutes at one of its items.
func MeetingItemPath(code string, number int, itemNumber string) string {
	return AtItem(MeetingPath(code, number), itemNumber)
}

// AtItem is an address of the minutes workspace (an item's form, say)
// opened at the item: what a form without JavaScript returns to, so that
// the secretariat lands where they were, never at the top.
func AtItem(path, itemNumber string) string { return path + "#" + ItemAnchor(itemNumber) }

// AtNewItem is an address of the workspace opened at the end of the items.
func AtNewItem(path string) string { return path + "#" + NewItemAnchor }

// DraftSavePath keeps the reader's unsaved draft of a form, every few
// seconds as they type.
func DraftSavePath() string { return "/drafts" }

// DraftDiscardPath throws the reader's draft of a form away.
func DraftDiscardPath() string { return "/drafts/discard" }

// DraftRestorePath is a form's address opened with the reader's draft of
// it in place of what is saved.
func DraftRestorePath(formPath string) string {
	if strings.Contains(formPath, "?") {
		return formPath + "&draft=restore"
	}
	return formPath + "?draft=restore"
}

// MinutePreviewPath renders a minute as the saved minutes will show it.
func MinutePreviewPath(code string, number int) string {
	return MeetingPath(code, number) + "/preview"
}

// MeetingEditPath edits a meeting's header.
func MeetingEditPath(code string, number int) string { return MeetingPath(code, number) + "/edit" }

// AttendancePath records who attended a meeting.
func AttendancePath(code string, number int) string {
	return MeetingPath(code, number) + "/attendance"
}

// ItemNewPath adds an item to a meeting's minutes; parent, when not zero,
// is the item the new one goes beneath.
func ItemNewPath(code string, number int, parent int64) string {
	p := MeetingPath(code, number) + "/items/new"
	if parent != 0 {
		p += "?parent=" + i64(parent)
	}
	return p
}

func itemPath(code string, number int, item int64) string {
	return MeetingPath(code, number) + "/items/" + i64(item)
}

// ItemEditPath edits an agenda item.
func ItemEditPath(code string, number int, item int64) string {
	return itemPath(code, number, item) + "/edit"
}

// ItemMovePath moves an agenda item up or down.
func ItemMovePath(code string, number int, item int64) string {
	return itemPath(code, number, item) + "/move"
}

// ItemDeletePath deletes an agenda item.
func ItemDeletePath(code string, number int, item int64) string {
	return itemPath(code, number, item) + "/delete"
}

// DecisionNewPath records a decision in an item.
func DecisionNewPath(code string, number int, item int64) string {
	return itemPath(code, number, item) + "/decisions/new"
}

func decisionPath(code string, number int, decision int64) string {
	return MeetingPath(code, number) + "/decisions/" + i64(decision)
}

// DecisionEditPath edits a decision.
func DecisionEditPath(code string, number int, decision int64) string {
	return decisionPath(code, number, decision) + "/edit"
}

// DecisionMovePath moves a decision up or down within its item.
func DecisionMovePath(code string, number int, decision int64) string {
	return decisionPath(code, number, decision) + "/move"
}

// DecisionDeletePath deletes a decision.
func DecisionDeletePath(code string, number int, decision int64) string {
	return decisionPath(code, number, decision) + "/delete"
}

// RaisedActionNewPath raises an action in an item.
func RaisedActionNewPath(code string, number int, item int64) string {
	return itemPath(code, number, item) + "/actions/new"
}

func raisedActionPath(code string, number int, action int64) string {
	return MeetingPath(code, number) + "/actions/" + i64(action)
}

// RaisedActionEditPath edits an action raised at the meeting.
func RaisedActionEditPath(code string, number int, action int64) string {
	return raisedActionPath(code, number, action) + "/edit"
}

// RaisedActionDeletePath deletes an action raised at the meeting.
func RaisedActionDeletePath(code string, number int, action int64) string {
	return raisedActionPath(code, number, action) + "/delete"
}

// ActionsReviewPath reviews the committee's outstanding actions at a meeting.
func ActionsReviewPath(code string, number int) string {
	return MeetingPath(code, number) + "/actions/review"
}

// CommentCreatePath comments on an item of circulated draft minutes.
func CommentCreatePath(code string, number int, item int64) string {
	return itemPath(code, number, item) + "/comments"
}

// CommentResolvePath marks a comment resolved.
func CommentResolvePath(code string, number int, comment int64) string {
	return MeetingPath(code, number) + "/comments/" + i64(comment) + "/resolve"
}

// CirculatePath circulates draft minutes to the committee's members.
func CirculatePath(code string, number int) string { return MeetingPath(code, number) + "/circulate" }

// ApprovePath records the approval of circulated minutes.
func ApprovePath(code string, number int) string { return MeetingPath(code, number) + "/approve" }

// PublishPath publishes approved minutes.
func PublishPath(code string, number int) string { return MeetingPath(code, number) + "/publish" }

// CorrectionPath opens a correction of approved minutes.
func CorrectionPath(code string, number int) string {
	return MeetingPath(code, number) + "/correction"
}

// CorrectionFinishPath stores a correction as a new version.
func CorrectionFinishPath(code string, number int) string {
	return CorrectionPath(code, number) + "/finish"
}

// HistoryPath lists the stored versions of the minutes.
func HistoryPath(code string, number int) string { return MeetingPath(code, number) + "/history" }

// RiskReviewPath reviews the committee's risk register at a meeting.
func RiskReviewPath(code string, number int) string { return MeetingPath(code, number) + "/risks" }

// RiskEscalatePath records a meeting's decision to escalate risks.
func RiskEscalatePath(code string, number int) string {
	return RiskReviewPath(code, number) + "/escalate"
}

// RiskWithdrawPath records a meeting's decision to withdraw escalations.
func RiskWithdrawPath(code string, number int) string {
	return RiskReviewPath(code, number) + "/withdraw"
}

// RiskRegisterPath is a committee's risk register; status, when not
// empty, chooses the risks listed ("open", "closed" or "all").
func RiskRegisterPath(code, status string) string {
	p := CommitteePath(code) + "/risks"
	if status != "" {
		p += "?status=" + url.QueryEscape(status)
	}
	return p
}

// RiskNewPath adds a risk to a committee's register.
func RiskNewPath(code string) string { return CommitteePath(code) + "/risks/new" }

// RiskPath is one risk with its history.
func RiskPath(code, reference string) string { return CommitteePath(code) + "/risks/" + reference }

// RiskEditPath edits a risk.
func RiskEditPath(code, reference string) string { return RiskPath(code, reference) + "/edit" }

// EscalationsPath is the parent bodies' escalations dashboard.
func EscalationsPath() string { return "/escalations" }

// ActionsPath is the actions register; query is a filter's encoding from
// form.ActionFilter.Query ("?status=open"), or "".
func ActionsPath(query string) string { return "/actions" + query }

// ActionsCSVPath is the register's view as CSV; query as for ActionsPath.
func ActionsCSVPath(query string) string { return "/actions.csv" + query }

// ActionPath is one action's page: /actions/OPSG/105/01.
func ActionPath(code string, meeting, sequence int) string {
	return fmt.Sprintf("/actions/%s/%d/%02d", code, meeting, sequence)
}

// ActionRecordPath records an update, a revised target or closure.
func ActionRecordPath(code string, meeting, sequence int) string {
	return ActionPath(code, meeting, sequence) + "/record"
}

// ActionReopenPath reopens a closed action.
func ActionReopenPath(code string, meeting, sequence int) string {
	return ActionPath(code, meeting, sequence) + "/reopen"
}

// AuditPath is the audit log.
func AuditPath() string { return "/audit" }

// UsersPath lists the accounts.
func UsersPath() string { return "/admin/users" }

// UserNewPath creates an account.
func UserNewPath() string { return "/admin/users/new" }

// UserPath is one account's page: its state, its lockout, what may be done.
func UserPath(id int64) string { return "/admin/users/" + i64(id) }

// UserDeactivatePath stops an account from signing in.
func UserDeactivatePath(id int64) string { return UserPath(id) + "/deactivate" }

// UserActivatePath lets an account sign in again.
func UserActivatePath(id int64) string { return UserPath(id) + "/activate" }

// UserResetPasswordPath gives an account a new generated password.
func UserResetPasswordPath(id int64) string { return UserPath(id) + "/reset-password" }

// UserUnlockPath lifts an account's sign-in lockout.
func UserUnlockPath(id int64) string { return UserPath(id) + "/unlock" }

// OutboxPath is the administrators' view of the messages composed, newest
// first: of a status when given ("failed"), at a page (from 1).
func OutboxPath(status string, page int) string {
	q := url.Values{}
	if status != "" {
		q.Set("status", status)
	}
	if page > 1 {
		q.Set("page", itoa(page))
	}
	if len(q) == 0 {
		return "/admin/outbox"
	}
	return "/admin/outbox?" + q.Encode()
}

// OutboxMessagePath is one message of the outbox, as it was composed.
func OutboxMessagePath(id int64) string { return "/admin/outbox/" + i64(id) }

// OutboxRetryPath queues a failed message again.
func OutboxRetryPath(id int64) string { return OutboxMessagePath(id) + "/retry" }

// PeoplePath lists everyone who can sit on a committee.
func PeoplePath() string { return "/admin/people" }

// PersonNewPath adds a person.
func PersonNewPath() string { return "/admin/people/new" }

// The read API.

// APIActionsPath is the register's view as JSON; query as for ActionsPath.
func APIActionsPath(query string) string { return "/api/v1/actions" + query }

// APIActionPath is one action with its history as JSON.
func APIActionPath(code string, meeting, sequence int) string {
	return "/api/v1" + ActionPath(code, meeting, sequence)
}

// APICommitteesPath lists the committees as JSON.
func APICommitteesPath() string { return "/api/v1/committees" }

// APIMeetingsPath lists a committee's meetings as JSON.
func APIMeetingsPath(code string) string { return APICommitteesPath() + "/" + code + "/meetings" }

// APIMeetingPath is one meeting's structured minutes as JSON.
func APIMeetingPath(code string, number int) string {
	return APIMeetingsPath(code) + "/" + strconv.Itoa(number)
}

// APIRisksPath is a committee's risk register as JSON.
func APIRisksPath(code string) string { return APICommitteesPath() + "/" + code + "/risks" }

// APIEscalationsPath is what is escalated to a body, as JSON.
func APIEscalationsPath(code string) string {
	return APICommitteesPath() + "/" + code + "/escalations"
}

// Search and references (issue 17).

// SearchPath is the search over what the reader may read; query as
// form.SearchFilter.Query encodes it ("?q=incident&sort=date").
func SearchPath(query string) string { return "/search" + query }

// PublicSearchPath is the public site's search over published CLEAR minutes.
func PublicSearchPath(query string) string { return "/public/search" + query }

// ReferencePath is a reference's history: /refs/OPSG%20105%2F01.
func ReferencePath(reference string) string { return "/refs/" + url.PathEscape(reference) }

// ReferencePagePath is a page of a reference's mentions.
func ReferencePagePath(reference string, page int) string {
	if page <= 1 {
		return ReferencePath(reference)
	}
	return ReferencePath(reference) + "?page=" + strconv.Itoa(page)
}

// ReferencePatternsPath is where an administrator sets the installation's
// reference patterns.
func ReferencePatternsPath() string { return "/admin/references" }

// APISearchPath is the search as JSON; query as for SearchPath.
func APISearchPath(query string) string { return "/api/v1/search" + query }

// APIReferencePath is a reference's history as JSON.
func APIReferencePath(reference string) string { return "/api/v1" + ReferencePath(reference) }

// APIAgendaPath is one meeting's agenda with its papers' metadata, as JSON.
func APIAgendaPath(code string, number int) string { return APIMeetingPath(code, number) + "/agenda" }

// AgendaPath is a meeting's agenda: its items before they are minuted, and
// their papers.
func AgendaPath(code string, number int) string { return MeetingPath(code, number) + "/agenda" }

// AgendaItemAnchor is an item's fragment in its agenda: "agenda-item-5-1".
func AgendaItemAnchor(itemNumber string) string { return "agenda-" + ItemAnchor(itemNumber) }

// AgendaAtItemPath is a meeting's agenda at one of its items.
func AgendaAtItemPath(code string, number int, itemNumber string) string {
	return AgendaPath(code, number) + "#" + AgendaItemAnchor(itemNumber)
}

// AgendaPublishPath publishes a meeting's draft agenda.
func AgendaPublishPath(code string, number int) string { return AgendaPath(code, number) + "/publish" }

// AgendaItemNewPath adds an item to the agenda; parent, when not 0, makes
// it a sub-item of that item.
func AgendaItemNewPath(code string, number int, parent int64) string {
	p := AgendaPath(code, number) + "/items/new"
	if parent != 0 {
		p += "?parent=" + i64(parent)
	}
	return p
}

// The formal record (issue 20): votes, declarations of interest, the
// register of interests, the committee's rules, the chair's signature and
// the attendance record.

// VotePath records (or changes) the vote on a decision.
func VotePath(code string, number int, decision int64) string {
	return decisionPath(code, number, decision) + "/vote"
}

// VoteDeletePath removes the vote recorded on a decision.
func VoteDeletePath(code string, number int, decision int64) string {
	return VotePath(code, number, decision) + "/delete"
}

// DeclarationNewPath records an interest declared in an item.
func DeclarationNewPath(code string, number int, item int64) string {
	return itemPath(code, number, item) + "/declarations/new"
}

func declarationPath(code string, number int, declaration int64) string {
	return MeetingPath(code, number) + "/declarations/" + i64(declaration)
}

// DeclarationEditPath edits a declaration of interest.
func DeclarationEditPath(code string, number int, declaration int64) string {
	return declarationPath(code, number, declaration) + "/edit"
}

// DeclarationDeletePath deletes a declaration of interest.
func DeclarationDeletePath(code string, number int, declaration int64) string {
	return declarationPath(code, number, declaration) + "/delete"
}

// SignPath signs a meeting's approved minutes.
func SignPath(code string, number int) string { return MeetingPath(code, number) + "/sign" }

// VerifyPath checks the signature of a meeting's minutes against the
// stored version; hash, when not empty, is a hash to compare (one printed
// on a copy).
func VerifyPath(code string, number int, hash string) string {
	p := MeetingPath(code, number) + "/verify"
	if hash != "" {
		p += "?sha256=" + url.QueryEscape(hash)
	}
	return p
}

// AgendaItemEditPath edits what the agenda says of an item.
func AgendaItemEditPath(code string, number int, item int64) string {
	return AgendaPath(code, number) + "/items/" + i64(item) + "/edit"
}

// AgendaItemMeetingPath moves an item to another meeting of the forward plan.
func AgendaItemMeetingPath(code string, number int, item int64) string {
	return AgendaPath(code, number) + "/items/" + i64(item) + "/meeting"
}

// MeetingPackPath is the meeting pack: the agenda and every paper the
// reader may read, as a zip (ext "zip") or one PDF ("pdf").
func MeetingPackPath(code string, number int, ext string) string {
	return MeetingPath(code, number) + "/pack." + ext
}

// PaperNewPath uploads a paper to the meeting; item, when not 0, attaches
// it to that item.
func PaperNewPath(code string, number int, item int64) string {
	p := MeetingPath(code, number) + "/papers/new"
	if item != 0 {
		p += "?item=" + i64(item)
	}
	return p
}

// PaperPath downloads a paper's current version.
func PaperPath(code string, number int, paper int64) string {
	return MeetingPath(code, number) + "/papers/" + i64(paper)
}

// PaperVersionPath downloads one version of a paper.
func PaperVersionPath(code string, number int, paper int64, version int) string {
	return PaperPath(code, number, paper) + "/versions/" + itoa(version)
}

// PaperEditPath edits a paper's title, reference and classification, and
// lists its versions.
func PaperEditPath(code string, number int, paper int64) string {
	return PaperPath(code, number, paper) + "/edit"
}

// PaperReplacePath uploads a new version of a paper.
func PaperReplacePath(code string, number int, paper int64) string {
	return PaperPath(code, number, paper) + "/replace"
}

// PaperDeletePath removes a paper with its versions.
func PaperDeletePath(code string, number int, paper int64) string {
	return PaperPath(code, number, paper) + "/delete"
}

// ForwardPlanPath is a committee's coming meetings with the items planned
// for them.
func ForwardPlanPath(code string) string { return CommitteePath(code) + "/forward-plan" }

// InterestsPath is a committee's register of interests.
func InterestsPath(code string) string { return CommitteePath(code) + "/interests" }

// InterestNewPath adds a standing declaration to the register.
func InterestNewPath(code string) string { return InterestsPath(code) + "/new" }

// InterestEndPath ends a standing declaration today.
func InterestEndPath(code string, id int64) string {
	return InterestsPath(code) + "/" + i64(id) + "/end"
}

// CommitteeRulesPath edits a committee's formal rules: quorum, casting
// vote, signatory, the register's classification.
func CommitteeRulesPath(code string) string { return CommitteePath(code) + "/rules" }

// CommitteeAttendancePath is the committee's page at its attendance record
// over the period from–to (YYYY-MM-DD; "" for the default year).
func CommitteeAttendancePath(code, from, to string) string {
	p := CommitteePath(code)
	q := url.Values{}
	if from != "" {
		q.Set("from", from)
	}
	if to != "" {
		q.Set("to", to)
	}
	if len(q) > 0 {
		p += "?" + q.Encode()
	}
	return p + "#attendance"
}
