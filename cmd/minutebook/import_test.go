package main

import (
	"context"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/minutebook/minutebook/internal/fixture"

	"github.com/minutebook/minutebook/internal/dbtest"
	mb "github.com/minutebook/minutebook/internal/minutebook"
	"github.com/minutebook/minutebook/internal/postgres"
)

var opsg105 = fixture.Path(fixture.OPSG105)

func keysOf(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }

// The dry run prints the documented JSON and starts no database.
func TestImportDryRunJSON(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	t.Setenv("DATABASE_URL", "")
	var out, errOut strings.Builder
	if err := run(t.Context(), []string{"import", "--data-dir", dir, "--dry-run", "--json", opsg105}, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatal(err, errOut.String())
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("a dry run touched the data directory: %v", err)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out.String()), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out.String())
	}
	shape := map[string][]string{
		"":             {"apologies", "attendees", "decision_words", "decision_words_assumed", "items", "meeting", "next_meetings", "outstanding_actions", "risks", "unrecognised", "warnings"},
		"meeting":      {"classification", "committee", "committee_name", "date", "end", "kind", "number", "reference", "start", "status", "venue"},
		"item":         {"actions", "decisions", "line", "number", "risks", "text", "title"},
		"decision":     {"kind", "line", "text"},
		"action":       {"line", "owner", "ref", "text"},
		"outstanding":  {"line", "owner", "raised", "ref", "revised_target", "status", "target", "text"},
		"risk":         {"band", "line", "ref", "severity", "text"},
		"next_meeting": {"date", "kind"},
		"apology":      {"line", "name", "representing"},
		"warning":      {"line", "text"},
	}
	at := func(v any, i int) map[string]any { return v.([]any)[i].(map[string]any) }
	items := doc["items"].([]any)
	got := map[string][]string{
		"": keysOf(doc), "meeting": keysOf(doc["meeting"].(map[string]any)), "item": keysOf(at(items, 3)),
		"decision": keysOf(at(at(items, 3)["decisions"], 0)), "action": keysOf(at(at(items, 3)["actions"], 0)),
		"outstanding": keysOf(at(doc["outstanding_actions"], 0)), "risk": keysOf(at(doc["risks"], 0)),
		"next_meeting": keysOf(at(doc["next_meetings"], 0)), "apology": keysOf(at(doc["apologies"], 0)),
		"warning": keysOf(at(doc["warnings"], 0)),
	}
	for k, want := range shape {
		if !slices.Equal(got[k], want) {
			t.Errorf("%q has keys %v, want %v", k, got[k], want)
		}
	}
	// Attendees carry category or representing, and alternate_for only when set.
	for _, a := range doc["attendees"].([]any) {
		keys := keysOf(a.(map[string]any))
		if !slices.Equal(keys, []string{"category", "line", "name", "part_items"}) && !slices.Equal(keys, []string{"line", "name", "part_items", "representing"}) {
			t.Errorf("attendee keys %v", keys)
		}
	}
	m := doc["meeting"].(map[string]any)
	if m["committee"] != "OPSG" || m["number"] != 105.0 || m["date"] != "2023-10-23" || m["start"] != "12:20" || m["end"] != "16:00" ||
		m["reference"] != "OPSG_105_2310" || m["status"] != "final" || m["classification"] != "CLEAR" {
		t.Errorf("meeting %v", m)
	}
	if n := len(doc["unrecognised"].([]any)); n != 0 || len(doc["attendees"].([]any)) != 27 || len(items) != 15 {
		t.Errorf("%d unrecognised, %d attendees, %d items", n, len(doc["attendees"].([]any)), len(items))
	}
}

func TestImportDryRunReport(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	notes := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(notes, []byte("Some notes\n\n1. First\n\nText.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := runCmd(t, "", "import", "--data-dir", t.TempDir(), "--dry-run", opsg105, fixture.Path(fixture.Garbage), notes)
	if err == nil || !strings.Contains(err.Error(), "1 of 3 files") {
		t.Errorf("err = %v", err)
	}
	for _, want := range []string{
		"OPSG 105, main meeting of 2023-10-23 (final minutes): 27 attendees, 6 apologies, 15 items, 5 actions raised, 2 actions outstanding, 4 risks reviewed, 2 next meetings.",
		"line 38: Gary Stuart is listed after a blank line",
		"garbage.txt: OPSG 107", "line 12: ??!! 12345 ;;",
		"notes.txt:", "It cannot be imported as it was read", "Enter the meeting number: the document gives none.", "Say which committee's minutes these are with --committee CODE.",
		"Not understood", "Nothing was saved (a dry run).",
		// No database, so no committee's decision words: the dry run says
		// what it read decisions in.
		"Check:\n    document: No committee's decision words were given, so decisions were read in minutebook's default words (NOTED, AGREED, APPROVED); importing",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if _, err := runCmd(t, "", "import", "--json", opsg105); err == nil || !strings.Contains(err.Error(), "use it with --dry-run") {
		t.Errorf("--json without --dry-run: %v", err)
	}
	if _, err := runCmd(t, "", "import"); err == nil {
		t.Error("import with no file succeeded")
	}
}

// A real import creates the draft, a second updates it, and a file whose
// committee minutebook lacks fails alone, with the reason.
func TestImportCommand(t *testing.T) {
	url := dbtest.URL(t)
	t.Setenv("DATABASE_URL", url)
	ctx := context.Background()
	if out, err := runCmd(t, "", "migrate", "up"); err != nil {
		t.Fatal(err, out)
	}
	store, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	secas, _ := store.EnsureOrganisation(ctx, "SECAS")
	opsg := &mb.Committee{Code: "OPSG", Name: "Operations Group", SecretariatID: &secas.ID, EscalationThreshold: 15,
		Categories: []string{"Operations Group Chair", "Network Parties", "Large Suppliers", "Small Suppliers", "Other SEC Parties"}}
	if err := store.CreateCommittee(ctx, opsg); err != nil {
		t.Fatal(err)
	}

	out, err := runCmd(t, "", "import", opsg105)
	if err != nil {
		t.Fatal(err, out)
	}
	for _, want := range []string{
		"opsg-105-final-minutes.txt: Created the draft minutes of OPSG 105 (Main Meeting, 23 October 2023).",
		"27 attendees, 6 apologies, 15 items, 12 decisions.",
		"Actions raised: OPSG 105/01; OPSG 105/02; OPSG 105/03; OPSG 105/04; OPSG 105/05.",
		"Actions outstanding: entered OPSG 102/01 from earlier history; closed OPSG 102/01;",
		"Risks reviewed: OPSG-006 (Severity 20 – Critical);",
		"New meetings: OPSG 106 (Main Meeting, 14 November 2023); OPSG 107 (Reporting Meeting, 27 November 2023).",
		"OPSG has no parent body", // the agreed escalation has nowhere to go
		"line 38: Gary Stuart is listed after a blank line",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, err = runCmd(t, "", "import", opsg105, fixture.Path(fixture.TABASC42PDF))
	if err == nil || !strings.Contains(err.Error(), "1 of 2 files could not be imported") {
		t.Errorf("err = %v", err)
	}
	for _, want := range []string{
		"Updated the draft minutes of OPSG 105",
		"tabasc-42-pdf.txt: not imported: There is no committee TABASC in minutebook",
		"Say which committee's minutes these are with --committee CODE.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if n, err := store.Meetings(ctx, mb.MeetingFilter{CommitteeID: &opsg.ID}); err != nil || len(n) != 3 {
		t.Errorf("OPSG has %d meetings (%v), want 105 and the two next", len(n), err)
	}
	// OPSG decides in the default words: the draft of 106 is read in them,
	// its ENDORSED, REJECTED and DEFERRED kept as text, and OPSG's words
	// stay its own.
	out, err = runCmd(t, "", "import", fixture.Path(fixture.OPSG106Draft))
	if err != nil {
		t.Fatal(err, out)
	}
	if !strings.Contains(out, "ENDORSED is not one of OPSG's decision words (NOTED, AGREED, APPROVED)") || strings.Contains(out, "No committee's decision words") {
		t.Errorf("importing 106:\n%s", out)
	}
	if c, err := store.CommitteeByCode(ctx, "OPSG"); err != nil || !slices.Equal(c.DecisionVocabulary, mb.DefaultDecisionVocabulary) {
		t.Errorf("OPSG decides in %v (%v)", c.DecisionVocabulary, err)
	}
	// Told which committee, the TABASC document imports as OPSG's, with a note.
	out, err = runCmd(t, "", "import", "--committee", "OPSG", fixture.Path(fixture.TABASC42PDF))
	if err == nil || !strings.Contains(out, "TABASC Chair") {
		// Its categories are TABASC's, which OPSG does not have: refused.
		t.Errorf("err = %v\n%s", err, out)
	}
}

// --number and --kind say what a document does not (issue 15), and the
// dry run's JSON carries what other bodies' minutes give: initials, roles,
// numbered paragraphs, owners' people and target dates.
func TestImportNumberAndKind(t *testing.T) {
	t.Setenv("DATABASE_URL", "")
	workgroup := fixture.Layout("workgroup-action-log.txt")
	out, err := runCmd(t, "", "import", "--dry-run", workgroup)
	if err == nil || !strings.Contains(out, "Say which meeting they record with --number N.") {
		t.Errorf("without --number: %v\n%s", err, out)
	}
	if !strings.Contains(out, "no committee code found") || !strings.Contains(out, "no meeting number found") {
		t.Errorf("without --committee and --number, the warnings do not say so:\n%s", out)
	}
	out, err = runCmd(t, "", "import", "--dry-run", "--committee", "GW417", "--number", "4", "--kind", "reporting", workgroup)
	if err != nil || !strings.Contains(out, "workgroup-action-log.txt: GW417 4, reporting meeting of 2026-05-12") {
		t.Errorf("with --number and --kind: %v\n%s", err, out)
	}
	// The warnings say what the flags supplied, not that nothing was found.
	if strings.Contains(out, "no committee code found") || strings.Contains(out, "no meeting number found") ||
		!strings.Contains(out, "the document names no committee code; it is read as the minutes of GW417, as the import says") ||
		!strings.Contains(out, "the document gives no meeting number; it is read as meeting 4, as the import says") {
		t.Errorf("with --committee and --number:\n%s", out)
	}
	if out, err := runCmd(t, "", "import", "--dry-run", "--kind", "annual", workgroup); err == nil || !strings.Contains(out, "Choose the kind of meeting") {
		t.Errorf("--kind annual: %v\n%s", err, out)
	}

	out, err = runCmd(t, "", "import", "--dry-run", "--json", fixture.Layout("subcommittee-initials.txt"))
	if err != nil {
		t.Fatal(err, out)
	}
	var doc struct {
		Attendees []map[string]any `json:"attendees"`
		Items     []struct {
			Actions []map[string]any `json:"actions"`
		} `json:"items"`
		NextMeetings []map[string]any `json:"next_meetings"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if a := doc.Attendees[0]; a["initials"] != "JK" || a["role"] != "Chair" {
		t.Errorf("attendee %v", a)
	}
	if a := doc.Items[4].Actions[0]; a["owner_person"] != "Moira Lachlan" || a["target"] != "2026-09-30" {
		t.Errorf("action %v", a)
	}
	if n := doc.NextMeetings[1]; n["number"] != 62.0 || n["start"] != "10:30" || n["venue"] != "Harbour Exchange, Bristol" {
		t.Errorf("next meeting %v", n)
	}
}
