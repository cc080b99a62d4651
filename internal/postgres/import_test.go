package postgres_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/minutebook/minutebook/internal/fixture"

	"github.com/minutebook/minutebook/internal/importer"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/minutesimport"
	"github.com/minutebook/minutebook/internal/postgres"
)

// importFixture is a store holding the committees the test documents
// belong to, with a few of the model document's people already known.
type importFixture struct {
	s            *postgres.Store
	panel, opsg  *mb.Committee
	secas        *mb.Organisation
	rachel, dave *mb.Person
}

func newImportFixture(t testing.TB) *importFixture {
	t.Helper()
	ctx := context.Background()
	f := &importFixture{s: mustOpen(t)}
	var err error
	if f.secas, err = f.s.EnsureOrganisation(ctx, "SECAS"); err != nil {
		t.Fatal(err)
	}
	f.panel = &mb.Committee{Code: "PANEL", Name: "SEC Panel", SecretariatID: &f.secas.ID, Categories: []string{"Panel Chair"}, EscalationThreshold: 15}
	if err := f.s.CreateCommittee(ctx, f.panel); err != nil {
		t.Fatal(err)
	}
	// OPSG decides in more words than the default, as its draft of 106 shows.
	f.opsg = &mb.Committee{Code: "OPSG", Name: "Operations Group", ParentID: &f.panel.ID, SecretariatID: &f.secas.ID, EscalationThreshold: 15,
		Categories:         []string{"Operations Group Chair", "Network Parties", "Large Suppliers", "Small Suppliers", "Other SEC Parties"},
		DecisionVocabulary: fixture.DecisionWords(fixture.Path(fixture.OPSG106Draft))}
	if err := f.s.CreateCommittee(ctx, f.opsg); err != nil {
		t.Fatal(err)
	}
	tabasc := &mb.Committee{Code: "TABASC", Name: "Technical Architecture and Business Architecture Sub-Committee", ParentID: &f.panel.ID,
		SecretariatID: &f.secas.ID, EscalationThreshold: 15, Categories: []string{"TABASC Chair", "Large Suppliers", "Other SEC Parties"}}
	if err := f.s.CreateCommittee(ctx, tabasc); err != nil {
		t.Fatal(err)
	}
	desnz, err := f.s.EnsureOrganisation(ctx, "DESNZ (formerly BEIS)")
	if err != nil {
		t.Fatal(err)
	}
	f.rachel = &mb.Person{Name: "Rachel Allen", OrganisationID: &desnz.ID}
	f.dave = &mb.Person{Name: "Dave Warner"}
	for _, p := range []*mb.Person{f.rachel, f.dave} {
		if err := f.s.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.s.CreateMembership(ctx, &mb.Membership{CommitteeID: f.opsg.ID, PersonID: f.dave.ID, Role: mb.RoleChair,
		Category: "Operations Group Chair", From: time.Date(2022, 4, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return f
}

// read parses and converts a test document.
func read(t testing.TB, path string) *mb.MinutesImport {
	t.Helper()
	in, err := importer.Convert(readDoc(t, path), importer.Options{Source: path})
	if err != nil {
		t.Fatal(err)
	}
	return in
}

func readDoc(t testing.TB, path string) *minutesimport.Document {
	t.Helper()
	f, err := os.Open(fixture.Path(path))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// Read in the words of a committee that decides as the document does.
	doc, err := minutesimport.Parse(f, path, minutesimport.Options{DecisionWords: fixture.DecisionWords(fixture.Path(path))})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func (f *importFixture) importDoc(t testing.TB, in *mb.MinutesImport) *mb.ImportReport {
	t.Helper()
	rep, err := f.s.ImportMinutes(context.Background(), in, postgres.ImportOptions{})
	if err != nil {
		t.Fatalf("import: %v (%s)", err, mb.ErrorMessage(err))
	}
	return rep
}

// count returns the number of rows of a table, to show that a failed
// import left nothing behind.
func count(t *testing.T, s *postgres.Store, table string) int {
	t.Helper()
	var n int
	if err := s.Pool().QueryRow(context.Background(), `SELECT count(*) FROM `+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportMinutes(t *testing.T) {
	ctx := context.Background()
	f := newImportFixture(t)
	rep := f.importDoc(t, read(t, "opsg-105-final-minutes.txt"))

	t.Run("CreatesTheDraftMeeting", func(t *testing.T) {
		m, err := f.s.MeetingByNumber(ctx, "OPSG", 105)
		if err != nil {
			t.Fatal(err)
		}
		if !rep.Created || m.Status != mb.Draft || m.Reference != "OPSG_105_2310" || m.TimeLabel() != "12:20 – 16:00" ||
			m.Venue != "Teleconference" || m.Classification != mb.Clear || m.Kind != mb.MainMeeting {
			t.Errorf("meeting %+v (created %v)", m, rep.Created)
		}
		if rep.Attendees != 27 || rep.Apologies != 6 || rep.Items != 15 || rep.Decisions != 12 {
			t.Errorf("report counts %d %d %d %d", rep.Attendees, rep.Apologies, rep.Items, rep.Decisions)
		}
	})
	t.Run("AttendanceMatchedAndCreated", func(t *testing.T) {
		m, _ := f.s.MeetingByNumber(ctx, "OPSG", 105)
		doc, err := f.s.Minutes(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		// Part attendance is kept by the items attended, numbered as they stand.
		list := doc.Attendance
		byName := map[string]mb.Attendee{}
		for _, a := range list {
			byName[a.PersonName] = a
		}
		if len(list) != 33 {
			t.Errorf("%d recorded, want 33", len(list))
		}
		if a := byName["Dave Warner"]; a.PersonID != f.dave.ID || a.Category != "Operations Group Chair" {
			t.Errorf("Dave Warner %+v: not matched to the chair", a)
		}
		// The document's "formally" is a slip for the organisation Rachel Allen belongs to.
		if a := byName["Rachel Allen"]; a.PersonID != f.rachel.ID || a.RepresentingName != "DESNZ (formerly BEIS)" {
			t.Errorf("Rachel Allen %+v", a)
		}
		if a := byName["Adam Rawling"]; a.Status != mb.Part || a.PartItems != "5" || len(a.PartItemIDs) != 1 || a.RepresentingName != "DCC" {
			t.Errorf("Adam Rawling %+v", a)
		}
		if a := byName["Cassie Bowerman"]; a.Status != mb.Apologies || a.Category != "Small Suppliers" {
			t.Errorf("Cassie Bowerman %+v", a)
		}
		if a := byName["Ian Drummond"]; a.Status != mb.Apologies || a.RepresentingName != "DCC" {
			t.Errorf("Ian Drummond %+v", a)
		}
		if len(rep.NewPeople) != 31 || !slices.Contains(rep.NewOrganisations, "DCC") || slices.Contains(rep.NewOrganisations, "DESNZ (formally BEIS)") {
			t.Errorf("new people %d %v, organisations %v", len(rep.NewPeople), rep.NewPeople, rep.NewOrganisations)
		}
		if !hasNote(rep, "“DESNZ (formally BEIS)” was read as DESNZ (formerly BEIS)") || !hasNote(rep, "holding no seat") {
			t.Errorf("notes %+v", rep.Notes)
		}
	})
	t.Run("ActionsJoinTheRegisterAsWritten", func(t *testing.T) {
		want := []string{"OPSG 105/01", "OPSG 105/02", "OPSG 105/03", "OPSG 105/04", "OPSG 105/05"}
		if !slices.Equal(rep.ActionsRaised, want) {
			t.Errorf("raised %v", rep.ActionsRaised)
		}
		a, err := f.s.ActionByReference(ctx, "OPSG", 105, 3)
		if err != nil {
			t.Fatal(err)
		}
		if a.OwnerName != "DCC" || a.RaisedMeetingID == nil || a.ItemID == nil || !strings.HasPrefix(a.Text, "The DCC to return to the OPSG 107") {
			t.Errorf("105/03 %+v", a)
		}
		// The meeting's counter moved past the numbers: the next action is 105/06.
		items, _ := f.s.Items(ctx, rep.Meeting.ID)
		next := &mb.Action{ItemID: &items[0].ID, Text: "SECAS to check the counter.", OwnerID: f.secas.ID}
		if err := f.s.RaiseAction(ctx, next); err != nil || next.Sequence != 6 {
			t.Errorf("next action %d, %v", next.Sequence, err)
		}
	})
	t.Run("OutstandingEnteredAndClosedAtTheMeeting", func(t *testing.T) {
		rows, err := f.s.ActionsOutstanding(ctx, rep.Meeting.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 {
			t.Fatalf("outstanding rows %+v", rows)
		}
		for _, r := range rows {
			if r.StatusAfter != mb.ActionClosed || r.Action.RaisedOn.Format(time.DateOnly) != "2023-09-12" {
				t.Errorf("%s: %+v", r.Action.Reference(), r)
			}
		}
		if rows[0].LastTarget.Format(time.DateOnly) != "2024-02-28" || rows[1].LastTarget.Format(time.DateOnly) != "2023-12-31" {
			t.Errorf("last targets %v %v", rows[0].LastTarget, rows[1].LastTarget)
		}
		if want := []string{"entered OPSG 102/01 from earlier history", "closed OPSG 102/01", "entered OPSG 102/05 from earlier history", "closed OPSG 102/05"}; !slices.Equal(rep.Register, want) {
			t.Errorf("register %v", rep.Register)
		}
	})
	t.Run("RisksCreatedReviewedAndEscalated", func(t *testing.T) {
		reviews, err := f.s.RiskReviewsAt(ctx, rep.Meeting.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, v := range reviews {
			got = append(got, fmt.Sprintf("%s %dx%d %s", v.Reference, v.Likelihood, v.Impact, v.Band))
			if v.ItemID == nil || v.Comment == "" {
				t.Errorf("%s review without item or comment: %+v", v.Reference, v)
			}
		}
		if want := []string{"OPSG-006 4x5 Critical", "OPSG-019 4x4 High", "OPSG-002 3x5 High", "OPSG-017 3x5 High"}; !slices.Equal(got, want) {
			t.Errorf("reviews %v", got)
		}
		open, err := f.s.Escalations(ctx, mb.EscalationFilter{CommitteeIDs: []int64{f.opsg.ID}, OpenOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(open) != 4 || open[0].DecisionText != "all four risks above be escalated to the SEC Panel" {
			t.Errorf("escalations %+v", open)
		}
		if len(rep.NewRisks) != 4 || len(rep.Escalated) != 4 {
			t.Errorf("new risks %v escalated %v", rep.NewRisks, rep.Escalated)
		}
	})
	t.Run("NextMeetingsScheduled", func(t *testing.T) {
		for n, want := range map[int]string{106: "2023-11-14 main", 107: "2023-11-27 reporting"} {
			m, err := f.s.MeetingByNumber(ctx, "OPSG", n)
			if err != nil {
				t.Fatal(err)
			}
			if got := m.Date.Format(time.DateOnly) + " " + string(m.Kind); got != want || m.Status != mb.Draft {
				t.Errorf("OPSG %d: %s %s", n, got, m.Status)
			}
		}
	})
	t.Run("Audited", func(t *testing.T) {
		log, err := f.s.AuditLog(ctx, mb.AuditFilter{Entity: "meeting"})
		if err != nil {
			t.Fatal(err)
		}
		if len(log) == 0 || log[0].Action != "import" || !strings.Contains(log[0].Summary, "opsg-105-final-minutes.txt") {
			t.Errorf("latest meeting audit %+v", log[0])
		}
	})
}

func hasNote(rep *mb.ImportReport, part string) bool {
	for _, n := range rep.Notes {
		if strings.Contains(n.Text, part) {
			return true
		}
	}
	return false
}

// BenchmarkImportMinutes measures a trial import of the model document into
// a committee that already holds it: what the browser's preview runs on
// every view, and the work of a re-import.
func BenchmarkImportMinutes(b *testing.B) {
	ctx := context.Background()
	f := newImportFixture(b)
	f.importDoc(b, read(b, "opsg-105-final-minutes.txt"))
	in := read(b, "opsg-105-final-minutes.txt")
	for b.Loop() {
		if _, err := f.s.ImportMinutes(ctx, in, postgres.ImportOptions{DryRun: true}); err != nil {
			b.Fatal(err)
		}
	}
}
