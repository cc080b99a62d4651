package server_test

import (
	"net/http"
	"net/url"
	"testing"
)

func meetingForm(number, date, start, end string) url.Values {
	return url.Values{
		"committee": {""}, "number": {number}, "kind": {"main"}, "date": {date},
		"start": {start}, "end": {end}, "venue": {"Teleconference"}, "classification": {"CLEAR"},
	}
}

func TestMeetingForms(t *testing.T) {
	a := newApp(t)
	sec := a.as("secretariat")
	opsg, err := a.store.CommitteeByCode(t.Context(), "OPSG")
	if err != nil {
		t.Fatal(err)
	}
	form := func(number, date, start, end string) url.Values {
		f := meetingForm(number, date, start, end)
		f.Set("committee", i64(opsg.ID))
		return f
	}

	t.Run("NewFormSuggestsTheNextNumber", func(t *testing.T) {
		sec.get("/committees/OPSG/meetings/new").mustContain(t, `value="108"`)
	})

	t.Run("Create", func(t *testing.T) {
		res := sec.post("/committees/OPSG/meetings/new", form("108", "2023-12-12", "10:00", "16:00"))
		if res.status != http.StatusSeeOther || res.location != "/committees/OPSG/meetings/108" {
			t.Fatalf("status %d location %q\n%s", res.status, res.location, res.body)
		}
		page := sec.get("/committees/OPSG/meetings/108")
		page.mustContain(t, "Operations Group Meeting 108", "12 December 2023", "10:00 – 16:00", "Teleconference",
			"OPSG_108_2312 – Draft Minutes", "This document is classified as <strong>Clear</strong>")
	})

	t.Run("ErrDuplicateNumber", func(t *testing.T) {
		res := sec.post("/committees/OPSG/meetings/new", form("105", "2023-12-20", "", ""))
		if res.status != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.status)
		}
		res.mustContain(t, "The committee already has a meeting with that number.", `value="2023-12-20"`)
	})

	t.Run("ErrEndBeforeStart", func(t *testing.T) {
		res := sec.post("/committees/OPSG/meetings/new", form("109", "2024-01-09", "16:00", "12:20"))
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.status)
		}
		res.mustContain(t, "The meeting must end after it starts.", `value="16:00"`, `value="12:20"`, `value="2024-01-09"`, `value="Teleconference"`)
	})

	t.Run("ErrMissingDate", func(t *testing.T) {
		res := sec.post("/committees/OPSG/meetings/new", form("109", "", "10:00", "11:00"))
		if res.status != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 422", res.status)
		}
		res.mustContain(t, "Enter the date of the meeting.", `value="109"`)
	})

	t.Run("EditKeepsReferenceInStep", func(t *testing.T) {
		m, err := a.store.MeetingByNumber(t.Context(), "OPSG", 106)
		if err != nil {
			t.Fatal(err)
		}
		f := form("106", "2023-11-15", "10:00", "15:00")
		f.Set("version", itoa(m.Version))
		if res := sec.post("/committees/OPSG/meetings/106/edit", f); res.status != http.StatusSeeOther {
			t.Fatalf("status %d\n%s", res.status, res.body)
		}
		sec.get("/committees/OPSG/meetings/106").mustContain(t, "15 November 2023", "OPSG_106_2311")
	})

	t.Run("ErrStaleEdit", func(t *testing.T) {
		m, err := a.store.MeetingByNumber(t.Context(), "OPSG", 107)
		if err != nil {
			t.Fatal(err)
		}
		f := form("107", "2023-11-28", "13:00", "15:00")
		f.Set("version", itoa(m.Version))
		if res := sec.post("/committees/OPSG/meetings/107/edit", f); res.status != http.StatusSeeOther {
			t.Fatalf("first save: status %d", res.status)
		}
		f.Set("venue", "Birmingham")
		res := sec.post("/committees/OPSG/meetings/107/edit", f)
		if res.status != http.StatusConflict {
			t.Fatalf("stale save: status %d, want 409", res.status)
		}
		res.mustContain(t, "Someone else changed this meeting", `value="Birmingham"`)
	})

	t.Run("ErrApprovedMinutesCannotBeEdited", func(t *testing.T) {
		m, err := a.store.MeetingByNumber(t.Context(), "OPSG", 103)
		if err != nil {
			t.Fatal(err)
		}
		f := form("103", "2023-09-26", "", "")
		f.Set("version", itoa(m.Version))
		res := sec.post("/committees/OPSG/meetings/103/edit", f)
		if res.status != http.StatusConflict {
			t.Fatalf("status %d, want 409", res.status)
		}
		res.mustContain(t, "can no longer be changed")
	})
}

func TestMeetingAccess(t *testing.T) {
	a := newApp(t)
	tests := []struct {
		name   string
		path   string
		reader string
		want   int
	}{
		{"PublishedClearForAnonymous", "/committees/OPSG/meetings/105", "", http.StatusOK},
		{"ApprovedNotForAnonymous", "/committees/OPSG/meetings/103", "", http.StatusNotFound},
		{"ApprovedForMember", "/committees/OPSG/meetings/103", "member", http.StatusOK},
		{"ApprovedNotForNonMember", "/committees/OPSG/meetings/103", "non-member", http.StatusNotFound},
		{"CirculatedAmberForMember", "/committees/OPSG/meetings/104", "member", http.StatusOK},
		{"CirculatedNotForNonMember", "/committees/OPSG/meetings/104", "non-member", http.StatusNotFound},
		{"DraftNotForMember", "/committees/OPSG/meetings/106", "member", http.StatusNotFound},
		{"DraftForSecretariat", "/committees/OPSG/meetings/106", "secretariat", http.StatusOK},
		{"PublishedGreenNotForAnonymous", "/committees/TABASC/meetings/88", "", http.StatusNotFound},
		{"PublishedGreenForNonMember", "/committees/TABASC/meetings/88", "non-member", http.StatusOK},
		{"UnknownMeeting", "/committees/OPSG/meetings/999", "admin", http.StatusNotFound},
		{"NotANumber", "/committees/OPSG/meetings/abc", "admin", http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.as(tt.reader).get(tt.path)
			if res.status != tt.want {
				t.Fatalf("status %d, want %d", res.status, tt.want)
			}
			if tt.want == http.StatusNotFound {
				res.mustNotContain(t, "Meeting 10", "Teleconference")
			}
		})
	}

	t.Run("RedOnlyForThoseRecordedPresent", func(t *testing.T) {
		ctx := t.Context()
		// 104 is circulated, so its members read it unless it is RED.
		m, err := a.store.MeetingByNumber(ctx, "OPSG", 104)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.store.Pool().Exec(ctx, `UPDATE meetings SET classification = 'RED' WHERE id = $1`, m.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := a.store.Pool().Exec(ctx, `DELETE FROM attendance WHERE meeting_id = $1`, m.ID); err != nil {
			t.Fatal(err)
		}
		if res := a.as("member").get("/committees/OPSG/meetings/104"); res.status != http.StatusNotFound {
			t.Fatalf("member not recorded: status %d, want 404", res.status)
		}
		member, _, err := a.store.UserByEmail(ctx, a.emails["member"])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.store.Pool().Exec(ctx, `INSERT INTO attendance (meeting_id, person_id, status, category) VALUES ($1, $2, 'apologies', 'Large Suppliers')`, m.ID, member.PersonID); err != nil {
			t.Fatal(err)
		}
		if res := a.as("member").get("/committees/OPSG/meetings/104"); res.status != http.StatusNotFound {
			t.Fatalf("member who sent apologies: status %d, want 404", res.status)
		}
		if _, err := a.store.Pool().Exec(ctx, `UPDATE attendance SET status = 'present' WHERE meeting_id = $1`, m.ID); err != nil {
			t.Fatal(err)
		}
		if res := a.as("member").get("/committees/OPSG/meetings/104"); res.status != http.StatusOK {
			t.Fatalf("member recorded present: status %d, want 200", res.status)
		}
		if res := a.as("secretariat").get("/committees/OPSG/meetings/104"); res.status != http.StatusOK {
			t.Fatalf("secretariat: status %d, want 200", res.status)
		}
		if res := a.as("panel-chair").get("/committees/OPSG/meetings/104"); res.status != http.StatusNotFound {
			t.Fatalf("panel chair: status %d, want 404", res.status)
		}
	})
}
