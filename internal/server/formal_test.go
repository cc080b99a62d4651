package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/export/exporttest"
	mb "github.com/minutebook/minutebook/internal/minutebook"
)

// people returns the demo's people's ids by name, as form values.
func (a *app) people(t *testing.T) map[string]string {
	t.Helper()
	list, err := a.store.People(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, p := range list {
		out[p.Name] = strconv.FormatInt(p.ID, 10)
	}
	return out
}

// draft106 records a roll call at OPSG 106 (the chair, Kevin Donnelly and
// Sam Draper present) and returns its first item and that item's decision.
func draft106(t *testing.T, a *app) (item, decision string) {
	t.Helper()
	ctx := context.Background()
	m, err := a.store.MeetingByNumber(ctx, "OPSG", 106)
	if err != nil {
		t.Fatal(err)
	}
	p := a.people(t)
	id := func(name string) int64 { n, _ := strconv.ParseInt(p[name], 10, 64); return n }
	if _, err := a.store.SaveAttendance(ctx, m.ID, m.AttendanceVersion, []mb.Attendee{
		{PersonID: id("Dave Warner"), Status: mb.Present, Category: "Operations Group Chair"},
		{PersonID: id("Kevin Donnelly"), Status: mb.Present, Category: "Large Suppliers"},
		{PersonID: id("Sam Draper"), Status: mb.Present, Category: "Large Suppliers"},
	}); err != nil {
		t.Fatal(err)
	}
	items, err := a.store.Items(ctx, m.ID)
	if err != nil || len(items) == 0 || len(items[0].Decisions) == 0 {
		t.Fatalf("OPSG 106's items: %v", err)
	}
	return strconv.FormatInt(items[0].ID, 10), strconv.FormatInt(items[0].Decisions[0].ID, 10)
}

// TestVoteRefusesDeclaredMemberThroughTheForm: the secretariat records Kevin
// Donnelly's declaration (he left the room); a named vote counting him comes
// back 422 with the reason beside his row and the choices as typed; without
// him it is saved and the minutes read as written.
func TestVoteRefusesDeclaredMemberThroughTheForm(t *testing.T) {
	a := newApp(t)
	item, decision := draft106(t, a)
	p := a.people(t)
	sec := a.as("secretariat")
	m106 := "/committees/OPSG/meetings/106"

	res := sec.post(m106+"/items/"+item+"/declarations/new", url.Values{"person": {p["Kevin Donnelly"]}, "nature": {"Albion Energy is a party to the contract"}, "effect": {"left_room"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("declaration: status %d\n%s", res.status, res.body)
	}
	form := sec.get(m106 + "/decisions/" + decision + "/vote")
	form.mustContain(t, "Not counted in this vote", "Kevin Donnelly declared an interest in item 1 and left the room, so cannot be counted in the vote.")
	form.mustNotContain(t, `value="`+p["Kevin Donnelly"]+`"/><input type="hidden" name="member-`)

	vote := url.Values{"version": {"0"}, "mode": {"named"}, "rows": {"3"},
		"voter-0": {p["Dave Warner"]}, "member-0": {p["Dave Warner"]}, "choice-0": {"for"},
		"voter-1": {p["Kevin Donnelly"]}, "member-1": {p["Kevin Donnelly"]}, "choice-1": {"for"},
		"voter-2": {p["Sam Draper"]}, "member-2": {p["Sam Draper"]}, "choice-2": {"against"}}
	res = sec.post(m106+"/decisions/"+decision+"/vote", vote)
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("a vote counting Kevin Donnelly: status %d", res.status)
	}
	res.mustContain(t, `data-testid="error-1"`, "Kevin Donnelly declared an interest in item 1 and left the room, so cannot be counted in the vote.")

	vote.Set("choice-1", "")
	res = sec.post(m106+"/decisions/"+decision+"/vote", vote)
	if res.status != http.StatusSeeOther {
		t.Fatalf("the vote without him: status %d\n%s", res.status, res.body)
	}
	page := sec.get(m106)
	page.mustContain(t, "The OPSG voted 1 for and 1 against, and", "For: Dave Warner. Against: Sam Draper.",
		"Declarations of interest:", "Kevin Donnelly declared an interest: Albion Energy is a party to the contract. Kevin Donnelly left the room.")

	// Counts may include proxies for the twelve voting members absent, but
	// never him: fifteen are refused with the same reason.
	res = sec.post(m106+"/decisions/"+decision+"/vote", url.Values{"version": {"1"}, "mode": {"counts"}, "for": {"15"}, "against": {"0"}})
	if res.status != http.StatusUnprocessableEntity {
		t.Fatalf("counts of 15: status %d", res.status)
	}
	res.mustContain(t, "The vote counts 15, but only 14 could vote on item 1: Kevin Donnelly declared an interest in item 1 and left the room, so cannot be counted in the vote.")
}

// TestRegisterOfInterests: AMBER by default, so the OPSG's members read it
// and others do not; the secretariat adds to it and ends an interest.
func TestRegisterOfInterests(t *testing.T) {
	a := newApp(t)
	p := a.people(t)
	a.as("member").get("/committees/OPSG/interests").mustContain(t, "Kevin Donnelly", "Employed by Albion Energy, a Large Supplier", "classified <strong>Amber</strong>")
	if res := a.as("non-member").get("/committees/OPSG/interests"); res.status != http.StatusForbidden {
		t.Errorf("a non-member: status %d", res.status)
	}
	sec := a.as("secretariat")
	res := sec.post("/committees/OPSG/interests/new", url.Values{"person": {p["Rachel Allen"]}, "nature": {"Adviser"}, "from": {"2023-01-01"}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "does not sit on OPSG") {
		t.Errorf("someone not on the committee: status %d", res.status)
	}
	res = sec.post("/committees/OPSG/interests/new", url.Values{"person": {p["Sam Draper"]}, "nature": {"Shareholder in Crown Gas &amp; Electric"}, "from": {"2023-01-01"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("add: status %d\n%s", res.status, res.body)
	}
	// Published, the register is for everyone.
	admin := a.as("admin")
	opsg, _ := a.store.CommitteeByCode(context.Background(), "OPSG")
	res = admin.post("/committees/OPSG/rules", url.Values{"version": {strconv.Itoa(opsg.Version)}, "quorum_kind": {"members"}, "quorum_members": {"5"},
		"quorum_chair": {"1"}, "interests_classification": {"CLEAR"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("rules: status %d\n%s", res.status, res.body)
	}
	a.anonymous().get("/committees/OPSG/interests").mustContain(t, "Sam Draper", "classified <strong>Clear</strong>")
	res = admin.post("/committees/OPSG/rules", url.Values{"version": {strconv.Itoa(opsg.Version + 1)}, "quorum_kind": {"share"}, "quorum_share": {"0"}, "interests_classification": {"CLEAR"}})
	if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "from 1 to 100 per cent") {
		t.Errorf("a share of 0: status %d", res.status)
	}
}

// TestQuorumOnTheMinutes: OPSG 105 is quorate under the demo's rule; a draft
// whose decision was taken while inquorate warns the secretariat, and
// circulating it asks to be confirmed.
func TestQuorumOnTheMinutes(t *testing.T) {
	a := newApp(t)
	a.anonymous().get("/committees/OPSG/meetings/105").mustContain(t,
		"The meeting was quorate: 11 voting members were present, including the chair; the quorum is 5 voting members, including the chair or a deputy.")
	draft106(t, a) // three voting members: inquorate
	sec := a.as("secretariat")
	page := sec.get("/committees/OPSG/meetings/106")
	page.mustContain(t, "The meeting was inquorate: 3 voting members were present", `data-testid="item-inquorate"`,
		"The decisions at item 1 were taken while the meeting was inquorate.", "Circulate the draft anyway")
	res := sec.post("/committees/OPSG/meetings/106/circulate", url.Values{})
	if res.status != http.StatusSeeOther {
		t.Fatalf("circulate: status %d", res.status)
	}
	if m, _ := a.store.MeetingByNumber(context.Background(), "OPSG", 106); m.Status != mb.Draft {
		t.Fatal("the draft was circulated without the secretariat's confirmation")
	}
	sec.get("/committees/OPSG/meetings/106").mustContain(t, "To circulate it as it is, confirm on the page.")
	if res := sec.post("/committees/OPSG/meetings/106/circulate", url.Values{"inquorate": {"acknowledged"}}); res.status != http.StatusSeeOther {
		t.Fatalf("circulate anyway: status %d", res.status)
	}
	if m, _ := a.store.MeetingByNumber(context.Background(), "OPSG", 106); m.Status != mb.Circulated {
		t.Fatal("the confirmed draft was not circulated")
	}
}

// TestSignatureVerifyAndCorrection: OPSG 105 is signed by its chair; anyone
// who may read it checks the signature and a copy's hash; a correction voids
// the signature until the chair signs the corrected version.
func TestSignatureVerifyAndCorrection(t *testing.T) {
	a := newApp(t)
	anon := a.anonymous()
	anon.get("/committees/OPSG/meetings/105").mustContain(t, "Signed by Dave Warner on 14 November 2023.", "/committees/OPSG/meetings/105/verify")
	doc, err := a.store.Minutes(context.Background(), mustMeeting(t, a, 105).ID)
	if err != nil {
		t.Fatal(err)
	}
	hash := doc.Signature.SHA256
	anon.get("/committees/OPSG/meetings/105/verify").mustContain(t, "The signature matches the stored version", hash)
	anon.get("/committees/OPSG/meetings/105/verify?sha256="+strings.ToUpper(hash)).mustContain(t, "That hash is the signed version’s")
	anon.get("/committees/OPSG/meetings/105/verify?sha256="+strings.Repeat("0", 64)).mustContain(t, "That hash is not the signed version’s")
	if res := a.as("secretariat").post("/committees/OPSG/meetings/105/sign", nil); res.status != http.StatusForbidden {
		t.Errorf("the secretariat signing: status %d", res.status)
	}

	sec, chair := a.as("secretariat"), a.as("chair")
	if res := sec.post("/committees/OPSG/meetings/105/correction", url.Values{"reason": {"A name misspelt"}}); res.status != http.StatusSeeOther {
		t.Fatalf("open correction: status %d", res.status)
	}
	anon.get("/committees/OPSG/meetings/105").mustContain(t, "Not signed: Dave Warner’s signature of 14 November 2023 was voided (A correction was opened: A name misspelt).")
	chair.post("/committees/OPSG/meetings/105/sign", nil)
	if res := sec.post("/committees/OPSG/meetings/105/correction/finish", nil); res.status != http.StatusSeeOther {
		t.Fatalf("finish correction: status %d", res.status)
	}
	page := chair.get("/committees/OPSG/meetings/105")
	page.mustContain(t, `data-testid="sign"`)
	if res := chair.post("/committees/OPSG/meetings/105/sign", nil); res.status != http.StatusSeeOther {
		t.Fatalf("sign: status %d", res.status)
	}
	// The page the chair read before signing was kept (approved minutes are
	// rendered once for each kind of reader): signing counts in the
	// committee's epoch, so the page is rendered again, without the button.
	signed := chair.get("/committees/OPSG/meetings/105")
	signed.mustContain(t, `data-testid="signature"`, "Signed by Dave Warner on")
	signed.mustNotContain(t, `data-testid="sign"`)
	entries, _ := a.store.AuditLog(context.Background(), mb.AuditFilter{})
	var actions []string
	for _, e := range entries {
		if e.Action == "sign" || e.Action == "void-signature" {
			actions = append(actions, e.Action)
		}
	}
	if strings.Join(actions, " ") != "sign void-signature sign" {
		t.Errorf("audited %v, want the signature, its voiding and the new one (newest first)", actions)
	}
}

// TestFormalRecordInTheAPI: the meeting document carries the vote with its
// ballots, the declarations, the quorum and the signature.
func TestFormalRecordInTheAPI(t *testing.T) {
	a := newApp(t)
	var doc struct {
		Items []struct {
			Declarations []struct{ Name, Effect string }
			Decisions    []struct {
				Sentence string
				Vote     *struct {
					Named, For, Against, Abstain any
					Result                       string
					Ballots                      []struct{ Member, Voter, Choice string }
				}
			}
		}
		Quorum    *struct{ Quorate bool }
		Signature *struct {
			SignedBy  string `json:"signed_by"`
			SHA256    string
			VerifyURL string `json:"verify_url"`
		}
	}
	res := a.as("member").get("/api/v1/committees/PANEL/meetings/120")
	if err := json.Unmarshal([]byte(res.body), &doc); err != nil {
		t.Fatalf("%v\n%s", err, res.body)
	}
	it := doc.Items[1]
	if len(it.Declarations) != 1 || it.Declarations[0].Name != "Kevin Donnelly" || it.Declarations[0].Effect != "left_room" {
		t.Errorf("declarations %+v", it.Declarations)
	}
	v := it.Decisions[0].Vote
	if v == nil || v.Result != "carried" || len(v.Ballots) != 4 || v.Ballots[3].Voter != "Shuba Khatun" || v.Ballots[3].Member != "Owen Pritchard" {
		t.Errorf("vote %+v", v)
	}
	if doc.Quorum == nil || !doc.Quorum.Quorate {
		t.Errorf("quorum %+v", doc.Quorum)
	}
	doc.Signature = nil
	res = a.anonymous().get("/api/v1/committees/OPSG/meetings/105")
	if err := json.Unmarshal([]byte(res.body), &doc); err != nil {
		t.Fatal(err)
	}
	if s := doc.Signature; s == nil || s.SignedBy != "Dave Warner" || len(s.SHA256) != 64 || !strings.HasSuffix(s.VerifyURL, "/committees/OPSG/meetings/105/verify") {
		t.Errorf("signature %+v", doc.Signature)
	}
}

// TestAttendanceRecordOnTheCommitteePage: the record counts the meetings
// each member could attend in the period, with a chart and its table.
func TestAttendanceRecordOnTheCommitteePage(t *testing.T) {
	a := newApp(t)
	page := a.as("member").get("/committees/OPSG?from=2023-09-01&to=2023-10-31")
	page.mustContain(t, `data-testid="attendance-chart"`, `role="img"`, "<desc id=\"attendance-chart-desc\">", `data-testid="attendance-table"`)
	// Four OPSG meetings from 102 to 105; Dave Warner attended all four,
	// Cassie Bowerman sent apologies to each.
	for _, want := range []string{"Dave Warner 4 of 4 (100%)", "Cassie Bowerman 0 of 4 (0%)"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the chart's description lacks %q", want)
		}
	}
	a.as("member").get("/committees/OPSG?from=bad").mustContain(t, "the year to today is shown instead")
	// A non-member reads only the published minutes' attendance: 102 and 105.
	a.as("non-member").get("/committees/OPSG?from=2023-09-01&to=2023-10-31").mustContain(t, "Dave Warner 2 of 2 (100%)")
}

// TestVoteFormAlternate: an alternate's row votes for the member they attend
// for, and saving it counts the member's vote.
func TestVoteFormAlternate(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	_, decision := draft106(t, a)
	m := mustMeeting(t, a, 106)
	p := a.people(t)
	id := func(name string) int64 { n, _ := strconv.ParseInt(p[name], 10, 64); return n }
	emslie := id("Emslie Law")
	if _, err := a.store.SaveAttendance(ctx, m.ID, m.AttendanceVersion, []mb.Attendee{
		{PersonID: id("Dave Warner"), Status: mb.Present, Category: "Operations Group Chair"},
		{PersonID: id("Nick Coombs"), Status: mb.Present, Category: "Large Suppliers", AlternateForID: &emslie},
		{PersonID: emslie, Status: mb.Apologies, Category: "Large Suppliers"},
	}); err != nil {
		t.Fatal(err)
	}
	sec := a.as("secretariat")
	form := sec.get("/committees/OPSG/meetings/106/decisions/" + decision + "/vote")
	form.mustContain(t, "Nick Coombs (alternate)", "Emslie Law")
	res := sec.post("/committees/OPSG/meetings/106/decisions/"+decision+"/vote", url.Values{"version": {"0"}, "mode": {"named"}, "rows": {"1"},
		"voter-0": {p["Nick Coombs"]}, "member-0": {p["Emslie Law"]}, "choice-0": {"against"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("status %d\n%s", res.status, res.body)
	}
	sec.get("/committees/OPSG/meetings/106").mustContain(t, "Against: Nick Coombs for Emslie Law.")
}

// TestFormalRecordOfWithheldItems: a declaration and a vote in an item
// above the reader's level are withheld with the item, on the page, the
// public site, the API and the files, and left out of the list near the
// top; a reader with the level reads them.
func TestFormalRecordOfWithheldItems(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	sec, _, err := a.store.UserByEmail(ctx, a.emails["secretariat"])
	if err != nil {
		t.Fatal(err)
	}
	ctx = mb.NewContextWithActor(ctx, sec)
	m := mustMeeting(t, a, 102)
	if err := a.store.OpenCorrection(ctx, m.ID, "The declaration in item 4 was left out"); err != nil {
		t.Fatal(err)
	}
	items, err := a.store.Items(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	amber := items[3] // Security Assessment Briefing, AMBER
	p := a.people(t)
	kevin, _ := strconv.ParseInt(p["Kevin Donnelly"], 10, 64)
	const nature = "Albion Energy commissioned the security assessment"
	if err := a.store.CreateDeclaration(ctx, &mb.Declaration{ItemID: amber.ID, PersonID: kevin, Nature: nature, Effect: mb.DidNotVote}); err != nil {
		t.Fatal(err)
	}
	if err := a.store.SaveVote(ctx, &mb.Vote{DecisionID: amber.Decisions[0].ID, For: 3, Against: 1}); err != nil {
		t.Fatal(err, mb.ErrorFields(err))
	}
	if err := a.store.FinishCorrection(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	anon := a.anonymous()
	for _, path := range []string{"/committees/OPSG/meetings/102", "/public/OPSG/102", "/api/v1/committees/OPSG/meetings/102"} {
		res := anon.get(path)
		if res.status != http.StatusOK {
			t.Fatalf("%s: status %d", path, res.status)
		}
		res.mustNotContain(t, nature, "voted 3 for", "Declarations of interest")
	}
	text := exporttest.Words(exporttest.Text(t, []byte(anon.get("/committees/OPSG/meetings/102.pdf").body)))
	if strings.Contains(text, nature) || strings.Contains(text, "voted 3 for") || !strings.Contains(text, "Item 4 is classified AMBER and is not shown.") {
		t.Errorf("the PDF for the public:\n%s", text)
	}
	a.as("member").get("/committees/OPSG/meetings/102").mustContain(t, nature, "voted 3 for and 1 against", "Declarations of interest:")
}
